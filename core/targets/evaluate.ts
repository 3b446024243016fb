import type { SeriesValue } from "../indicators.js";
import { type DateRange, earlierDate, mustParsePeriod, type Period, periodsOverlapping, previousPeriod } from "../periods.js";
import {
  type EvaluationContext,
  expl,
  horizonFor,
  type PeriodEvaluation,
  type PeriodTargetSpec,
  periodFor,
  type TargetEvaluation,
  type TargetStatus,
} from "./evaluation-types.js";
import { evaluateMilestone } from "./milestone.js";
import { evaluatePeriod } from "./period-rules.js";
import type { TargetSpec } from "./spec.js";

export {
  AT_MOST_SLACK,
  AT_RISK_SHARE,
  type EvaluationContext,
  type Explanation,
  FLAT_TREND,
  type IndicatorInfo,
  type MeasureInfo,
  type PeriodEvaluation,
  TARGET_STATUSES,
  type TargetEvaluation,
  type TargetStatus,
} from "./evaluation-types.js";
export { evaluateMilestone } from "./milestone.js";
export { evaluatePeriod } from "./period-rules.js";

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
