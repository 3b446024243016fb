import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SupplyReport } from "../../../core/api/land.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { landAreas } from "../../db/schema/index.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.database.db.delete(landAreas);
});

async function addAreas(rows: { key: string; availableM2: number | null; plannedM2: number | null; status?: string }[]): Promise<void> {
  for (const r of rows) {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/land-bank/areas",
      headers: editor.headers,
      payload: { name: r.key, ...r },
    });
    expect(res.statusCode).toBe(201);
  }
}
const report = async (query = "") => (await t.app.inject({ url: `/api/land-bank/supply${query}` })).json() as SupplyReport;

describe("land supply against the plan's demand", () => {
  it("reads the demand from the plan's targets: 25 000 m² a year, 200 000–250 000 m² over 2015–2029", async () => {
    const r = await report();
    expect(r.plan).toEqual({ key: "baerum-2015", title: "Strategisk næringsplan for Bærum kommune" });
    expect(r.demand.perYear).toMatchObject({ m2: 25_000, targetKey: "a2-commercial-floor-space-per-year", approximate: true });
    expect(r.demand.horizon).toMatchObject({
      minM2: 200_000,
      maxM2: 250_000,
      start: "2015-01-01",
      end: "2029-12-31",
      years: 15,
      targetKey: "a6-commercial-floor-space-15y",
    });
  });

  it("sums available + planned when every area states them (computed by hand)", async () => {
    await addAreas([
      { key: "s-a", availableM2: 60_000, plannedM2: 40_000, status: "available" },
      { key: "s-b", availableM2: 30_000, plannedM2: 0, status: "available" },
      { key: "s-c", availableM2: 50_000, plannedM2: 25_000, status: "under_rezoning" },
    ]);
    const r = await report("?plan=baerum-2015");
    // 60 000 + 30 000 + 50 000 = 140 000 available; 40 000 + 0 + 25 000 = 65 000 planned; 205 000 in all.
    expect(r.supply).toEqual({ availableM2: 140_000, plannedM2: 65_000, totalM2: 205_000, isLowerBound: false });
    expect(r.areas).toEqual({ count: 3, unknownAvailable: 0, unknownPlanned: 0, unknownBoth: 0 });
    expect(r.byStatus).toEqual([
      { status: "available", count: 2, availableM2: 90_000, plannedM2: 40_000 },
      { status: "under_rezoning", count: 1, availableM2: 50_000, plannedM2: 25_000 },
    ]);
    // 205 000 / 25 000 = 8.2 years; covers 200 000 (gap 0) but not 250 000 (gap 45 000).
    expect(r.comparison).toEqual({
      yearsOfAnnualDemand: 8.2,
      gapToMinM2: 0,
      gapToMaxM2: 45_000,
      gapIsUpperBound: false,
      coversMin: "yes",
      coversMax: "no",
    });
  });

  it("never fills in missing figures: they are counted as unknown and the gap is an upper bound", async () => {
    await addAreas([
      { key: "u-a", availableM2: 60_000, plannedM2: null },
      { key: "u-b", availableM2: null, plannedM2: null },
      { key: "u-c", availableM2: 20_000, plannedM2: 10_000 },
    ]);
    const r = await report();
    // Known: 60 000 + 20 000 available, 10 000 planned = 90 000.
    expect(r.supply).toEqual({ availableM2: 80_000, plannedM2: 10_000, totalM2: 90_000, isLowerBound: true });
    expect(r.areas).toEqual({ count: 3, unknownAvailable: 1, unknownPlanned: 2, unknownBoth: 1 });
    expect(r.byStatus).toEqual([{ status: "unknown", count: 3, availableM2: 80_000, plannedM2: 10_000 }]);
    // 200 000 − 90 000 = 110 000; 250 000 − 90 000 = 160 000; 90 000 / 25 000 = 3.6 years.
    expect(r.comparison).toEqual({
      yearsOfAnnualDemand: 3.6,
      gapToMinM2: 110_000,
      gapToMaxM2: 160_000,
      gapIsUpperBound: true,
      coversMin: "unknown",
      coversMax: "unknown",
    });
  });

  it("says the range is covered when the known figures alone reach it, even with unknown areas", async () => {
    await addAreas([
      { key: "c-a", availableM2: 180_000, plannedM2: 90_000 },
      { key: "c-b", availableM2: null, plannedM2: null },
    ]);
    const r = await report();
    expect(r.comparison).toMatchObject({ gapToMinM2: 0, gapToMaxM2: 0, coversMin: "yes", coversMax: "yes", yearsOfAnnualDemand: 10.8 });
  });

  it("answers 404 for a plan that does not exist", async () => {
    expect((await t.app.inject({ url: "/api/land-bank/supply?plan=finnes-ikke" })).statusCode).toBe(404);
  });
});
