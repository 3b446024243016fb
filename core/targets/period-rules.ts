/** The rules for per-period targets (every type but milestones), one period at a time. */
import type { SeriesValue } from "../indicators.js";
import {
  addDays,
  daysLeft,
  elapsedFraction,
  mustParsePeriod,
  type Period,
  type PeriodKind,
  type PeriodPhase,
  periodContaining,
  periodPhase,
  periodsOverlapping,
  previousPeriod,
} from "../periods.js";
import {
  AT_MOST_SLACK,
  DEFAULT_INDICATOR,
  type EvaluationContext,
  expl,
  FLAT_TREND,
  type IndicatorInfo,
  missing,
  type PeriodEvaluation,
  type PeriodTargetSpec,
  progressStatus,
  result,
  type TargetStatus,
} from "./evaluation-types.js";
import { olsSlope, type PeriodValue, valueInPeriod } from "./series.js";

type Spec<T extends PeriodTargetSpec["type"]> = Extract<PeriodTargetSpec, { type: T }>;

/** What every rule looks at: the period (not in the future), its value and the indicator's kind. */
interface Situation {
  period: Period;
  phase: Exclude<PeriodPhase, "future">;
  pv: PeriodValue;
  unit: IndicatorInfo["unit"];
  /** A flow (summed over the period, e.g. visits) rather than a level. */
  isFlow: boolean;
  ind: IndicatorInfo;
  series: readonly SeriesValue[];
  ctx: EvaluationContext;
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
  const situation: Situation = {
    period,
    phase,
    pv: valueInPeriod(series, period, ind.aggregation),
    unit: ind.unit,
    isFlow: ind.aggregation === "sum",
    ind,
    series,
    ctx,
  };
  switch (spec.type) {
    case "at_least":
      return atLeast(spec, situation);
    case "at_most":
      return atMost(spec, situation);
    case "between":
      return between(spec, situation);
    case "growth_rate":
      return growthRate(spec, situation);
    case "rank_at_most":
      return rankAtMost(spec, situation);
    case "hold_level":
      return holdLevel(spec, situation);
    case "rising_trend":
      return risingTrend(spec, situation);
  }
}

function atLeast(spec: Spec<"at_least">, { period, phase, pv, unit, isFlow, ctx }: Situation): PeriodEvaluation {
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
  if (!isFlow) return result(period, "at_risk", expl("at_least.level_below", { actual, target, unit, period: period.id }), actual, target);
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

function atMost(spec: Spec<"at_most">, { period, phase, pv, unit, isFlow, ctx }: Situation): PeriodEvaluation {
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

function between(spec: Spec<"between">, { period, phase, pv, unit, ctx }: Situation): PeriodEvaluation {
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

function growthRate(spec: Spec<"growth_rate">, { period, phase, pv, unit, isFlow, ind, series, ctx }: Situation): PeriodEvaluation {
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

function rankAtMost(spec: Spec<"rank_at_most">, { period, pv }: Situation): PeriodEvaluation {
  if (pv.value === null) return missing(period, pv.status);
  const params = { rank: pv.value, target: spec.value, period: period.id };
  // A published rank is final for its period.
  if (pv.value <= spec.value) return result(period, "achieved", expl("rank.met", params), pv.value, spec.value);
  return result(period, "off_track", expl("rank.below", params), pv.value, spec.value);
}

function holdLevel(spec: Spec<"hold_level">, { period, phase, pv, unit, ind, series }: Situation): PeriodEvaluation {
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

function risingTrend(spec: Spec<"rising_trend">, { period, phase, unit, isFlow, ind, series, ctx }: Situation): PeriodEvaluation {
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
  const first = points[0];
  const last = points.at(-1);
  if (points.length < 2 || !first || !last)
    return result(period, "no_data", expl("trend.too_few", { period: period.id, count: points.length, fromPeriod: from.id }));
  const values = points.map((p) => p.value);
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const slope = olsSlope(values);
  const rel = mean === 0 ? slope : slope / Math.abs(mean);
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

function nonPlanKind(kind: PeriodKind): Exclude<PeriodKind, "plan_period"> {
  return kind === "plan_period" ? "year" : kind;
}
