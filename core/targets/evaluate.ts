import type { Aggregation, SeriesValue } from "../indicators.js";
import {
  addDays,
  type DateRange,
  daysBetween,
  daysLeft,
  earlierDate,
  elapsedFraction,
  mustParsePeriod,
  type Period,
  type PeriodKind,
  periodContaining,
  periodPhase,
  periodsOverlapping,
  planPeriodId,
  previousPeriod,
} from "../periods.js";
import type { MeasureStatus } from "../plan/document.js";
import { olsSlope, presentValuesInOrder, valueInPeriod } from "./series.js";
import type { TargetSpec } from "./spec.js";

export const TARGET_STATUSES = ["achieved", "on_track", "at_risk", "off_track", "not_due", "no_data"] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * Below this share of the pro-rated expectation a target in progress is off track;
 * between it and the expectation, at risk.
 */
export const AT_RISK_SHARE = 0.75;
/** A level (mean or last) up to this factor above an at-most limit is at risk, not off track. */
export const AT_MOST_SLACK = 1.25;
/** Relative slope per period within ±this counts as flat for a rising-trend target. */
export const FLAT_TREND = 0.005;

/**
 * Explanation as a message key plus the numbers used. Parameter naming tells the renderer how to
 * format: *Period → period id, *Date → ISO date, *Pct → fraction as percentage, days* → duration,
 * unit → unit code; anything else numeric is a plain number.
 */
export interface Explanation {
  key: string;
  params: Record<string, string | number>;
}

export interface PeriodEvaluation {
  period: string;
  status: TargetStatus;
  explanation: Explanation;
  actual: number | null;
  expected: number | null;
  /** True for the period before the plan (a baseline stated in the plan). */
  baseline?: boolean;
}

export interface TargetEvaluation {
  status: TargetStatus;
  explanation: Explanation;
  /** Period the headline status is about. */
  period: string | null;
  /** True when the headline falls back to the latest period with data. */
  latestAvailable: boolean;
  periods: PeriodEvaluation[];
}

export interface IndicatorInfo {
  aggregation: Aggregation;
  unit: string;
  preferredTrend: "up" | "down" | "none";
}

export interface MeasureInfo {
  status: MeasureStatus;
  progress: number;
  /** Date the measure was last set to completed, from its status history. */
  completedOn: string | null;
  /** Start of the measure's own period, when it has one. */
  start?: string;
  /** Number of status updates posted (0: never reported on). */
  updates?: number;
}

export interface EvaluationContext {
  asOf: string;
  plan: DateRange;
  indicator?: IndicatorInfo;
  measure?: MeasureInfo;
}

const DEFAULT_INDICATOR: IndicatorInfo = { aggregation: "last", unit: "count", preferredTrend: "up" };

type PeriodTargetSpec = Exclude<TargetSpec, { type: "milestone" }>;

function expl(key: string, params: Record<string, string | number | undefined>): Explanation {
  const clean: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) clean[k] = v;
  return { key, params: clean };
}

function result(
  period: Period,
  status: TargetStatus,
  explanation: Explanation,
  actual: number | null = null,
  expected: number | null = null,
): PeriodEvaluation {
  return { period: period.id, status, explanation, actual, expected };
}

function missing(period: Period, status?: string): PeriodEvaluation {
  return result(
    period,
    "no_data",
    status ? expl("target.no_data_status", { period: period.id, status }) : expl("target.no_data", { period: period.id }),
  );
}

/** Share of the progress that should be done by now, against how far the work actually is. */
function progressStatus(actualShare: number, expectedShare: number): TargetStatus {
  if (actualShare >= expectedShare) return "on_track";
  if (actualShare >= expectedShare * AT_RISK_SHARE) return "at_risk";
  return "off_track";
}

function horizonFor(spec: TargetSpec, plan: DateRange): Period {
  if (spec.type === "between" && spec.range) return mustParsePeriod(planPeriodId(spec.range));
  return mustParsePeriod(planPeriodId(plan));
}

