import type { SeriesValue } from "../indicators.js";
import { type DateRange, mustParsePeriod, periodContaining, periodsOverlapping } from "../periods.js";

/**
 * Series for count indicators fed by the office's logs (aggregation `sum`).
 *
 * Convention: one value per day with events (period "2017-03-15", the day's total), plus a zero for
 * every month without events from the month the log starts (its first event) to the end of the
 * range. Any period asked for then sums correctly, a year without events is a real 0, and the years
 * before the office started logging stay "no data". A month with events gets no zero: an exact
 * month value would win over the days inside it.
 */
export interface DatedCount {
  /** ISO day. */
  date: string;
  value: number;
}

export function dailyCountSeries(events: readonly DatedCount[], logStart: string | null, range: DateRange, source: string): SeriesValue[] {
  const byDay = new Map<string, number>();
  for (const e of events) {
    if (e.date > range.end) continue;
    byDay.set(e.date, (byDay.get(e.date) ?? 0) + e.value);
  }
  const totals = [...byDay].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const days = totals.map(([d]) => d);
  const out: SeriesValue[] = totals.map(([d, value]) => ({ period: d, value, source }));
  const first = [logStart, days[0]].filter((d): d is string => Boolean(d)).sort()[0];
  if (!first || first > range.end) return out;
  const monthsWithEvents = new Set(days.map((d) => d.slice(0, 7)));
  for (const m of periodsOverlapping("month", { start: first, end: range.end })) {
    if (!monthsWithEvents.has(m.id)) out.push({ period: m.id, value: 0, source });
  }
  return out;
}

/**
 * Series for counts kept per school year (LIA placements): one value per school year with entries,
 * and a zero for every school year without from the first logged one to the school year containing
 * the end of the range.
 */
export interface SchoolYearCount {
  /** "2016/17" */
  schoolYear: string;
  value: number;
}

export function schoolYearSeries(totals: readonly SchoolYearCount[], range: DateRange, source: string): SeriesValue[] {
  const byYear = new Map<string, number>();
  for (const t of totals) {
    if (mustParsePeriod(t.schoolYear).start > range.end) continue;
    byYear.set(t.schoolYear, (byYear.get(t.schoolYear) ?? 0) + t.value);
  }
  const years = [...byYear.keys()].sort();
  const first = years[0];
  if (!first) return [];
  const out: SeriesValue[] = [];
  const last = periodContaining("school_year", range.end);
  for (const p of periodsOverlapping("school_year", { start: mustParsePeriod(first).start, end: last.start })) {
    out.push({ period: p.id, value: byYear.get(p.id) ?? 0, source });
  }
  return out;
}
