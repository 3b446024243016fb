import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadSeries } from "../indicators/series.service.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import type { PlanTree } from "../plans/plan-tree.service.js";

/** The school-and-business log, described only by core/logs/descriptors/school-business.ts. */

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

interface Row {
  id: string;
  schoolYear: string;
  kind: string;
  place: string;
  grade: string | null;
  programme: string | null;
  trade: string | null;
  count: number;
  batchId: string | null;
}

const post = (payload: object, headers: Record<string, string> = editor.headers) =>
  t.app.inject({ method: "POST", url: "/api/school-business", headers, payload });
const upload = (body: Buffer | string) =>
  t.app.inject({
    method: "POST",
    url: "/api/school-business/import",
    headers: { ...editor.headers, "content-type": "text/csv" },
    payload: body,
  });
const list = async (query = "") =>
  (await t.app.inject({ url: `/api/school-business${query}`, headers: { cookie: reader.cookie } })).json() as Row[];

const HEADER = "Skoleår;Type;Skole/enhet;Trinn;Program;Fag;Antall";

describe("school and business log", () => {
  it("records, reads, edits and deletes an entry; validates school year, kind and count", async () => {
    const res = await post({
      schoolYear: "2015/2016",
      kind: "ue_programme",
      place: "Rud vgs",
      grade: "Vg2",
      programme: "Elevbedrift",
      count: 48,
    });
    expect(res.statusCode, res.body).toBe(201);
    const row = res.json() as Row;
    expect(row).toMatchObject({ schoolYear: "2015/16", trade: null, count: 48, batchId: null });
    expect(Object.keys(row)).toEqual([
      "id",
      "schoolYear",
      "kind",
      "place",
      "grade",
      "programme",
      "trade",
      "count",
      "batchId",
      "createdAt",
      "updatedAt",
    ]);
    const got = await t.app.inject({ url: `/api/school-business/${row.id}`, headers: { cookie: reader.cookie } });
    expect((got.json() as Row).place).toBe("Rud vgs");
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/school-business/${row.id}`,
      headers: editor.headers,
      payload: { count: 50 },
    });
    expect((patched.json() as Row).count).toBe(50);
    expect((await t.app.inject({ method: "DELETE", url: `/api/school-business/${row.id}`, headers: editor.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/school-business/${row.id}`, headers: { cookie: reader.cookie } })).statusCode).toBe(404);
    for (const bad of [
      { schoolYear: "2015/17", kind: "ue_programme", place: "X", count: 1 },
      { schoolYear: "2015/16", kind: "camp", place: "X", count: 1 },
      { schoolYear: "2015/16", kind: "apprenticeship", place: "X", count: 0 },
      { schoolYear: "2015/16", kind: "apprenticeship", count: 1 },
    ]) {
      const r = await post(bad);
      expect(r.statusCode, JSON.stringify(bad)).toBe(400);
      expect((r.json() as { code: string }).code).toBe("validation_failed");
    }
  });

  it("needs a session to read and an editor to write", async () => {
    expect((await t.app.inject({ url: "/api/school-business" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/school-business.csv" })).statusCode).toBe(401);
    expect((await post({ schoolYear: "2015/16", kind: "apprenticeship", place: "X", count: 1 }, reader.headers)).statusCode).toBe(403);
  });

  it("imports a Windows-1252 file all or nothing, then re-imports it unchanged", async () => {
    const rejected = await upload(
      Buffer.from(
        [
          HEADER,
          "2016/17;Ungt Entreprenørskap;Bekkestua skole;9. trinn;Elevbedrift;;60",
          "2016/17;camp;Rud vgs;;;;3",
          "16/17;UE;Rud vgs;;;;x",
        ].join("\r\n"),
        "latin1",
      ),
    );
    expect(rejected.statusCode).toBe(400);
    const details = (rejected.json() as { details: { line: number; path: string }[] }).details;
    expect(details.map((d) => [d.line, d.path])).toEqual([
      [3, "Type"],
      [4, "Antall"],
    ]);
    expect(await list()).toEqual([]);
    const file = Buffer.from(
      [
        HEADER,
        "2016/17;Ungt Entreprenørskap;Bekkestua skole;9. trinn;Elevbedrift;;60",
        "2016/17;UE;Rud vgs;Vg2;Ungdomsbedrift;;45",
        "2017/18;Ungt Entreprenørskap;Bekkestua skole;9. trinn;Elevbedrift;;75",
        "2016/17;lærlinge- og praksisplasser;Bærum sykehjem;;;Helsearbeiderfaget;6",
        "2017/2018;lærlingplasser;Bærum sykehjem;;;Helsearbeiderfaget;9",
      ].join("\r\n"),
      "latin1",
    );
    expect((await upload(file)).json()).toMatchObject({ encoding: "windows-1252", rowsRead: 5, inserted: 5 });
    const before = await list();
    expect(before.map((r) => [r.schoolYear, r.kind, r.place, r.count])).toEqual([
      ["2016/17", "apprenticeship", "Bærum sykehjem", 6],
      ["2016/17", "ue_programme", "Bekkestua skole", 60],
      ["2016/17", "ue_programme", "Rud vgs", 45],
      ["2017/18", "apprenticeship", "Bærum sykehjem", 9],
      ["2017/18", "ue_programme", "Bekkestua skole", 75],
    ]);
    expect((await upload(file)).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 5 });
    expect((await list("?kind=apprenticeship")).map((r) => r.count)).toEqual([6, 9]);
  });

  it("exports CSV that round-trips unchanged, and an edited export updates by id", async () => {
    const csv = (await t.app.inject({ url: "/api/school-business.csv", headers: { cookie: reader.cookie } })).rawPayload;
    const text = csv.toString("utf8");
    expect(text.split("\r\n")[0]).toBe(`\ufeffID;${HEADER}`);
    expect(text).toContain(";2017/18;Ungt Entreprenørskap;Bekkestua skole;9. trinn;Elevbedrift;;75\r\n");
    const before = await list();
    expect((await upload(csv)).json()).toMatchObject({ encoding: "utf-8", inserted: 0, updated: 0, unchanged: 5 });
    expect(await list()).toEqual(before.map((r) => ({ ...r })));
    const edited = Buffer.from(text.replace(";Elevbedrift;;75\r\n", ";Elevbedrift;;80\r\n"), "utf8");
    expect((await upload(edited)).json()).toMatchObject({ updated: 1, unchanged: 4 });
  });

  it("feeds ungt-entreprenorskap-pupils and municipal-apprenticeship-places per school year", async () => {
    const series = await loadSeries(t.database.db, ["ungt-entreprenorskap-pupils", "municipal-apprenticeship-places"], {
      areaCode: "3201",
      range: { start: "2015-01-01", end: "2018-12-31" },
    });
    const source = "Næringskompass: skole og næringsliv";
    expect(series.get("ungt-entreprenorskap-pupils")).toEqual([
      { period: "2016/17", value: 105, source },
      { period: "2017/18", value: 80, source },
      { period: "2018/19", value: 0, source },
    ]);
    expect(series.get("municipal-apprenticeship-places")).toEqual([
      { period: "2016/17", value: 6, source },
      { period: "2017/18", value: 9, source },
      { period: "2018/19", value: 0, source },
    ]);
  });

  it("moves the plan's targets on the measures that read them (a4-m2, a1-m4)", async () => {
    const tree = (await t.app.inject({ url: "/api/plans/baerum-2015?asOf=2018-12-31" })).json() as PlanTree;
    const measures = tree.focusAreas.flatMap((a) => a.measures);
    const targetOf = (measure: string, key: string) => measures.find((m) => m.key === measure)?.targets.find((x) => x.key === key);
    const ue = targetOf("a4-m2", "a4-ungt-entreprenorskap-rising");
    const apprentices = targetOf("a1-m4", "a1-municipal-apprenticeship-places-rising");
    expect(ue?.explanation.text).toMatch(/80/);
    expect(apprentices?.indicator).toBe("municipal-apprenticeship-places");
    expect(apprentices?.explanation.text).toMatch(/9/);
    expect(apprentices?.status).not.toBe("no_data");
  });
});
