import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlacementTotals, PlacementView } from "../../../core/api/placements.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadSeries } from "../indicators/series.service.js";

let t: TestApp;
let editor: SignedIn;
let reader: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
  reader = await signInAs(t, "reader");
});
afterAll(async () => t?.close());

const post = (payload: object, headers: Record<string, string> = editor.headers) =>
  t.app.inject({ method: "POST", url: "/api/placements", headers, payload });
const upload = (body: Buffer | string) =>
  t.app.inject({
    method: "POST",
    url: "/api/placements/import",
    headers: { ...editor.headers, "content-type": "text/csv" },
    payload: body,
  });
const list = async () => (await t.app.inject({ url: "/api/placements", headers: { cookie: reader.cookie } })).json() as PlacementView[];

const HEADER = "Skoleår;Bedrift;Orgnr;Sektor;Skole;Plasser";

describe("LIA placements", () => {
  it("records, edits and deletes a row; validates school year, sector and organisation number", async () => {
    const res = await post({
      schoolYear: "2015/2016",
      companyName: "Bærum sykehus",
      sector: "state",
      placements: 12,
      orgnr: "974 760 673",
    });
    expect(res.statusCode).toBe(201);
    const row = res.json() as PlacementView;
    expect(row).toMatchObject({ schoolYear: "2015/16", orgnr: "974760673", school: null });
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/placements/${row.id}`,
      headers: editor.headers,
      payload: { placements: 10 },
    });
    expect((patched.json() as PlacementView).placements).toBe(10);
    expect((await t.app.inject({ method: "DELETE", url: `/api/placements/${row.id}`, headers: editor.headers })).statusCode).toBe(204);

    for (const bad of [
      { schoolYear: "2015/17", companyName: "X", sector: "private", placements: 1 },
      { schoolYear: "2015/16", companyName: "X", sector: "business", placements: 1 },
      { schoolYear: "2015/16", companyName: "X", sector: "private", placements: 0 },
      { schoolYear: "2015/16", companyName: "X", sector: "private", placements: 1, orgnr: "974760674" },
    ]) {
      const r = await post(bad);
      expect(r.statusCode).toBe(400);
      expect((r.json() as { code: string }).code).toBe("validation_failed");
    }
  });

  it("answers anonymous users 401 on the raw list and writes, readers 403 on writes; totals are public", async () => {
    expect((await t.app.inject({ url: "/api/placements" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/placements.csv" })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/placements",
          payload: { schoolYear: "2015/16", companyName: "X", sector: "private", placements: 1 },
        })
      ).statusCode,
    ).toBe(401);
    expect((await post({ schoolYear: "2015/16", companyName: "X", sector: "private", placements: 1 }, reader.headers)).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: "/api/placements/totals" })).statusCode).toBe(200);
  });

  it("imports a Windows-1252 file all or nothing, then re-imports it unchanged", async () => {
    const bad = Buffer.from(
      [
        HEADER,
        "2016/17;Rema 1000 Sandvika;;privat;Sandvika vgs;20",
        "2016/17;Bærum kommune;;offentlig;Rud vgs;30",
        "16/17;Kiwi;;privat;;3",
        "2016/17;Coop;;privat;;x",
      ].join("\r\n"),
      "latin1",
    );
    const rejected = await upload(bad);
    expect(rejected.statusCode).toBe(400);
    const details = (rejected.json() as { details: { line: number; path: string }[] }).details;
    expect(details.map((d) => [d.line, d.path])).toEqual([
      [3, "Sektor"],
      [4, "Skoleår"],
      [5, "Plasser"],
    ]);
    expect(await list()).toEqual([]);

    const file = Buffer.from(
      [
        HEADER,
        "2016/17;Rema 1000 Sandvika;;privat;Sandvika vgs;20",
        "2016/17;Bærum kommune;;kommunal;Rud vgs;230",
        "2016/2017;Frivilligsentralen;;frivillig;Rud vgs;5",
        "2017/18;Bærum kommune;;kommunal;Rud vgs;100",
      ].join("\r\n"),
      "latin1",
    );
    const ok = await upload(file);
    expect(ok.json()).toMatchObject({ encoding: "windows-1252", inserted: 4 });
    const before = await list();
    expect(before.find((p) => p.companyName === "Bærum kommune" && p.schoolYear === "2016/17")?.placements).toBe(230);
    expect((await upload(file)).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    expect(await list()).toEqual(before);
  });

  it("exports CSV that round-trips unchanged", async () => {
    const csv = (await t.app.inject({ url: "/api/placements.csv", headers: { cookie: reader.cookie } })).rawPayload;
    expect(csv.toString("utf8")).toContain(";2016/17;Bærum kommune;;kommunal;Rud vgs;230\r\n");
    const before = await list();
    expect((await upload(csv)).json()).toMatchObject({ encoding: "utf-8", inserted: 0, updated: 0, unchanged: 4 });
    expect(await list()).toEqual(before);
  });

  it("totals per school year and sector", async () => {
    const totals = (await t.app.inject({ url: "/api/placements/totals" })).json() as PlacementTotals;
    expect(totals.map((y) => [y.schoolYear, y.placements, y.companies])).toEqual([
      ["2016/17", 255, 3],
      ["2017/18", 100, 1],
    ]);
    expect(totals[0]?.bySector.map((s) => [s.sector, s.placements])).toEqual([
      ["private", 20],
      ["municipal", 230],
      ["voluntary", 5],
    ]);
    const only = (await t.app.inject({ url: "/api/placements/totals?from=2017/18" })).json() as PlacementTotals;
    expect(only.map((y) => y.schoolYear)).toEqual(["2017/18"]);
  });

  it("feeds lia-placements per school year, with 0 for later school years without entries", async () => {
    const series = await loadSeries(t.database.db, ["lia-placements"], {
      areaCode: "3201",
      range: { start: "2015-01-01", end: "2018-12-31" },
    });
    expect(series.get("lia-placements")).toEqual([
      { period: "2016/17", value: 255, source: "Næringskompass: LIA-logg" },
      { period: "2017/18", value: 100, source: "Næringskompass: LIA-logg" },
      { period: "2018/19", value: 0, source: "Næringskompass: LIA-logg" },
    ]);
  });
});
