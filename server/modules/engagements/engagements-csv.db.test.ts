import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngagementView } from "../../../core/api/engagements.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import { AS1, AS2, ENK, logEngagement, seedCompanies, visit } from "./engagements.fixtures.js";

let t: TestApp;
let editor: SignedIn;
const BASIS = "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 2";
const SECRET = "Vurderer å flytte produksjonen til Sverige";

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  await seedCompanies(t);
  editor = await signInAs(t, "editor");
  await logEngagement(
    t,
    editor,
    visit("2017-03-01", [AS1, ENK], {
      title: "Besøk hos Fornebu Energi",
      participants: [{ role: "political_leadership", name: "Ordfører" }, { role: "business_development_staff" }],
      topics: ["expansion", "relocation_risk"],
      measureKeys: ["a1-m6", "a2-m1"],
      organisationKeys: ["baerum-naeringsrad"],
      notes: SECRET,
      notesExempt: true,
      notesExemptionBasis: BASIS,
      contacts: [{ name: "Ola Nordmann", phone: "99999999" }],
    }),
  );
  await logEngagement(t, editor, {
    kind: "advocacy",
    date: "2017-05-02",
    title: "Høringsuttalelse – E18 Vestkorridoren",
    organisationKeys: ["statens-vegvesen", "asker-kommune"],
    measureKeys: ["a7-m1"],
    notes: "Felles uttalelse med Asker; «viktig» for næringslivet",
  });
});
afterAll(async () => t?.close());

const cp1252 = (s: string) =>
  Buffer.from(
    [...s].map((ch) => {
      const HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
      const i = HIGH.indexOf(ch);
      if (i >= 0) return 0x80 + i;
      const c = ch.charCodeAt(0);
      if (c > 0xff) throw new Error(`not in Windows-1252: ${ch}`);
      return c;
    }),
  );
const upload = (body: Buffer | string) =>
  t.app.inject({
    method: "POST",
    url: "/api/engagements/import?fileName=logg.csv",
    headers: { ...editor.headers, "content-type": "text/csv" },
    payload: body,
  });
const exportCsv = async () => (await t.app.inject({ url: "/api/engagements.csv", headers: { cookie: editor.cookie } })).rawPayload;
const list = async () => (await t.app.inject({ url: "/api/engagements", headers: { cookie: editor.cookie } })).json() as EngagementView[];

describe("CSV export and import of the engagement log", () => {
  it("exports Excel's format without exempt notes or contact persons", async () => {
    const bytes = await exportCsv();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toBe(
      "\ufeffID;Dato;Type;Tittel;Kommunenummer;Org.nr.;Bedrifter;Organisasjoner;Deltakere;Tema;Tiltak;Notat;Unntatt offentlighet;Hjemmel",
    );
    expect(text).toContain(";01.03.2017;bedriftsbesøk;Besøk hos Fornebu Energi;3201;910000004 | 910005480;");
    expect(text).toContain("politisk ledelse: Ordfører | næringsutvikling;utvidelse | fare for utflytting;a1-m6 | a2-m1;;ja;");
    expect(text).toContain(BASIS);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("Ola Nordmann");
    expect(text).toContain('"Felles uttalelse med Asker; «viktig» for næringslivet"');
  });

  it("round-trips: an unchanged export imports as unchanged, in UTF-8 and in Windows-1252", async () => {
    const bytes = await exportCsv();
    const utf8 = await upload(bytes);
    expect(utf8.json()).toMatchObject({ encoding: "utf-8", rowsRead: 2, inserted: 0, updated: 0, unchanged: 2 });
    const win = await upload(cp1252(bytes.toString("utf8").replace(/^\ufeff/, "")));
    expect(win.statusCode, win.body).toBe(200);
    expect(win.json()).toMatchObject({ encoding: "windows-1252", rowsRead: 2, unchanged: 2 });
  });

  it("applies edits made in Excel (Windows-1252), keeps the exempt notes and contact persons, and adds new rows", async () => {
    const text = (await exportCsv()).toString("utf8").replace(/^\ufeff/, "");
    const edited = text
      .replace("politisk ledelse: Ordfører | næringsutvikling", "politisk ledelse: Ordfører | administrativ ledelse: Rådmann")
      .concat(
        `;15.06.2017;dialogmøte;Dialogmøte med næringsrådet;3201;;;baerum-naeringsrad;næringsutvikling;;a2-m4;Årsmøte – tema: rekruttering;nei;\r\n`,
      );
    const res = await upload(cp1252(edited));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ encoding: "windows-1252", rowsRead: 3, inserted: 1, updated: 1, unchanged: 1 });
    const after = await list();
    const visitRow = after.find((e) => e.title === "Besøk hos Fornebu Energi");
    expect(visitRow).toMatchObject({
      participants: [
        { role: "political_leadership", name: "Ordfører" },
        { role: "administrative_leadership", name: "Rådmann" },
      ],
      notes: SECRET,
      notesExempt: true,
      contacts: [{ name: "Ola Nordmann" }],
      companies: [{ orgnr: AS1 }, { orgnr: ENK }],
    });
    expect(after.find((e) => e.kind === "dialogue_meeting")).toMatchObject({
      notes: "Årsmøte – tema: rekruttering",
      measureKeys: ["a2-m4"],
    });
    // Re-importing the edited file changes nothing.
    expect((await upload(cp1252(edited))).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
  });

  it("rejects a file with bad rows, naming each line, and imports nothing", async () => {
    const before = await list();
    const header = "Dato;Type;Tittel;Kommunenummer;Org.nr.;Tiltak;Unntatt offentlighet;Hjemmel";
    const file = [
      header,
      `01.09.2017;bedriftsbesøk;Godt besøk;3201;${AS2};a1-m6;nei;`,
      "02.09.2017;bedriftsbesøk;Feil orgnr;3201;910000005;;nei;",
      "03.09.2017;lunsj;Feil type;3201;;;nei;",
      "31.09.2017;bedriftsbesøk;Feil dato;3201;;;nei;",
      "04.09.2017;bedriftsbesøk;Uten hjemmel;3201;;;ja;",
      "05.09.2017;bedriftsbesøk;Ukjent tiltak;3201;;zz-m1;nei;",
    ].join("\r\n");
    const res = await upload(file);
    expect(res.statusCode).toBe(400);
    const body = res.json() as { message: string; details: { line: number; path: string }[] };
    expect(body.message).toContain("nothing was imported");
    expect(body.details.map((d) => [d.line, d.path])).toEqual([
      [3, "Org.nr."],
      [4, "Type"],
      [5, "Dato"],
      [6, "Hjemmel"],
      [7, "Tiltak"],
    ]);
    expect(await list()).toHaveLength(before.length);
    const utf16 = Buffer.from(`\ufeff${header}\r\n`, "utf16le");
    const refused = await upload(utf16);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ details: [{ path: "file", line: 1 }] });
  });
});
