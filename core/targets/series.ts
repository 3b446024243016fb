import type { Aggregation, SeriesValue } from "../indicators.js";
import { type Period, parsePeriod, periodWithin } from "../periods.js";

export interface PeriodValue {
  /** The combined value, or null when there is none. */
  value: number | null;
  /** SSB-style status code when the only value for the period is a missing one. */
  status?: string;
  /** How many reported values went into it. */
  count: number;
  /** Sources of the values used (deduplicated). */
  sources: string[];
}

/**
 * The indicator's value for a period.
 * Rule: values reported for exactly this period win (unless missing, e.g. "..", and finer values
 * exist; several values for one period are combined); otherwise the values reported for
 * periods wholly inside it are combined by the indicator's aggregation (sum for flows such as
 * visit counts, mean for averages, last for levels such as a rank or a headcount).
 * Values for periods that only overlap (e.g. a school year against a calendar year) are not used.
 */
export function valueInPeriod(series: readonly SeriesValue[], period: Period, aggregation: Aggregation): PeriodValue {
  // Several values may carry the same period (two events on one day): they are combined too.
  const exact = series.filter((v) => v.period === period.id);
  const exactPresent = exact.filter((v) => v.value !== null);
  if (exactPresent.length > 0) {
    return combine(
      exactPresent.map((v) => ({ p: period, v })),
      aggregation,
    );
  }
  const inside: { p: Period; v: SeriesValue }[] = [];
  for (const v of series) {
    const p = parsePeriod(v.period);
    if (p && p.id !== period.id && periodWithin(p, period)) inside.push({ p, v });
  }
  const present = inside.filter((x) => x.v.value !== null);
  if (present.length === 0) {
    // Only missing values: keep the status code (of the period itself first).
    const status = exact.find((v) => v.status)?.status ?? inside.find((x) => x.v.status)?.v.status;
    return { value: null, status, count: 0, sources: [] };
  }
  return combine(present, aggregation);
}

function combine(present: { p: Period; v: SeriesValue }[], aggregation: Aggregation): PeriodValue {
  const sources = [...new Set(present.map((x) => x.v.source).filter((s): s is string => Boolean(s)))];
  const nums = present.flatMap((x) => (x.v.value === null ? [] : [x.v.value]));
  switch (aggregation) {
    case "sum":
      return { value: nums.reduce((a, b) => a + b, 0), count: nums.length, sources };
    case "mean":
      return { value: nums.reduce((a, b) => a + b, 0) / nums.length, count: nums.length, sources };
    case "last": {
      const latest = present.reduce((a, b) => (b.p.end > a.p.end || (b.p.end === a.p.end && b.p.start > a.p.start) ? b : a));
      return { value: latest.v.value, count: nums.length, sources };
    }
  }
}

/** Reported values in time order (by period end, then start), missing values dropped. */
export function presentValuesInOrder(series: readonly SeriesValue[]): { period: Period; value: number }[] {
  const out: { period: Period; value: number }[] = [];
  for (const v of series) {
    const p = parsePeriod(v.period);
    if (p && v.value !== null) out.push({ period: p, value: v.value });
  }
  return out.sort((a, b) =>
    a.period.end === b.period.end ? a.period.start.localeCompare(b.period.start) : a.period.end.localeCompare(b.period.end),
  );
}

/** Ordinary least squares slope of values against their position 0..n-1. */
export function olsSlope(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return 0;
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((y, x) => {
    num += (x - meanX) * (y - meanY);
    den += (x - meanX) ** 2;
  });
  return num / den;
}
