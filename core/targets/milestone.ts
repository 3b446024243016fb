/** The rule for milestones: reached, by indicator or by the measure's completion, by a due date. */
import type { SeriesValue } from "../indicators.js";
import { addDays, daysBetween, daysLeft, earlierDate, elapsedFraction, mustParsePeriod, planPeriodId } from "../periods.js";
import { DEFAULT_INDICATOR, type EvaluationContext, expl, type PeriodEvaluation, progressStatus, result } from "./evaluation-types.js";
import { presentValuesInOrder } from "./series.js";
import type { TargetSpec } from "./spec.js";

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
