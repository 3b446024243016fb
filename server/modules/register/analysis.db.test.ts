import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db.js";
import { seedRegisterSnapshot } from "../../../test/helpers/register.js";
import type { Database } from "../../db/client.js";
import { SYSTEM_ACTOR } from "../audit/audit.service.js";
import { createIndicator, recordIndicatorValue } from "../indicators/indicators.service.js";
import { loadSeries, registerDerivedIndicator } from "../indicators/series.service.js";
import { analyseMunicipality, rankMunicipalities } from "./analysis.service.js";
import { registerIndicators } from "./register.indicators.js";

/*
 * Three national snapshots of hovedenheter, each taken in February, so the cohorts of 2022 and 2023
 * can be followed (docs/register.md, "Survival"). Bærum today is 3201; the first snapshot still
 * uses the 2020–2023 number 3024 for one firm (as Brreg's files then did) — normalised to 3201 on
 * import, as the test helper stores area codes already normalised; the raw code is kept.
 *
 *   2023-02-15: A (reg 2022, AS), B (reg 2022, ENK), C (reg 2022, FLI – not a new-firm form),
 *               D (reg 2010, AS, Asker 3203), E (reg 2015, AS)
 *   2024-02-15: A, B (bankrupt), D moved to Bærum, F (reg 2023-05-01, AS), E gone
 *   2025-02-15: A, F, G (reg 2024-03-01, ASA) — B gone
 */
const S1 = "2023-02-15";
const S2 = "2024-02-15";
const S3 = "2025-02-15";
const A = "910000011";
const B = "910000021";
const C = "910000031";
const D = "910000041";
const E = "910000051";
const F = "910000061";
const G = "910000071";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
  const db = database.db;
  for (const d of registerIndicators) registerDerivedIndicator(d);
  await seedRegisterSnapshot(db, {
    kind: "enheter",
    asOf: S1,
    rows: [
      { orgnr: A, registeredOn: "2022-03-01", municipalityRaw: "3024" },
      { orgnr: B, registeredOn: "2022-06-01", orgForm: "ENK", naceCode: "47.110", naceSection: "G", naceDivision: "47", kisGroup: "LKIMS" },
      { orgnr: C, registeredOn: "2022-07-01", orgForm: "FLI", naceCode: "94.991", naceSection: "S", naceDivision: "94", kisGroup: "OLKIS" },
      { orgnr: D, registeredOn: "2010-01-01", areaCode: "3203" },
      { orgnr: E, registeredOn: "2015-01-01" },
    ],
  });
  await seedRegisterSnapshot(db, {
    kind: "enheter",
    asOf: S2,
    rows: [
      { orgnr: A, registeredOn: "2022-03-01" },
      {
        orgnr: B,
        registeredOn: "2022-06-01",
        orgForm: "ENK",
        bankrupt: true,
        naceCode: "47.110",
        naceSection: "G",
        naceDivision: "47",
        kisGroup: "LKIMS",
      },
      { orgnr: C, registeredOn: "2022-07-01", orgForm: "FLI", naceCode: "94.991", naceSection: "S", naceDivision: "94", kisGroup: "OLKIS" },
      { orgnr: D, registeredOn: "2010-01-01" },
      { orgnr: F, registeredOn: "2023-05-01" },
    ],
  });
  await seedRegisterSnapshot(db, {
    kind: "enheter",
    asOf: S3,
    rows: [
      { orgnr: A, registeredOn: "2022-03-01" },
      { orgnr: C, registeredOn: "2022-07-01", orgForm: "FLI", naceCode: "94.991", naceSection: "S", naceDivision: "94", kisGroup: "OLKIS" },
      { orgnr: D, registeredOn: "2010-01-01" },
      { orgnr: F, registeredOn: "2023-05-01" },
      { orgnr: G, registeredOn: "2024-03-01", orgForm: "ASA" },
    ],
  });
  const pop = await createIndicator(db, SYSTEM_ACTOR, {
    key: "population",
    name: { nb: "Folkemengde", en: "Population" },
    unit: "persons",
    format: "integer",
    aggregation: "last",
    preferredTrend: "none",
    updateFrequency: "yearly",
    sourceKind: "statistics",
  } as never);
  await recordIndicatorValue(db, SYSTEM_ACTOR, pop.id, { areaCode: "3201", period: "2023", value: 1000, source: "test: SSB 07459" });
});
afterAll(async () => {
  await database?.close();
});

