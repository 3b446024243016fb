import { daysBetween } from "../periods.js";
import type { ApplicationFacts, StopPeriod } from "./types.js";

/**
 * Processing time (behandlingstid) of a building application, in calendar days:
 *
 *   from the day the application was complete (`completeDate`; when the log has none, the day it
 *   was received, and the result says so) to the day of the decision, minus the days the clock
 *   stood still.
 *
 * Days are counted like a calendar: complete on 6 March, decided on 13 March = 7 days = 1 week; a
 * decision on the day the application was complete = 0 days. A stop from 8 to 10 March takes
 * 2 days: the day the clock stops counts as stopped, the day it runs again as running. Stops that
 * overlap are merged; a stop that started before the clock or runs past the decision counts only
 * inside the interval; an open-ended stop (no end date) lasts until the decision, or until the
 * day asked for when there is none yet. Weeks = days / 7.
 */
export interface ClockResult {
  startDate: string;
  /** "complete" when the clock started at the complete date, "received" when that was missing. */
  startedFrom: "complete" | "received";
  /** The decision date, or the day asked for (elapsed time of an undecided application). */
  endDate: string;
  decided: boolean;
  calendarDays: number;
  stoppedDays: number;
  /** calendarDays − stoppedDays */
  days: number;
  weeks: number;
}

export interface Interval {
  from: string;
  /** Exclusive: the first day the clock runs again. */
  to: string;
}

/** Stops as half-open intervals clipped to [start, end) and merged where they overlap or touch. */
export function clipAndMergeStops(stops: readonly StopPeriod[], start: string, end: string): Interval[] {
  const clipped: Interval[] = [];
  for (const s of stops) {
    const from = s.fromDate > start ? s.fromDate : start;
    const rawTo = s.toDate ?? end;
    const to = rawTo < end ? rawTo : end;
    if (from < to) clipped.push({ from, to });
  }
  clipped.sort((a, b) => a.from.localeCompare(b.from));
  const merged: Interval[] = [];
  for (const iv of clipped) {
    const last = merged[merged.length - 1];
    if (last && iv.from <= last.to) {
      if (iv.to > last.to) last.to = iv.to;
    } else {
      merged.push({ ...iv });
    }
  }
  return merged;
}

type ClockFacts = Pick<ApplicationFacts, "receivedDate" | "completeDate" | "decisionDate" | "stops">;

function clock(app: ClockFacts, endDate: string, decided: boolean): ClockResult {
  const startedFrom = app.completeDate ? "complete" : "received";
  const startDate = app.completeDate ?? app.receivedDate;
  const end = endDate < startDate ? startDate : endDate;
  const calendarDays = daysBetween(startDate, end);
  const stoppedDays = clipAndMergeStops(app.stops, startDate, end).reduce((n, iv) => n + daysBetween(iv.from, iv.to), 0);
  const days = calendarDays - stoppedDays;
  return { startDate, startedFrom, endDate: end, decided, calendarDays, stoppedDays, days, weeks: days / 7 };
}

/** Processing time of a decided application; null when there is no decision. */
export function processingTime(app: ClockFacts): ClockResult | null {
  if (!app.decisionDate) return null;
  return clock(app, app.decisionDate, true);
}

/**
 * Time on the clock so far for an application undecided as of `asOf` (a decision after `asOf` is
 * not known yet). Null when it was decided by then, or not yet received.
 */
export function elapsedTime(app: ClockFacts, asOf: string): ClockResult | null {
  if (app.receivedDate > asOf) return null;
  if (app.decisionDate && app.decisionDate <= asOf) return null;
  return clock(app, asOf, false);
}