function periodFor(kind: PeriodKind, spec: TargetSpec, plan: DateRange, date: string): Period {
  return kind === "plan_period" ? horizonFor(spec, plan) : periodContaining(kind, date);
}

/** Evaluates a per-period target for one period (any period asked for, not only the plan's). */
export function evaluatePeriod(
  spec: PeriodTargetSpec,
  series: readonly SeriesValue[],
  periodId: string,
  ctx: EvaluationContext,
): PeriodEvaluation {
  const period = mustParsePeriod(periodId);
  const ind = ctx.indicator ?? DEFAULT_INDICATOR;
  const phase = periodPhase(period, ctx.asOf);
  if (phase === "future") return result(period, "not_due", expl("target.not_due", { period: period.id }));
  const pv = valueInPeriod(series, period, ind.aggregation);
  const unit = ind.unit;
  const isFlow = ind.aggregation === "sum";

  switch (spec.type) {
    case "at_least": {
      if (pv.value === null) return missing(period, pv.status);
      const actual = pv.value;
      const target = spec.value;
      if (actual >= target)
        return result(period, "achieved", expl("at_least.achieved", { actual, target, unit, period: period.id }), actual, target);
      if (phase === "past")
        return result(
          period,
          "off_track",
          expl("at_least.missed", { actual, target, unit, period: period.id, shortfall: target - actual }),
          actual,
          target,
        );
      if (!isFlow)
        return result(period, "at_risk", expl("at_least.level_below", { actual, target, unit, period: period.id }), actual, target);
      const expected = target * elapsedFraction(period, ctx.asOf);
      return result(
        period,
        progressStatus(actual, expected),
        expl("at_least.in_progress", {
          actual,
          target,
          unit,
          period: period.id,
          remaining: target - actual,
          expected: Math.round(expected * 10) / 10,
          daysLeft: daysLeft(period, ctx.asOf),
        }),
        actual,
        expected,
      );
    }
    case "at_most": {
      if (pv.value === null) return missing(period, pv.status);
      const actual = pv.value;
      const limit = spec.value;
      const params = { actual, limit, unit, period: period.id };
      if (isFlow) {
        if (actual > limit) return result(period, "off_track", expl("at_most.over", params), actual, limit);
        if (phase === "past") return result(period, "achieved", expl("at_most.within", params), actual, limit);
        const projected = actual / Math.max(elapsedFraction(period, ctx.asOf), 1e-9);
        const status: TargetStatus = projected > limit ? "at_risk" : "on_track";
        return result(period, status, expl("at_most.projected", { ...params, projected: Math.round(projected * 10) / 10 }), actual, limit);
      }
      if (actual <= limit) return result(period, phase === "past" ? "achieved" : "on_track", expl("at_most.within", params), actual, limit);
      if (phase === "past") return result(period, "off_track", expl("at_most.over", params), actual, limit);
      return result(period, actual <= limit * AT_MOST_SLACK ? "at_risk" : "off_track", expl("at_most.over_so_far", params), actual, limit);
    }
    case "between": {
      if (pv.value === null) return missing(period, pv.status);
      const actual = pv.value;
      const params = { actual, min: spec.min, max: spec.max, unit, period: period.id };
      if (actual > spec.max) return result(period, "off_track", expl("between.above", params), actual, spec.max);
      if (actual >= spec.min)
        return result(period, phase === "past" ? "achieved" : "on_track", expl("between.within", params), actual, spec.min);
      if (phase === "past") return result(period, "off_track", expl("between.below", params), actual, spec.min);
      const expected = spec.min * elapsedFraction(period, ctx.asOf);
      return result(
        period,
        progressStatus(actual, expected),
        expl("between.in_progress", { ...params, expected: Math.round(expected * 10) / 10, daysLeft: daysLeft(period, ctx.asOf) }),
        actual,
        expected,
      );
    }
    case "growth_rate": {
      const prev = previousPeriod(period);
      if (pv.value === null) {
        if (phase === "current") return result(period, "not_due", expl("growth.not_reported", { period: period.id }));
        return missing(period, pv.status);
      }
      const base = valueInPeriod(series, prev, ind.aggregation);
      if (base.value === null || base.value === 0)
        return result(period, "no_data", expl("growth.no_base", { period: period.id, prevPeriod: prev.id }), pv.value, null);
      const growth = pv.value / base.value - 1;
      const params = {
        actual: pv.value,
        previous: base.value,
        unit,
        period: period.id,
        prevPeriod: prev.id,
        growthPct: growth,
        ratePct: spec.rate,
      };
      const expected = base.value * (1 + spec.rate);
      if (isFlow && phase === "current") {
        // A running total: compare with the pro-rated share of the year's target.
        const soFar = expected * elapsedFraction(period, ctx.asOf);
        const status: TargetStatus = pv.value >= soFar ? "on_track" : "at_risk";
        return result(period, status, expl("growth.in_progress", { ...params, expected: Math.round(soFar * 10) / 10 }), pv.value, soFar);
      }
      // Tolerance for floating point: 115 / 100 - 1 is 0.1499999999999999, below 0.15.
      if (growth >= spec.rate - 1e-9)
        return result(period, phase === "past" ? "achieved" : "on_track", expl("growth.met", params), pv.value, expected);
      return result(period, phase === "past" ? "off_track" : "at_risk", expl("growth.below", params), pv.value, expected);
    }
    case "rank_at_most": {
      if (pv.value === null) return missing(period, pv.status);
      const params = { rank: pv.value, target: spec.value, period: period.id };
      // A published rank is final for its period.
      if (pv.value <= spec.value) return result(period, "achieved", expl("rank.met", params), pv.value, spec.value);
      return result(period, "off_track", expl("rank.below", params), pv.value, spec.value);
    }
    case "hold_level": {
      const baseline =
        spec.baseline ?? (spec.baselinePeriod ? valueInPeriod(series, mustParsePeriod(spec.baselinePeriod), ind.aggregation).value : null);
      if (baseline === null)
        return result(period, "no_data", expl("hold.no_baseline", { period: period.id, baselinePeriod: spec.baselinePeriod ?? "" }));
      if (pv.value === null) return missing(period, pv.status);
      const actual = pv.value;
      const deviation = baseline === 0 ? 0 : (actual - baseline) / Math.abs(baseline);
      const worse = ind.preferredTrend === "down" ? deviation : -deviation;
      const params = {
        actual,
        baseline,
        unit,
        period: period.id,
        baselinePeriod: spec.baselinePeriod ?? "",
        deviationPct: deviation,
        tolerancePct: spec.tolerance,
      };
      // A fixed baseline has no period to name ("… mot 100 i ;"), so it has its own messages.
      const within = spec.baselinePeriod ? expl("hold.within", params) : expl("hold.within_fixed", params);
      const outside = spec.baselinePeriod ? expl("hold.outside", params) : expl("hold.outside_fixed", params);
      if (worse <= spec.tolerance) return result(period, phase === "past" ? "achieved" : "on_track", within, actual, baseline);
      return result(period, phase === "past" ? "off_track" : "at_risk", outside, actual, baseline);
    }
    case "rising_trend": {
      const from = spec.baselinePeriod
        ? mustParsePeriod(spec.baselinePeriod)
        : previousPeriod(periodContaining(nonPlanKind(spec.per), ctx.plan.start));
      const points: { period: Period; value: number }[] = [];
      for (const p of periodsOverlapping(nonPlanKind(spec.per), { start: from.start, end: addDays(period.end, -1) })) {
        if (p.start > ctx.asOf) break;
        // A running total for a period still under way is not comparable with whole periods.
        if (isFlow && periodPhase(p, ctx.asOf) === "current") continue;
        const v = valueInPeriod(series, p, ind.aggregation).value;
        if (v !== null) points.push({ period: p, value: v });
      }
      if (points.length < 2)
        return result(period, "no_data", expl("trend.too_few", { period: period.id, count: points.length, fromPeriod: from.id }));
      const values = points.map((p) => p.value);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      const slope = olsSlope(values);
      const rel = mean === 0 ? slope : slope / Math.abs(mean);
      const first = points[0] as { period: Period; value: number };
      const last = points[points.length - 1] as { period: Period; value: number };
      const params = {
        first: first.value,
        firstPeriod: first.period.id,
        last: last.value,
        lastPeriod: last.period.id,
        unit,
        slopePct: rel,
        count: points.length,
      };
      const done = phase === "past";
      if (rel > FLAT_TREND) return result(period, done ? "achieved" : "on_track", expl("trend.rising", params), last.value, null);
      if (rel >= -FLAT_TREND) return result(period, done ? "off_track" : "at_risk", expl("trend.flat", params), last.value, null);
      return result(period, "off_track", expl("trend.falling", params), last.value, null);
    }
  }
}