describe("the business-structure analysis over several snapshots", () => {
  it("counts firms in the latest snapshot on or before the date, under today's municipality", async () => {
    const a = await analyseMunicipality(database.db, { areaCode: "3201", asOf: "2023-12-31" });
    expect(a.firms?.snapshot.asOf).toBe(S1);
    expect(a.firms?.total).toBe(4); // A, B, C, E — D is in Asker
    expect(a.firms?.knowledgeIntensive).toBe(2); // A and E (division 62)
    const b = await analyseMunicipality(database.db, { areaCode: "3201", asOf: "2025-06-30" });
    expect(b.firms?.total).toBe(5);
    expect(b.trend.map((t) => [t.snapshot.asOf, t.summary.firms])).toEqual([
      [S1, 4],
      [S2, 5],
      [S3, 5],
    ]);
  });

  it("counts registrations, deletions, bankruptcies and moves per year from the changes between snapshots", async () => {
    const a = await analyseMunicipality(database.db, { areaCode: "3201", asOf: "2025-06-30" });
    const year = (y: number) => a.years.find((x) => x.year === y);
    // New firms of the counted forms: 2022 A and B (C is FLI); 2023 F; 2024 G.
    expect(year(2022)?.registrations).toBe(2);
    expect(year(2023)?.registrations).toBe(1);
    expect(year(2024)?.registrations).toBe(1);
    // Per 1000 inhabitants only where the population indicator has a value (2023: 1000 people).
    expect(year(2023)?.registrationsPer1000).toBe(1);
    expect(year(2022)?.registrationsPer1000).toBeNull();
    // Changes are dated by the later snapshot: E deleted and D moved in between S1 and S2 (2024);
    // B bankrupt in 2024; B deleted between S2 and S3 (2025).
    expect(year(2024)).toMatchObject({ deletions: 1, bankruptcies: 1, movedIn: 1 });
    expect(year(2025)).toMatchObject({ deletions: 1, bankruptcies: 0 });
  });

  it("follows cohorts: survival after one year, and no_data where no snapshot exists", async () => {
    const a = await analyseMunicipality(database.db, { areaCode: "3201", asOf: "2025-06-30" });
    const s = (cohort: number, years: number) => a.survival.find((x) => x.cohort === cohort && x.years === years);
    // Cohort 2022 (A, B in the February 2023 snapshot): one year later B is bankrupt → 1 of 2.
    expect(s(2022, 1)).toMatchObject({ status: "ok", cohortSize: 2, survivors: 1, share: 0.5 });
    // Cohort 2023 (F in the 2024 snapshot) survives into 2025.
    expect(s(2023, 1)).toMatchObject({ status: "ok", cohortSize: 1, survivors: 1, share: 1 });
    // Three years after 2022 needs a snapshot from early 2026: none.
    expect(s(2022, 3)?.status).toBe("no_data");
  });

  it("compares with the peers and ranks all municipalities in the national snapshot", async () => {
    const a = await analyseMunicipality(database.db, { areaCode: "3201", asOf: "2023-12-31" });
    expect(a.peers.find((p) => p.code === "3203")?.firms).toBe(1);
    expect(a.national?.firms).toBe(5);
    const r = await rankMunicipalities(database.db, { metric: "firms", asOf: "2023-12-31" });
    expect(r.rows.map((x) => [x.code, x.value, x.rank])).toEqual([
      ["3201", 4, 1],
      ["3203", 1, 2],
    ]);
  });

  it("feeds the plan's indicators with the snapshot as provenance", async () => {
    const series = await loadSeries(database.db, ["knowledge-intensive-firms", "one-year-survival-share", "new-firms-per-1000"], {
      areaCode: "3201",
      range: { start: "2015-01-01", end: "2025-12-31" },
    });
    expect(series.get("knowledge-intensive-firms")?.map((v) => [v.period, v.value])).toEqual([
      [S1, 2],
      [S2, 3],
      [S3, 4],
    ]);
    expect(series.get("knowledge-intensive-firms")?.[0]?.source).toContain("Enhetsregisteret");
    expect(series.get("one-year-survival-share")?.map((v) => [v.period, v.value])).toEqual([
      ["2022", 50],
      ["2023", 100],
    ]);
    expect(series.get("new-firms-per-1000")?.map((v) => [v.period, v.value])).toEqual([["2023", 1]]);
  });
});
