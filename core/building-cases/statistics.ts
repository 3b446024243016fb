import type { SeriesValue } from "../indicators.js";
import {
  type DateRange,
  PERIOD_KINDS,
  type Period,
  type PeriodKind,
  periodContaining,
  periodsOverlapping,
  planPeriodId,
} from "../periods.js";
import { TARGET_WEEKS } from "./assess.js";

/** One decided application as the statistics see it. */
export interface DecidedCase {
  decisionDate: string;
  /** Processing days (see processing-time.ts). */
  days: number;
  /** Statutory deadline in days, null when none. */
  deadlineDays: number | null;
  startedFrom: "complete" | "received";
}

export interface PeriodStats {
  period: string;
  start: string;
  /** Last day, inclusive. */
  end: string;
  count: number;
  meanWeeks: number | null;
  medianWeeks: number | null;
  statutoryBreaches: number;
  overTargetWeeks: number;
  /** Cases whose clock started at the received date (no complete date in the log). */
  startedFromReceived: number;
}

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Median; for an even count, the mean of the two middle values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const upper = s[mid];
  const lower = s[mid - 1];
  if (upper === undefined) return null;
  return s.length % 2 === 1 || lower === undefined ? upper : (lower + upper) / 2;
}

function inclusiveEnd(p: Period): string {
  const d = new Date(`${p.end}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export function summarise(period: Period, cases: readonly DecidedCase[]): PeriodStats {
  const weeks = cases.map((c) => c.days / 7);
  return {
    period: period.id,
    start: period.start,
    end: inclusiveEnd(period),
    count: cases.length,
    meanWeeks: mean(weeks),
    medianWeeks: median(weeks),
    statutoryBreaches: cases.filter((c) => c.deadlineDays !== null && c.days > c.deadlineDays).length,
    overTargetWeeks: cases.filter((c) => c.days > TARGET_WEEKS * 7).length,
    startedFromReceived: cases.filter((c) => c.startedFrom === "received").length,
  };
}

/**
 * Statistics per month, quarter or year over a range, by decision date: a case decided in January
 * 2018 counts in 2018 even if it was received in 2017. Every period overlapping the range is listed,
 * empty ones with count 0; only decisions inside the range count.
 */
export function statsByPeriod(cases: readonly DecidedCase[], kind: "year" | "quarter" | "month", range: DateRange): PeriodStats[] {
  const inRange = cases.filter((c) => c.decisionDate >= range.start && c.decisionDate <= range.end);
  return periodsOverlapping(kind, range).map((p) =>
    summarise(
      p,
      inRange.filter((c) => c.decisionDate >= p.start && c.decisionDate < p.end),
    ),
  );
}

const SERIES_KINDS: readonly PeriodKind[] = PERIOD_KINDS.filter((k) => k !== "plan_period");

/**
 * Values of the indicator "building-case-processing-weeks" from decided cases: the mean processing
 * weeks of every day with decisions (period id = the ISO day) and, because the series loader keeps
 * one value per period id, also the exact mean of every year, school year, tertial, quarter and
 * month with decisions and of the given range (a value for exactly the period asked for wins over
 * combining the values inside it). So any period gets the mean over its cases, weighted by case,
 * even when several cases were decided on one day.
 */
export function processingWeeksSeries(cases: readonly DecidedCase[], range: DateRange | null, source: string): SeriesValue[] {
  const groups = new Map<string, DecidedCase[]>();
  const add = (id: string, c: DecidedCase) => {
    const list = groups.get(id);
    if (list) list.push(c);
    else groups.set(id, [c]);
  };
  for (const c of cases) {
    add(c.decisionDate, c);
    for (const kind of SERIES_KINDS) add(periodContaining(kind, c.decisionDate).id, c);
    if (range && c.decisionDate >= range.start && c.decisionDate <= range.end) add(planPeriodId(range), c);
  }
  const out: SeriesValue[] = [];
  for (const [period, list] of groups) out.push({ period, value: mean(list.map((c) => c.days / 7)), source });
  return out.sort((a, b) => a.period.localeCompare(b.period));
}
