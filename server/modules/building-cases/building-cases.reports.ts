import { and, eq, gte, inArray, isNotNull, lte, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { breachesResponse, statsResponse } from "../../../core/api/building-cases.js";
import { PROCESSING_TIME_DEFINITION, TARGET_APPLICATION_TYPES, TARGET_WEEKS } from "../../../core/building-cases/assess.js";
import { statutoryDeadline } from "../../../core/building-cases/deadlines.js";
import { processingTime } from "../../../core/building-cases/processing-time.js";
import { type DecidedCase, statsByPeriod, summarise } from "../../../core/building-cases/statistics.js";
import { mustParsePeriod, planPeriodId, todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { buildingApplications } from "../../db/schema/index.js";
import { loadCases, toCaseView, toFacts } from "./building-cases.load.js";

/**
 * Decided commercial applications of the types the processing-time target counts (ett-trinn,
 * rammetillatelse), with their processing days and deadline, optionally within decision dates.
 */
export async function findTargetDecisions(db: DbOrTx, range: { from?: string; to?: string } = {}): Promise<DecidedCase[]> {
  const t = buildingApplications;
  const conds: SQL[] = [eq(t.commercial, true), inArray(t.applicationType, [...TARGET_APPLICATION_TYPES]), isNotNull(t.decisionDate)];
  if (range.from) conds.push(gte(t.decisionDate, range.from));
  if (range.to) conds.push(lte(t.decisionDate, range.to));
  const out: DecidedCase[] = [];
  for (const c of await loadCases(db, and(...conds))) {
    const facts = toFacts(c);
    const clock = processingTime(facts);
    if (!clock || !c.decisionDate) continue;
    const deadline = statutoryDeadline({ ...facts, date: clock.startDate });
    out.push({ decisionDate: c.decisionDate, days: clock.days, deadlineDays: deadline.days, startedFrom: clock.startedFrom });
  }
  return out;
}

type StatsResponse = z.infer<typeof statsResponse>;

/** Mean and median processing weeks per year, quarter or month by decision date, with breach counts. */
export async function getProcessingStats(
  db: DbOrTx,
  q: { period: "year" | "quarter" | "month"; from?: string; to?: string },
): Promise<StatsResponse> {
  const cases = await findTargetDecisions(db, q);
  const dates = cases.map((c) => c.decisionDate).sort();
  const from = q.from ?? dates[0] ?? null;
  const to = q.to ?? dates[dates.length - 1] ?? null;
  const definition = {
    commercialOnly: true as const,
    applicationTypes: [...TARGET_APPLICATION_TYPES],
    targetWeeks: TARGET_WEEKS,
    text: PROCESSING_TIME_DEFINITION,
  };
  if (!from || !to || to < from) return { period: q.period, from, to, definition, periods: [], total: null };
  const range = { start: from, end: to };
  return {
    period: q.period,
    from,
    to,
    definition,
    periods: statsByPeriod(cases, q.period, range),
    total: summarise(mustParsePeriod(planPeriodId(range)), cases),
  };
}

type BreachesResponse = z.infer<typeof breachesResponse>;

/**
 * Applications over their statutory deadline, and counted commercial applications over the plan's
 * 8 weeks, as of a day: decided ones by their processing time, undecided ones by the time on the
 * clock so far (they are already over). Longest over first.
 */
export async function findBreaches(db: DbOrTx, asOf: string = todayInOslo()): Promise<BreachesResponse> {
  const views = (await loadCases(db, lte(buildingApplications.receivedDate, asOf))).map((c) => toCaseView(c, asOf));
  const pick = (v: (typeof views)[number]) => ({
    id: v.id,
    caseId: v.caseId,
    applicationId: v.applicationId,
    applicationType: v.applicationType,
    address: v.address,
    receivedDate: v.receivedDate,
    completeDate: v.completeDate,
    decisionDate: v.decisionDate !== null && v.decisionDate <= asOf ? v.decisionDate : null,
    clock: v.clock,
    deadline: v.deadline,
    daysOverDeadline: v.daysOverDeadline,
  });
  const byDays = (a: (typeof views)[number], b: (typeof views)[number]) => (b.clock?.days ?? 0) - (a.clock?.days ?? 0);
  return {
    asOf,
    statutory: views
      .filter((v) => v.statutoryBreach)
      .sort((a, b) => (b.daysOverDeadline ?? 0) - (a.daysOverDeadline ?? 0))
      .map(pick),
    target: views
      .filter((v) => v.targetBreach)
      .sort(byDays)
      .map(pick),
  };
}
