/**
 * Periods: the time buckets targets are evaluated over and indicator values are reported for.
 *
 * Period ids (all dates are calendar dates, no time zone):
 *   year         "2017"        1 Jan – 31 Dec
 *   school_year  "2017/18"     1 Aug 2017 – 31 Jul 2018 (Norwegian school year)
 *   tertial      "2017-T1"     T1 Jan–Apr, T2 May–Aug, T3 Sep–Dec
 *   quarter      "2017-Q1"
 *   month        "2017-03"
 *   day          "2017-03-15"  (values only: events, milestones)
 *   plan_period  "2015-01-01..2018-12-31" (inclusive range; resolved from the plan)
 *
 * Internally a period is [start, end) with `end` exclusive, as ISO date strings.
 */

export const PERIOD_KINDS = ["year", "school_year", "tertial", "quarter", "month", "plan_period"] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export type ValuePeriodKind = PeriodKind | "day";

export interface Period {
  kind: ValuePeriodKind;
  id: string;
  /** First day, inclusive (YYYY-MM-DD). */
  start: string;
  /** Day after the last day, exclusive (YYYY-MM-DD). */
  end: string;
}

export interface DateRange {
  start: string;
  /** Last day, inclusive. */
  end: string;
}

const DAY_MS = 86_400_000;

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function toMs(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

function ymd(y: number, m: number, d = 1): string {
  // m is 1-based and may overflow into the next year.
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.toISOString().slice(0, 10);
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Parses a period id. Returns null when the id is not a valid period. */
export function parsePeriod(id: string): Period | null {
  const year = id.match(/^(\d{4})$/);
  if (year) {
    const y = Number(year[1]);
    return { kind: "year", id, start: ymd(y, 1), end: ymd(y + 1, 1) };
  }
  const school = id.match(/^(\d{4})\/(\d{2})$/);
  if (school) {
    const y = Number(school[1]);
    if ((y + 1) % 100 !== Number(school[2])) return null;
    return { kind: "school_year", id, start: ymd(y, 8), end: ymd(y + 1, 8) };
  }
  const tertial = id.match(/^(\d{4})-T([1-3])$/);
  if (tertial) {
    const y = Number(tertial[1]);
    const t = Number(tertial[2]);
    return { kind: "tertial", id, start: ymd(y, (t - 1) * 4 + 1), end: ymd(y, t * 4 + 1) };
  }
  const quarter = id.match(/^(\d{4})-Q([1-4])$/);
  if (quarter) {
    const y = Number(quarter[1]);
    const q = Number(quarter[2]);
    return { kind: "quarter", id, start: ymd(y, (q - 1) * 3 + 1), end: ymd(y, q * 3 + 1) };
  }
  const month = id.match(/^(\d{4})-(\d{2})$/);
  if (month) {
    const y = Number(month[1]);
    const mo = Number(month[2]);
    if (mo < 1 || mo > 12) return null;
    return { kind: "month", id, start: ymd(y, mo), end: ymd(y, mo + 1) };
  }
  if (isIsoDate(id)) return { kind: "day", id, start: id, end: addDays(id, 1) };
  const range = id.match(/^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/);
  if (range) {
    const [, s, e] = range;
    if (s === undefined || e === undefined || !isIsoDate(s) || !isIsoDate(e) || e < s) return null;
    return { kind: "plan_period", id, start: s, end: addDays(e, 1) };
  }
  return null;
}

/** Sorts period ids by start, then by length (a month before the year that contains it ends). */
export function comparePeriods(a: string, b: string): number {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (!pa || !pb) return a.localeCompare(b);
  return pa.start.localeCompare(pb.start) || pa.end.localeCompare(pb.end);
}

export function mustParsePeriod(id: string): Period {
  const p = parsePeriod(id);
  if (!p) throw new Error(`Invalid period id: ${id}`);
  return p;
}

export function planPeriodId(range: DateRange): string {
  return `${range.start}..${range.end}`;
}

/** The period of the given kind that contains `date`. */
export function periodContaining(kind: PeriodKind, date: string, plan?: DateRange): Period {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  switch (kind) {
    case "year":
      return mustParsePeriod(String(y));
    case "school_year": {
      const start = mo >= 8 ? y : y - 1;
      return mustParsePeriod(`${start}/${pad2((start + 1) % 100)}`);
    }
    case "tertial":
      return mustParsePeriod(`${y}-T${Math.floor((mo - 1) / 4) + 1}`);
    case "quarter":
      return mustParsePeriod(`${y}-Q${Math.floor((mo - 1) / 3) + 1}`);
    case "month":
      return mustParsePeriod(`${y}-${pad2(mo)}`);
    case "plan_period":
      if (!plan) throw new Error("plan_period needs the plan's date range");
      return mustParsePeriod(planPeriodId(plan));
  }
}

/** All periods of `kind` that overlap the inclusive range. */
export function periodsOverlapping(kind: PeriodKind, range: DateRange): Period[] {
  if (kind === "plan_period") return [mustParsePeriod(planPeriodId(range))];
  const out: Period[] = [];
  let p = periodContaining(kind, range.start);
  const endExclusive = addDays(range.end, 1);
  while (p.start < endExclusive) {
    out.push(p);
    p = periodContaining(kind, p.end);
  }
  return out;
}

export function previousPeriod(p: Period): Period {
  if (p.kind === "day") return mustParsePeriod(addDays(p.start, -1));
  if (p.kind === "plan_period") throw new Error("plan_period has no previous period");
  return periodContaining(p.kind, addDays(p.start, -1));
}

/** True when `inner` lies wholly inside `outer`. */
export function periodWithin(inner: Period, outer: Period): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export type PeriodPhase = "future" | "current" | "past";

export function periodPhase(p: Period, asOf: string): PeriodPhase {
  if (asOf < p.start) return "future";
  if (asOf >= p.end) return "past";
  return "current";
}

/**
 * Share of the period that has elapsed at the end of `asOf` (0..1).
 * On the first day one day has elapsed; on the last day, all of it.
 */
export function elapsedFraction(p: Period, asOf: string): number {
  const total = daysBetween(p.start, p.end);
  const done = daysBetween(p.start, addDays(asOf, 1));
  return Math.min(1, Math.max(0, done / total));
}

/** Whole days left in the period after `asOf`. */
export function daysLeft(p: Period, asOf: string): number {
  return Math.max(0, daysBetween(addDays(asOf, 1), p.end));
}

/** Today's date in Norway (Europe/Oslo), as YYYY-MM-DD. */
export function todayInOslo(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(now);
}

/** The earlier of two ISO dates. */
export function earlierDate(a: string, b: string): string {
  return a <= b ? a : b;
}
