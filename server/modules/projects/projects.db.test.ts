import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectView } from "../../../core/api/projects.js";
import { mustParsePeriod } from "../../../core/periods.js";
import { valueInPeriod } from "../../../core/targets/series.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadSeries } from "../indicators/series.service.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";

let t: TestApp;
let editor: SignedIn;
let reader: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  editor = await signInAs(t, "editor");
  reader = await signInAs(t, "reader");
});
afterAll(async () => t?.close());

const post = (payload: object, headers: Record<string, string> = editor.headers) =>
  t.app.inject({ method: "POST", url: "/api/projects", headers, payload });
const upload = (body: Buffer | string) =>
  t.app.inject({ method: "POST", url: "/api/projects/import", headers: { ...editor.headers, "content-type": "text/csv" }, payload: body });
const list = async () => (await t.app.inject({ url: "/api/projects", headers: { cookie: reader.cookie } })).json() as ProjectView[];
const range = { start: "2015-01-01", end: "2018-12-31" };
const sum = async (key: string, period: string) =>
  valueInPeriod((await loadSeries(t.database.db, [key], { areaCode: "3201", range })).get(key) ?? [], mustParsePeriod(period), "sum").value;

const HEADER = "Nøkkel;Type;Tittel;Status;Etablert;Start;Slutt;Partnere;Beskrivelse;Tiltak";

