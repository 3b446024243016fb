import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { SupplyReport } from "../../../core/api/land.js";
import { addDays, daysBetween } from "../../../core/periods.js";
import type { TargetSpec } from "../../../core/targets/spec.js";
import type { DbOrTx } from "../../db/client.js";
import { LAND_AREA_STATUSES, plans, targets } from "../../db/schema/index.js";
import { type PlanRow, PUBLIC_PLAN_STATUSES } from "../plans/index.js";
import { findLandAreas } from "./land-areas.service.js";

/** The plan's indicator for new commercial floor space: its targets state the demand. */
export const DEMAND_INDICATOR = "commercial-floor-space-new-m2";

type Coverage = SupplyReport["comparison"]["coversMin"];

type Spec<T extends TargetSpec["type"]> = Extract<TargetSpec, { type: T }>;

/** The plan whose demand is used: the one asked for, else the newest public plan with a target on the indicator. */
async function demandPlan(db: DbOrTx, plan: PlanRow | null): Promise<PlanRow | null> {
  if (plan) return plan;
  const [row] = await db
    .select({ plan: plans })
    .from(plans)
    .innerJoin(targets, eq(targets.planId, plans.id))
    .where(and(eq(targets.indicatorKey, DEMAND_INDICATOR), inArray(plans.status, [...PUBLIC_PLAN_STATUSES])))
    .orderBy(desc(plans.periodStart), asc(plans.key))
    .limit(1);
  return row?.plan ?? null;
}

async function demandOf(db: DbOrTx, plan: PlanRow | null): Promise<SupplyReport["demand"]> {
  if (!plan) return { perYear: null, horizon: null };
  const rows = await db
    .select({ key: targets.key, spec: targets.spec })
    .from(targets)
    .where(and(eq(targets.planId, plan.id), eq(targets.indicatorKey, DEMAND_INDICATOR)))
    .orderBy(asc(targets.sort), asc(targets.key));
  const yearly = rows.find((r): r is { key: string; spec: Spec<"at_least"> } => r.spec.type === "at_least" && r.spec.per === "year");
  const range = rows.find((r): r is { key: string; spec: Spec<"between"> } => r.spec.type === "between" && r.spec.per === "plan_period");
  const horizonRange = range ? (range.spec.range ?? { start: plan.periodStart, end: plan.periodEnd }) : null;
  return {
    perYear: yearly
      ? { m2: yearly.spec.value, targetKey: yearly.key, text: yearly.spec.text, approximate: yearly.spec.approximate ?? false }
      : null,
    horizon:
      range && horizonRange
        ? {
            minM2: range.spec.min,
            maxM2: range.spec.max,
            ...horizonRange,
            years: Math.round((daysBetween(horizonRange.start, addDays(horizonRange.end, 1)) / 365.2425) * 10) / 10,
            targetKey: range.key,
            text: range.spec.text,
            approximate: range.spec.approximate ?? false,
          }
        : null,
  };
}

function coverage(supply: number, need: number, unknowns: number): Coverage {
  if (supply >= need) return "yes";
  return unknowns > 0 ? "unknown" : "no";
}

/**
 * Supply against demand. Supply = the sum of available + planned floor space over the land
 * areas that state it; an area without a figure adds nothing and is counted as unknown, which
 * makes the supply a lower bound (and a gap an upper bound). Demand = the plan's targets on
 * commercial-floor-space-new-m2: the yearly need and the range over the horizon.
 */
export async function getLandSupplyReport(db: DbOrTx, requestedPlan: PlanRow | null): Promise<SupplyReport> {
  const areas = await findLandAreas(db);
  const plan = await demandPlan(db, requestedPlan);
  const demand = await demandOf(db, plan);
  const sum = (xs: (number | null)[]) => xs.reduce<number>((s, x) => s + (x ?? 0), 0);
  const availableM2 = sum(areas.map((a) => a.availableM2));
  const plannedM2 = sum(areas.map((a) => a.plannedM2));
  const totalM2 = availableM2 + plannedM2;
  const unknownAvailable = areas.filter((a) => a.availableM2 === null).length;
  const unknownPlanned = areas.filter((a) => a.plannedM2 === null).length;
  const unknowns = Math.max(unknownAvailable, unknownPlanned);
  const statuses = [...LAND_AREA_STATUSES, null];
  const byStatus = statuses
    .map((status) => {
      const group = areas.filter((a) => a.status === status);
      return {
        status: status ?? "unknown",
        count: group.length,
        availableM2: sum(group.map((a) => a.availableM2)),
        plannedM2: sum(group.map((a) => a.plannedM2)),
      };
    })
    .filter((g) => g.count > 0);
  const h = demand.horizon;
  return {
    plan: plan ? { key: plan.key, title: plan.title } : null,
    areas: {
      count: areas.length,
      unknownAvailable,
      unknownPlanned,
      unknownBoth: areas.filter((a) => a.availableM2 === null && a.plannedM2 === null).length,
    },
    byStatus,
    supply: { availableM2, plannedM2, totalM2, isLowerBound: unknowns > 0 },
    demand,
    comparison: {
      yearsOfAnnualDemand: demand.perYear && demand.perYear.m2 > 0 ? Math.round((totalM2 / demand.perYear.m2) * 10) / 10 : null,
      gapToMinM2: h ? Math.max(0, h.minM2 - totalM2) : null,
      gapToMaxM2: h ? Math.max(0, h.maxM2 - totalM2) : null,
      gapIsUpperBound: unknowns > 0,
      coversMin: h ? coverage(totalM2, h.minM2, unknowns) : "unknown",
      coversMax: h ? coverage(totalM2, h.maxM2, unknowns) : "unknown",
    },
  };
}