function nonPlanKind(kind: PeriodKind): Exclude<PeriodKind, "plan_period"> {
  return kind === "plan_period" ? "year" : kind;
}

/** Evaluates a milestone: reached (by indicator or by the measure's completion) by its due date. */
export function evaluateMilestone(
  spec: Extract<TargetSpec, { type: "milestone" }>,
  series: readonly SeriesValue[],
  ctx: EvaluationContext,
): PeriodEvaluation {
  const due = spec.due;
  const windowStart = ctx.measure?.start ?? ctx.plan.start;
  const window = mustParsePeriod(planPeriodId({ start: earlierDate(windowStart, due), end: due }));
  const dueParams = { dueDate: due };
  let reachedOn: string | null = null;
  let reached = false;
  let progressShare: number | null = null;

  if (spec.indicator) {
    const ind = ctx.indicator ?? DEFAULT_INDICATOR;
    let running = 0;
    let latest: number | null = null;
    for (const { period, value } of presentValuesInOrder(series)) {
      if (addDays(period.end, -1) > ctx.asOf) continue;
      running += value;
      latest = value;
      const level = ind.aggregation === "sum" ? running : value;
      if (!reached && level >= spec.threshold) {
        reached = true;
        reachedOn = addDays(period.end, -1);
      }
    }
    if (!reached) {
      // No value seen at all is no data, also for a running sum (not a sum of zero).
      const level = latest === null ? null : ind.aggregation === "sum" ? running : latest;
      progressShare = level === null ? null : Math.max(0, Math.min(1, level / spec.threshold));
      if (level === null) {
        // No figure at all: unknown, before and after the deadline alike.
        if (ctx.asOf < window.start) return result(window, "not_due", expl("milestone.not_started", dueParams));
        return result(
          window,
          "no_data",
          ctx.asOf > due ? expl("milestone.no_data_overdue", dueParams) : expl("milestone.no_data", dueParams),
        );
      }
    }
  } else if (ctx.measure) {
    if (ctx.measure.status === "completed") {
      reached = true;
      reachedOn = ctx.measure.completedOn;
    } else if (ctx.measure.status === "cancelled") {
      return result(window, "off_track", expl("milestone.cancelled", dueParams), 0, 1);
    } else if (ctx.measure.updates === 0) {
      // Nobody has reported on the measure: say so rather than guess whether it was done.
      return result(
        window,
        "no_data",
        ctx.asOf > due ? expl("milestone.no_updates_overdue", dueParams) : expl("milestone.no_updates", dueParams),
      );
    } else {
      progressShare = ctx.measure.progress / 100;
    }
  } else {
    return result(window, "no_data", expl("milestone.no_data", dueParams));
  }

  if (reached) {
    if (reachedOn === null) return result(window, "achieved", expl("milestone.achieved_undated", dueParams), 1, 1);
    if (reachedOn <= due) return result(window, "achieved", expl("milestone.achieved", { ...dueParams, reachedDate: reachedOn }), 1, 1);
    return result(
      window,
      "achieved",
      expl("milestone.achieved_late", { ...dueParams, reachedDate: reachedOn, daysLate: daysBetween(due, reachedOn) }),
      1,
      1,
    );
  }
  if (ctx.asOf > due)
    return result(window, "off_track", expl("milestone.missed", { ...dueParams, progressPct: progressShare ?? 0 }), progressShare, 1);
  if (ctx.asOf < window.start) return result(window, "not_due", expl("milestone.not_started", dueParams));
  const expected = elapsedFraction(window, ctx.asOf);
  let status = progressStatus(progressShare ?? 0, expected);
  if (ctx.measure?.status === "delayed" && status === "on_track") status = "at_risk";
  return result(
    window,
    status,
    expl("milestone.in_progress", {
      ...dueParams,
      progressPct: progressShare ?? 0,
      expectedPct: expected,
      daysLeft: daysLeft(window, ctx.asOf),
    }),
    progressShare,
    expected,
  );
}