describe("the project log", () => {
  it("records, reads by key, edits and deletes a project", async () => {
    const res = await post({
      key: "fb-fornebu-skole",
      kind: "futurebuilt",
      title: "Fornebu skole",
      status: "ongoing",
      establishedDate: "2016-09-01",
      partners: ["FutureBuilt", "Bærum kommune eiendom"],
      measureKey: "a2-m7",
    });
    expect(res.statusCode).toBe(201);
    const got = await t.app.inject({ url: "/api/projects/fb-fornebu-skole", headers: { cookie: reader.cookie } });
    expect(got.json()).toMatchObject({ kind: "futurebuilt", partners: ["FutureBuilt", "Bærum kommune eiendom"], measureKey: "a2-m7" });
    const patched = await t.app.inject({
      method: "PATCH",
      url: "/api/projects/fb-fornebu-skole",
      headers: editor.headers,
      payload: { status: "completed", endDate: "2018-06-30" },
    });
    expect(patched.json()).toMatchObject({ status: "completed", endDate: "2018-06-30" });
    expect((await post({ key: "fb-fornebu-skole", kind: "other", title: "Dup" })).statusCode).toBe(409);
    expect((await t.app.inject({ method: "DELETE", url: "/api/projects/fb-fornebu-skole", headers: editor.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/projects/fb-fornebu-skole", headers: { cookie: reader.cookie } })).statusCode).toBe(404);
  });

  it("refuses an unknown measure, a future established date and an end before the start", async () => {
    const bad = [
      { key: "p1", kind: "other", title: "X", measureKey: "a9-m99" },
      { key: "p2", kind: "other", title: "X", establishedDate: "2999-01-01" },
      { key: "p3", kind: "other", title: "X", startDate: "2017-01-01", endDate: "2016-01-01" },
      { key: "p4", kind: "other", title: "X", partners: ["A|B"] },
    ];
    const paths = [];
    for (const p of bad) {
      const res = await post(p);
      expect(res.statusCode).toBe(400);
      paths.push((res.json() as { details: { path: string }[] }).details[0]?.path);
    }
    expect(paths).toEqual(["measureKey", "establishedDate", "endDate", "body.partners.0"]);
  });

  it("answers anonymous users 401 and readers 403 on writes", async () => {
    expect((await t.app.inject({ url: "/api/projects" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/projects.csv" })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/projects", payload: { key: "x", kind: "other", title: "X" } })).statusCode,
    ).toBe(401);
    expect((await post({ key: "x", kind: "other", title: "X" }, reader.headers)).statusCode).toBe(403);
  });

  it("imports CSV all or nothing, with partners |-separated, and re-imports unchanged", async () => {
    const bad = [
      HEADER,
      "ii-1;innovativt innkjøp;Innovativ renhold;pågår;15.03.2016;;;A | B;;a2-m5",
      "ii-2;innkjøp;Feil type;pågår;15.03.2016;;;;;",
      "ii-3;innovativt innkjøp;Ukjent tiltak;pågår;15.03.2016;;;;;a2-m77",
      "ii-1;innovativt innkjøp;Samme nøkkel;pågår;15.03.2016;;;;;",
    ].join("\r\n");
    const rejected = await upload(bad);
    expect(rejected.statusCode).toBe(400);
    expect((rejected.json() as { details: { line: number; path: string }[] }).details.map((d) => [d.line, d.path])).toEqual([
      [3, "Type"],
      [4, "Tiltak"],
      [5, "row"],
    ]);
    expect(await list()).toEqual([]);

    const file = Buffer.from(
      [
        HEADER,
        "ii-1;innovativt innkjøp;Innovativt renhold;pågår;31.12.2016;;;Leverandør A | Leverandør B;;a2-m5",
        "ii-2;Innovativt innkjøp;Velferdsteknologi-konkurranse;fullført;01.01.2017;01.02.2017;30.06.2017;;;a2-m5",
        "ii-3;innovativt innkjøp;Avbrutt konkurranse;avbrutt;15.05.2017;;;;;",
        "ii-4;innovativt innkjøp;Ikke etablert ennå;planlagt;;;;;;",
        'kn-1;velferdsteknologi;Kom-Nær: digitalt tilsyn;pågår;10.10.2017;;;"Asker kommune | Kom-Nær";"Beskrivelse; med semikolon";a4-m4',
      ].join("\r\n"),
      "latin1",
    );
    const ok = await upload(file);
    expect(ok.json()).toMatchObject({ encoding: "windows-1252", inserted: 5 });
    const before = await list();
    expect(before.find((p) => p.key === "ii-1")?.partners).toEqual(["Leverandør A", "Leverandør B"]);
    expect(before.find((p) => p.key === "kn-1")?.description).toBe("Beskrivelse; med semikolon");
    expect((await upload(file)).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    expect(await list()).toEqual(before);
  });

  it("exports CSV that round-trips unchanged", async () => {
    const csv = (await t.app.inject({ url: "/api/projects.csv", headers: { cookie: reader.cookie } })).rawPayload;
    const text = csv.toString("utf8");
    expect(text.split("\r\n")[0]).toBe(`\ufeff${HEADER}`);
    expect(text).toContain("ii-1;innovativt innkjøp;Innovativt renhold;pågår;31.12.2016;;;Leverandør A | Leverandør B;;a2-m5\r\n");
    const before = await list();
    expect((await upload(csv)).json()).toMatchObject({ encoding: "utf-8", inserted: 0, updated: 0, unchanged: 5 });
    expect(await list()).toEqual(before);
  });

  it("counts each project once on its established date, not cancelled or undated ones, with 0 for empty months", async () => {
    expect(await sum("innovative-procurements", "2016")).toBe(1);
    expect(await sum("innovative-procurements", "2017")).toBe(1);
    expect(await sum("innovative-procurements", "2018")).toBe(0);
    expect(await sum("innovative-procurements", "2015")).toBeNull();
    expect(await sum("innovative-procurements", "2015-01-01..2018-12-31")).toBe(2);
    expect(await sum("welfare-tech-projects", "2017-Q4")).toBe(1);
    // The log started in December 2016: FutureBuilt has real zeros from then on, no data before.
    expect(await sum("futurebuilt-projects", "2017")).toBe(0);
    expect(await sum("futurebuilt-projects", "2016-11")).toBeNull();
    const series = (await loadSeries(t.database.db, ["innovative-procurements"], { areaCode: "3201", range })).get(
      "innovative-procurements",
    );
    expect(series?.filter((v) => v.value !== 0).map((v) => v.period)).toEqual(["2016-12-31", "2017-01-01"]);
    expect(series?.[0]?.source).toBe("Næringskompass: prosjektlogg");
  });
});
