import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseView } from "../../../core/api/building-cases.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures/building-cases");
const HEADER =
  "Saksnummer;SøknadsID;Søknadstype;Næringsbygg;Bygningstype;Adresse;Mottatt;Komplett;Vedtak;Nabomerknader;Dispensasjon;Andre myndigheter;Stopp fra;Stopp til;Stoppgrunn";

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());

function importCsv(body: string | Buffer, query = "") {
  return t.app.inject({
    method: "POST",
    url: `/api/building-cases/import${query}`,
    headers: { ...editor.headers, "content-type": "text/csv" },
    payload: body,
  });
}
const list = async (query = "") =>
  (await t.app.inject({ url: `/api/building-cases${query}`, headers: { cookie: editor.cookie } })).json() as CaseView[];
const countAll = async () => (await list()).length;

describe("importing a case-system export", () => {
  it("imports the sample (UTF-8), re-imports it unchanged, and reads the Windows-1252 variant the same", async () => {
    const utf8 = fs.readFileSync(path.join(FIXTURES, "sample.csv"));
    const first = await importCsv(utf8, "?fileName=sample.csv");
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ encoding: "utf-8", read: 13, inserted: 13, updated: 0, unchanged: 0 });

    const cases = await list("?type=rammetillatelse");
    const hotel = cases.find((c) => c.caseId === "17/00733");
    expect(hotel).toMatchObject({
      address: "Strandpromenaden 3",
      completeDate: null,
      dispensationNeeded: true,
      otherAuthorities: true,
      clock: { startedFrom: "received", days: 65, stoppedDays: 35 },
      stops: [
        { fromDate: "2017-05-01", toDate: "2017-05-29", reason: "Til uttalelse hos regional myndighet" },
        { fromDate: "2017-06-05", toDate: "2017-06-12", reason: "Manglende opplysninger om avkjørsel" },
      ],
    });
    const all = await list();
    expect(all.find((c) => c.caseId === "17/01470")?.address).toBe("Gamle Ringeriksvei 20; bygg B");
    expect(all.find((c) => c.caseId === "18/00231")?.buildingKind).toBe("Kjøpesenter");

    const again = await importCsv(utf8);
    expect(again.json()).toMatchObject({ read: 13, inserted: 0, updated: 0, unchanged: 13 });

    const cp1252 = fs.readFileSync(path.join(FIXTURES, "sample-windows-1252.csv"));
    const win = await importCsv(cp1252);
    expect(win.statusCode, win.body).toBe(200);
    expect(win.json()).toMatchObject({ encoding: "windows-1252", read: 13, inserted: 0, updated: 0, unchanged: 13 });
    expect(await countAll()).toBe(13);

    const batches = await t.database.db.query.importBatches.findMany();
    expect(batches.map((b) => [b.kind, b.inserted, b.unchanged])).toEqual([
      ["building_applications", 13, 0],
      ["building_applications", 0, 13],
      ["building_applications", 0, 13],
    ]);
    const audit = await t.database.db.query.auditLog.findMany({ where: (a, { eq }) => eq(a.action, "building_case.import") });
    expect(audit).toHaveLength(3);
  });

  it("reports every bad row with its line number and column, and imports nothing", async () => {
    const before = await countAll();
    const csv = [
      `${HEADER};Stopp fra 2;Stopp til 2;Stoppgrunn 2`,
      "19/00001;B1;Rammetillatelse;ja;Kontorbygg;Vei 1;02.01.2019;09.01.2019;01.03.2019;nei;nei;nei;;;",
      "19/00002;B2;Rammetillatelse;ja;Kontorbygg;Vei 2;02.01.2019;09.01.2019;31.02.2019;nei;nei;nei;;;",
      "19/00003;B3;Byggemelding;ja;Kontorbygg;Vei 3;02.01.2019;09.01.2019;01.03.2019;nei;nei;nei;;;",
      "19/00004;B4;Ett-trinns søknad;kanskje;Kontorbygg;Vei 4;02.01.2019;09.01.2019;01.03.2019;nei;nei;nei;;;",
      "19/00005;B5;Ett-trinns søknad;ja;Kontorbygg;Vei 5;02.01.2019;09.01.2019;05.01.2019;nei;nei;nei;;;",
      "19/00006;B6;Ett-trinns søknad;ja;Kontorbygg;Vei 6;02.01.2019;09.01.2019;01.03.2019;nei;nei;nei;10.02.2019;01.02.2019;",
      "19/00001;B1;Rammetillatelse;ja;Kontorbygg;Vei 1;02.01.2019;09.01.2019;01.03.2019;nei;nei;nei;;;",
      "19/00008;B8;Ett-trinns søknad;ja;Kontorbygg;Vei 8;02.01.2019;09.01.2019;01.03.2019;nei;nei;nei;;01.02.2019;Uten start",
      "19/00009;B9;Ett-trinns søknad;ja;Kontorbygg;Vei 9;02.01.2019;09.01.2019;01.03.2019;nei;nei;nei;;;;10.02.2019;01.02.2019;Feil rekkefølge",
      `${"1".repeat(51)};B10;Ett-trinns søknad;ja;Kontorbygg;Vei 10;02.01.2019;09.01.2019;01.03.2019;nei;nei;nei;;;`,
    ].join("\r\n");
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; details: { path: string; message: string; line: number }[] };
    expect(body.code).toBe("validation_failed");
    expect(body.details.map((d) => d.path)).toEqual([
      "line 3: Vedtak",
      "line 4: Søknadstype",
      "line 5: Næringsbygg",
      "line 6: Vedtak",
      "line 7: Stopp til",
      "line 8: SøknadsID",
      "line 9: Stopp fra",
      "line 10: Stopp til 2",
      "line 11: Saksnummer",
    ]);
    expect(body.details[0]?.message).toMatch(/not a real date/);
    expect(body.details[1]?.message).toMatch(/unknown application type "Byggemelding"/);
    expect(body.details[5]?.message).toMatch(/line 2/);
    expect(await countAll()).toBe(before);
  });

  it("refuses a file without a required column, naming it", async () => {
    const res = await importCsv("Saksnummer;SøknadsID;Søknadstype;Næringsbygg\r\n19/1;A;Rammetillatelse;ja\r\n");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ details: [{ path: "line 1: Mottatt", message: 'missing column "Mottatt"' }] });
  });

  it("refuses a UTF-16 file with a line number", async () => {
    const res = await importCsv(Buffer.from([0xff, 0xfe, 0x53, 0x00]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "validation_failed", details: [{ path: "line 1" }] });
  });

  it("updates a changed row and counts the rest unchanged", async () => {
    const row = (decision: string, stop = "") =>
      `20/00001;U1;Rammetillatelse;ja;Kontorbygg;Vei 1;02.01.2020;09.01.2020;${decision};nei;nei;nei;${stop}`;
    const other = "20/00002;U2;Ett-trinns søknad;ja;Lager;Vei 2;02.01.2020;09.01.2020;30.01.2020;nei;nei;nei;;;";
    expect((await importCsv([HEADER, row("01.03.2020", ";;"), other].join("\r\n"))).json()).toMatchObject({ inserted: 2 });
    const res = await importCsv([HEADER, row("15.03.2020", "01.02.2020;08.02.2020;Manglende tegninger"), other].join("\r\n"));
    expect(res.json()).toMatchObject({ read: 2, inserted: 0, updated: 1, unchanged: 1 });
    const updated = (await list()).find((c) => c.caseId === "20/00001");
    expect(updated).toMatchObject({ decisionDate: "2020-03-15", clock: { days: 59, stoppedDays: 7 } });
  });

  it("reads a case system's own headers and type labels through a mapping", async () => {
    const mapping = JSON.stringify({
      columns: {
        caseId: "Saksnr.",
        applicationId: "Journalpostnr",
        applicationType: "Sakstype",
        receivedDate: "Innkommet",
        stopFrom: "Fristbrudd fra",
        stopTo: "Fristbrudd til",
      },
      types: { RS: "rammetillatelse", ET: "ett_trinn" },
    });
    const csv = [
      "Saksnr.;Journalpostnr;Sakstype;Næringsbygg;Innkommet;Komplett;Vedtak;Fristbrudd fra;Fristbrudd til;Fristbrudd fra 2;Fristbrudd til 2",
      "21/00001;M1;RS;ja;04.01.2021;11.01.2021;05.04.2021;01.02.2021;08.02.2021;01.03.2021;15.03.2021",
      "21/00002;M2;ET;ja;04.01.2021;11.01.2021;01.02.2021;;;;",
    ].join("\r\n");
    const res = await importCsv(csv, `?mapping=${encodeURIComponent(mapping)}`);
    expect(res.statusCode, res.body).toBe(200);
    const cases = (await list()).filter((c) => c.caseId.startsWith("21/"));
    expect(cases.map((c) => [c.caseId, c.applicationType, c.clock?.days])).toEqual([
      ["21/00001", "rammetillatelse", 63],
      ["21/00002", "ett_trinn", 21],
    ]);
  });

  it("refuses a mapping that is not JSON or names an unknown column", async () => {
    expect((await importCsv(`${HEADER}\r\n`, "?mapping=%7Bx")).json()).toMatchObject({ code: "validation_failed" });
    const bad = await importCsv(`${HEADER}\r\n`, `?mapping=${encodeURIComponent(JSON.stringify({ columns: { nope: "X" } }))}`);
    expect(bad.statusCode).toBe(400);
  });

  it("exports the log in the import format, and importing the export changes nothing", async () => {
    const csv = [
      HEADER.replace("Stoppgrunn", "Stoppgrunn;Stopp fra 2;Stopp til 2;Stoppgrunn 2;Stopp fra 3;Stopp til 3;Stoppgrunn 3"),
      '22/00001;R1;Rammetillatelse;ja;Kontorbygg;"Vei 1; bygg A";03.01.2022;10.01.2022;07.03.2022;ja;nei;ja;17.01.2022;24.01.2022;"Mangler ""situasjonsplan""";31.01.2022;;Åpent stopp;01.02.2022;02.02.2022;-',
      "22/00002;R2;Midlertidig brukstillatelse;nei;;;03.01.2022;;;nei;nei;nei;;;;;;;;;",
    ].join("\r\n");
    expect((await importCsv(csv)).statusCode).toBe(200);
    const exported = await t.app.inject({ url: "/api/building-cases/export.csv", headers: { cookie: editor.cookie } });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toMatch(/^text\/csv/);
    const bytes = exported.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toContain("Stopp fra 3;Stopp til 3;Stoppgrunn 3");
    expect(text).toContain(
      '22/00001;R1;Rammetillatelse;ja;Kontorbygg;"Vei 1; bygg A";03.01.2022;10.01.2022;07.03.2022;ja;nei;ja;17.01.2022;24.01.2022;"Mangler ""situasjonsplan""";31.01.2022;;Åpent stopp;01.02.2022;02.02.2022;\'-',
    );

    const total = await countAll();
    const back = await importCsv(bytes);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toMatchObject({ read: total, inserted: 0, updated: 0, unchanged: total });
    const r1 = (await list()).find((c) => c.caseId === "22/00001");
    expect(r1?.stops.map((s) => s.reason)).toEqual(['Mangler "situasjonsplan"', "Åpent stopp", "-"]);
  });
});