/** The periods a per-period target is evaluated for: each period of its kind in the plan. */
export function targetPeriods(spec: PeriodTargetSpec, plan: DateRange): Period[] {
  if (spec.per === "plan_period") return [horizonFor(spec, plan)];
  return periodsOverlapping(spec.per, plan);
}

const DECISIVE: readonly TargetStatus[] = ["achieved", "on_track", "at_risk", "off_track"];

/**
 * Evaluates a target over the plan: every period of the plan, and a headline for the period
 * containing `asOf` (the last plan period once the plan has ended). When the headline period has
 * no data yet (statistics lag), the headline is the latest period with data, the baseline period
 * before the plan included, and `latestAvailable` is set.
 */
export function evaluateTarget(spec: TargetSpec, series: readonly SeriesValue[], ctx: EvaluationContext): TargetEvaluation {
  if (spec.type === "milestone") {
    const e = evaluateMilestone(spec, series, ctx);
    return { status: e.status, explanation: e.explanation, period: e.period, latestAvailable: false, periods: [e] };
  }
  const periods = targetPeriods(spec, ctx.plan);
  const evaluations = periods.map((p) => evaluatePeriod(spec, series, p.id, ctx));
  if (ctx.asOf < ctx.plan.start) {
    return {
      status: "not_due",
      explanation: expl("target.plan_not_started", { startDate: ctx.plan.start }),
      period: periods[0]?.id ?? null,
      latestAvailable: false,
      periods: evaluations,
    };
  }
  const headlineDate = earlierDate(ctx.asOf, ctx.plan.end);
  const headlinePeriod = periodFor(spec.per, spec, ctx.plan, headlineDate);
  const headline = evaluations.find((e) => e.period === headlinePeriod.id) ?? evaluatePeriod(spec, series, headlinePeriod.id, ctx);

  let baselineEval: PeriodEvaluation | undefined;
  if (spec.per !== "plan_period" && spec.type !== "rising_trend" && spec.type !== "hold_level") {
    const first = periods[0];
    if (first) {
      const before = previousPeriod(first);
      const e = evaluatePeriod(spec, series, before.id, ctx);
      if (DECISIVE.includes(e.status)) baselineEval = { ...e, baseline: true };
    }
  }
  const all = baselineEval ? [baselineEval, ...evaluations] : evaluations;

  if (DECISIVE.includes(headline.status)) {
    return { status: headline.status, explanation: headline.explanation, period: headline.period, latestAvailable: false, periods: all };
  }
  const upToHeadline = all.filter((e) => mustParsePeriod(e.period).start <= headlinePeriod.start);
  const latest = [...upToHeadline].reverse().find((e) => DECISIVE.includes(e.status));
  if (latest) {
    return {
      status: latest.status,
      explanation: { key: latest.explanation.key, params: { ...latest.explanation.params, latestFor: headline.period } },
      period: latest.period,
      latestAvailable: true,
      periods: all,
    };
  }
  return { status: headline.status, explanation: headline.explanation, period: headline.period, latestAvailable: false, periods: all };
}
