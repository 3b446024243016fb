/** The rule for milestones: reached, by indicator or by the measure's completion, by a due date. */
import type { SeriesValue } from "../indicators.js";
import { addDays, daysBetween, daysLeft, earlierDate, elapsedFraction, mustParsePeriod, type Period, planPeriodId } from "../periods.js";
import {
  DEFAULT_INDICATOR,
  type EvaluationContext,
  expl,
  type MeasureInfo,
  type PeriodEvaluation,
  progressStatus,
  result,
} from "./evaluation-types.js";
import { presentValuesInOrder } from "./series.js";
import type { TargetSpec } from "./spec.js";

type MilestoneSpec = Extract<TargetSpec, { type: "milestone" }>;

/** How far a milestone has come: reached (on a date, when known), or a share of the way. */
interface Progress {
  reached: boolean;
  reachedOn: string | null;
  share: number | null;
}

/** The milestone's window (from the measure's or plan's start to the due date) and its due date. */
interface Frame {
  window: Period;
  due: string;
  dueParams: { dueDate: string };
  ctx: EvaluationContext;
}

/** Evaluates a milestone: reached (by indicator or by the measure's completion) by its due date. */
export function evaluateMilestone(spec: MilestoneSpec, series: readonly SeriesValue[], ctx: EvaluationContext): PeriodEvaluation {
  const due = spec.due;
  const windowStart = ctx.measure?.start ?? ctx.plan.start;
  const window = mustParsePeriod(planPeriodId({ start: earlierDate(windowStart, due), end: due }));
  const frame: Frame = { window, due, dueParams: { dueDate: due }, ctx };
  const progress = spec.indicator
    ? indicatorProgress(spec, series, frame)
    : ctx.measure
      ? measureProgress(ctx.measure, frame)
      : result(window, "no_data", expl("milestone.no_data", frame.dueParams));
  return "explanation" in progress ? progress : verdict(progress, frame);
}

/** Progress by the indicator: the level (or running sum) against the threshold; no figure at all is no data. */
function indicatorProgress(
  spec: MilestoneSpec,
  series: readonly SeriesValue[],
  { window, due, dueParams, ctx }: Frame,
): Progress | PeriodEvaluation {
  const ind = ctx.indicator ?? DEFAULT_INDICATOR;
  let running = 0;
  let latest: number | null = null;
  for (const { period, value } of presentValuesInOrder(series)) {
    if (addDays(period.end, -1) > ctx.asOf) continue;
    running += value;
    latest = value;
    const level = ind.aggregation === "sum" ? running : value;
    if (level >= spec.threshold) return { reached: true, reachedOn: addDays(period.end, -1), share: null };
  }
  // No value seen at all is no data, also for a running sum (not a sum of zero).
  const level = latest === null ? null : ind.aggregation === "sum" ? running : latest;
  if (level === null) {
    // No figure at all: unknown, before and after the deadline alike.
    if (ctx.asOf < window.start) return result(window, "not_due", expl("milestone.not_started", dueParams));
    return result(window, "no_data", ctx.asOf > due ? expl("milestone.no_data_overdue", dueParams) : expl("milestone.no_data", dueParams));
  }
  return { reached: false, reachedOn: null, share: Math.max(0, Math.min(1, level / spec.threshold)) };
}

/** Progress by the measure: completed, cancelled, never reported on, or its reported progress. */
function measureProgress(measure: MeasureInfo, { window, due, dueParams, ctx }: Frame): Progress | PeriodEvaluation {
  if (measure.status === "completed") return { reached: true, reachedOn: measure.completedOn, share: null };
  if (measure.status === "cancelled") return result(window, "off_track", expl("milestone.cancelled", dueParams), 0, 1);
  if (measure.updates === 0) {
    // Nobody has reported on the measure: say so rather than guess whether it was done.
    return result(
      window,
      "no_data",
      ctx.asOf > due ? expl("milestone.no_updates_overdue", dueParams) : expl("milestone.no_updates", dueParams),
    );
  }
  return { reached: false, reachedOn: null, share: measure.progress / 100 };
}

function verdict({ reached, reachedOn, share }: Progress, { window, due, dueParams, ctx }: Frame): PeriodEvaluation {
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
  if (ctx.asOf > due) return result(window, "off_track", expl("milestone.missed", { ...dueParams, progressPct: share ?? 0 }), share, 1);
  if (ctx.asOf < window.start) return result(window, "not_due", expl("milestone.not_started", dueParams));
  const expected = elapsedFraction(window, ctx.asOf);
  let status = progressStatus(share ?? 0, expected);
  if (ctx.measure?.status === "delayed" && status === "on_track") status = "at_risk";
  return result(
    window,
    status,
    expl("milestone.in_progress", {
      ...dueParams,
      progressPct: share ?? 0,
      expectedPct: expected,
      daysLeft: daysLeft(window, ctx.asOf),
    }),
    share,
    expected,
  );
}
