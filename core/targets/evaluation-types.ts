/** Statuses, thresholds, context and result types of target evaluation, and the small helpers the rules share. */
import type { Aggregation } from "../indicators.js";
import { type DateRange, mustParsePeriod, type Period, type PeriodKind, periodContaining, planPeriodId } from "../periods.js";
import type { MeasureStatus } from "../plan/document.js";
import { TARGET_STATUSES, type TargetStatus } from "../vocabulary.js";
import type { TargetSpec } from "./spec.js";

export { TARGET_STATUSES, type TargetStatus };

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

export const DEFAULT_INDICATOR: IndicatorInfo = { aggregation: "last", unit: "count", preferredTrend: "up" };

export type PeriodTargetSpec = Exclude<TargetSpec, { type: "milestone" }>;

export function expl(key: string, params: Record<string, string | number | undefined>): Explanation {
  const clean: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) clean[k] = v;
  return { key, params: clean };
}

export function result(
  period: Period,
  status: TargetStatus,
  explanation: Explanation,
  actual: number | null = null,
  expected: number | null = null,
): PeriodEvaluation {
  return { period: period.id, status, explanation, actual, expected };
}

export function missing(period: Period, status?: string): PeriodEvaluation {
  return result(
    period,
    "no_data",
    status ? expl("target.no_data_status", { period: period.id, status }) : expl("target.no_data", { period: period.id }),
  );
}

/** Share of the progress that should be done by now, against how far the work actually is. */
export function progressStatus(actualShare: number, expectedShare: number): TargetStatus {
  if (actualShare >= expectedShare) return "on_track";
  if (actualShare >= expectedShare * AT_RISK_SHARE) return "at_risk";
  return "off_track";
}

export function horizonFor(spec: TargetSpec, plan: DateRange): Period {
  if (spec.type === "between" && spec.range) return mustParsePeriod(planPeriodId(spec.range));
  return mustParsePeriod(planPeriodId(plan));
}

export function periodFor(kind: PeriodKind, spec: TargetSpec, plan: DateRange, date: string): Period {
  return kind === "plan_period" ? horizonFor(spec, plan) : periodContaining(kind, date);
}
