import { describe, expect, it } from "vitest";
import type { SnapshotRef } from "../api/register-shapes.js";
import {
  type AggRow,
  areaSummary,
  employmentFigures,
  firmFigures,
  latestOnOrBefore,
  planSurvival,
  rankAreas,
  registrationsByYear,
  survivalFigure,
  yearFigures,
} from "./analysis.js";

const snap = (id: number, kind: SnapshotRef["kind"], asOf: string, scope = "national"): SnapshotRef => ({
  id,
  kind,
  asOf,
  scope,
  naceVersion: "SN2007",
  source: `file ${id}`,
});

const row = (dimension: string, key: string, entities: number, more: Partial<AggRow> = {}): AggRow => ({
  snapshot_id: 1,
  area_code: "3201",
  dimension,
  key,
  entities,
  employees_5plus: 0,
  units_1_4: 0,
  ...more,
});

describe("register analysis figures", () => {
  it("counts firms, knowledge-intensive firms, bankrupt firms and unknown industries", () => {
    const f = firmFigures(snap(1, "enheter", "2024-01-01"), [
      row("total", "all", 10),
      row("division", "SN2007:62", 4),
      row("division", "SN2007:47", 5),
      row("division", "SN2007:unknown", 1),
      row("bankrupt", "true", 2),
      row("form", "AS", 7),
      row("form", "ENK", 3),
    ]);
    expect(f).toMatchObject({ total: 10, knowledgeIntensive: 4, knowledgeIntensiveShare: 0.4, bankrupt: 2, unknownIndustry: 1 });
    expect(f.byForm.map((b) => [b.key, b.share])).toEqual([
      ["AS", 0.7],
      ["ENK", 0.3],
    ]);
    expect(f.bySection[0]).toMatchObject({ key: "SN2007:G", entities: 5 });
    expect(f.bySection.find((b) => b.key === "SN2007:unknown")?.label).toBe("Ukjent næringskode");
  });

  it("gives employment as published headcounts plus a range for the 1–4 class", () => {
    const e = employmentFigures(snap(2, "underenheter", "2024-01-01"), [
      row("total", "all", 20, { employees_5plus: 300, units_1_4: 5 }),
      row("division", "SN2007:62", 3, { employees_5plus: 120 }),
      row("size", "100-249", 1),
      row("size", "250+", 1),
    ]);
    expect(e).toMatchObject({ units: 20, employees5plus: 300, employeesRange: [305, 320], over100: 2, over250: 1 });
    expect(e.knowledgeIntensiveEmployeeShare).toBeCloseTo(0.4);
    expect(e.knowledgeIntensiveUnitShare).toBeCloseTo(0.15);
  });

  it("summarises an area with null for a register that has no snapshot", () => {
    const s = areaSummary("3201", { snapshot: snap(1, "enheter", "2024-01-01"), rows: [row("total", "all", 7)] }, null);
    expect(s).toMatchObject({ code: "3201", firms: 7, units: null, employees5plus: null });
    expect(areaSummary("*", null, null).name).toBe("Hele landet");
  });

  it("picks the latest snapshot of a kind that covers the area on or before the date", () => {
    const snaps = [snap(1, "enheter", "2023-01-01"), snap(2, "enheter", "2024-01-01", "3203"), snap(3, "enheter", "2025-01-01")];
    expect(latestOnOrBefore(snaps, "enheter", "3201", "2024-06-01")?.id).toBe(1);
    expect(latestOnOrBefore(snaps, "enheter", "3203", "2024-06-01")?.id).toBe(2);
    expect(latestOnOrBefore(snaps, "underenheter", "3201", "2024-06-01")).toBeNull();
  });

  it("takes registrations per year as the most any snapshot shows, counting new-firm forms only", () => {
    const regs = registrationsByYear([
      row("registered", "2022|AS", 5, { snapshot_id: 1 }),
      row("registered", "2022|ENK", 2, { snapshot_id: 1 }),
      row("registered", "2022|AS", 6, { snapshot_id: 2 }),
      row("registered", "2022|KOMM", 9, { snapshot_id: 2 }),
      row("registered", "none|AS", 4, { snapshot_id: 2 }),
    ]);
    expect(regs.get(2022)).toBe(7);
    expect(regs.size).toBe(1);
  });

  it("gives flows per year, and no changes without two snapshots to compare", () => {
    const base = { registrations: new Map([[2023, 10]]), population: new Map([[2023, 2000]]), asOf: "2024-06-01" };
    const changes = [
      { year: 2023, change: "deleted", into: false, n: 3 },
      { year: 2023, change: "moved", into: true, n: 2 },
      { year: 2023, change: "moved_in", into: true, n: 1 },
    ];
    expect(yearFigures({ ...base, changes, hasChanges: true })).toEqual([
      {
        year: 2023,
        registrations: 10,
        population: 2000,
        registrationsPer1000: 5,
        deletions: 3,
        bankruptcies: 0,
        movedIn: 3,
        movedOut: 0,
      },
    ]);
    expect(yearFigures({ ...base, changes, hasChanges: false })[0]).toMatchObject({ deletions: null, movedIn: null, movedOut: null });
  });

  it("plans survival from early-year snapshots of the same scope and says why a figure is missing", () => {
    const snaps = [snap(1, "enheter", "2021-02-01"), snap(2, "enheter", "2022-03-15")];
    const plans = planSurvival(snaps, "3201", "2024-12-31");
    const oneYear2020 = plans.find((p) => p.cohort === 2020 && p.years === 1);
    expect(oneYear2020 && "followUp" in oneYear2020 ? [oneYear2020.cohortSnapshot.id, oneYear2020.followUp.id] : null).toEqual([1, 2]);
    const threeYear2020 = plans.find((p) => p.cohort === 2020 && p.years === 3);
    expect(threeYear2020 && "noData" in threeYear2020 ? threeYear2020.noData.reason : null).toBe(
      "no snapshot of the same scope dated 1 Jan–31 Mar 2024",
    );
    expect(plans).toHaveLength(18);
    expect(survivalFigure(2020, 1, 0, 0)).toMatchObject({ status: "no_data", reasonCode: "empty_cohort", share: null });
    expect(survivalFigure(2020, 1, 4, 3).share).toBe(0.75);
  });

  it("ranks municipalities by the metric, largest first, ties by number", () => {
    const rows = [
      { area_code: "3203", total: 50, employees: 0, kis: 10, over100: 0, over250: 0 },
      { area_code: "3201", total: 50, employees: 0, kis: 25, over100: 0, over250: 0 },
      { area_code: "0301", total: 90, employees: 0, kis: 9, over100: 0, over250: 0 },
    ];
    expect(rankAreas(rows, "firms").map((r) => [r.code, r.rank])).toEqual([
      ["0301", 1],
      ["3201", 2],
      ["3203", 3],
    ]);
    expect(rankAreas(rows, "knowledge_intensive_share")[0]).toMatchObject({ code: "3201", value: 0.5, units: null });
  });
});
