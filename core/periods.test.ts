import { describe, expect, it } from "vitest";
import {
  addDays,
  type DateRange,
  daysBetween,
  daysLeft,
  elapsedFraction,
  isIsoDate,
  mustParsePeriod,
  type PeriodKind,
  parsePeriod,
  periodContaining,
  periodPhase,
  periodsOverlapping,
  periodWithin,
  planPeriodId,
  previousPeriod,
  todayInOslo,
  type ValuePeriodKind,
} from "./periods.js";

const PLAN: DateRange = { start: "2015-01-01", end: "2018-12-31" };

/** Days from `from` to `to` counted with plain UTC arithmetic, independent of periods.ts. */
function utcDays(from: [number, number, number], to: [number, number, number]): number {
  return (Date.UTC(to[0], to[1] - 1, to[2]) - Date.UTC(from[0], from[1] - 1, from[2])) / 86_400_000;
}

describe("parsePeriod", () => {
  it.each<[string, ValuePeriodKind, string, string]>([
    ["2017", "year", "2017-01-01", "2018-01-01"],
    ["2016", "year", "2016-01-01", "2017-01-01"],
    ["2017/18", "school_year", "2017-08-01", "2018-08-01"],
    ["1999/00", "school_year", "1999-08-01", "2000-08-01"],
    ["2017-T1", "tertial", "2017-01-01", "2017-05-01"],
    ["2017-T2", "tertial", "2017-05-01", "2017-09-01"],
    ["2017-T3", "tertial", "2017-09-01", "2018-01-01"],
    ["2017-Q1", "quarter", "2017-01-01", "2017-04-01"],
    ["2017-Q2", "quarter", "2017-04-01", "2017-07-01"],
    ["2017-Q3", "quarter", "2017-07-01", "2017-10-01"],
    ["2017-Q4", "quarter", "2017-10-01", "2018-01-01"],
    ["2017-03", "month", "2017-03-01", "2017-04-01"],
    ["2017-12", "month", "2017-12-01", "2018-01-01"],
    ["2016-02", "month", "2016-02-01", "2016-03-01"],
    ["2017-03-15", "day", "2017-03-15", "2017-03-16"],
    ["2016-02-29", "day", "2016-02-29", "2016-03-01"],
    ["2017-12-31", "day", "2017-12-31", "2018-01-01"],
    ["2015-01-01..2018-12-31", "plan_period", "2015-01-01", "2019-01-01"],
    ["2020-05-05..2020-05-05", "plan_period", "2020-05-05", "2020-05-06"],
  ])("parses %s as a %s running [%s, %s)", (id, kind, start, end) => {
    expect(parsePeriod(id)).toEqual({ kind, id, start, end });
  });

  it.each([
    ["2017/19", "a school year whose second year does not follow the first"],
    ["2017/2018", "a school year with a four-digit second year"],
    ["2017-13", "month 13"],
    ["2017-00", "month 0"],
    ["2017-Q5", "quarter 5"],
    ["2017-Q0", "quarter 0"],
    ["2017-T4", "tertial 4"],
    ["2017-02-30", "30 February"],
    ["2017-02-29", "29 February in a common year"],
    ["2017-04-31", "31 April"],
    ["17", "a two-digit year"],
    ["", "an empty string"],
    ["2018-12-31..2015-01-01", "a plan period ending before it starts"],
    ["2015-01-01..2018-02-30", "a plan period with an impossible end date"],
    ["2017-3-5", "a date without zero padding"],
  ])("rejects %s (%s)", (id) => {
    expect(parsePeriod(id)).toBeNull();
    expect(() => mustParsePeriod(id)).toThrow(/Invalid period id/);
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2016-02-29", true],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2017-02-29", false],
    ["2017-12-31", true],
    ["2017-12-32", false],
    ["2017-1-01", false],
    ["2017-01-01T00:00:00Z", false],
  ])("says %s is a valid calendar date: %s", (value, valid) => {
    expect(isIsoDate(value)).toBe(valid);
  });
});

describe("school year and tertial boundaries", () => {
  it.each([
    ["2017/18", "2017-08-01", "2018-07-31"],
    ["2015/16", "2015-08-01", "2016-07-31"],
    ["2017-T1", "2017-01-01", "2017-04-30"],
    ["2017-T2", "2017-05-01", "2017-08-31"],
    ["2017-T3", "2017-09-01", "2017-12-31"],
    ["2016-02", "2016-02-01", "2016-02-29"],
  ])("%s runs from %s to %s inclusive", (id, first, last) => {
    const p = mustParsePeriod(id);
    expect(p.start).toBe(first);
    expect(addDays(p.end, -1)).toBe(last);
  });
});

describe("periodContaining", () => {
  it.each<[PeriodKind, string, string]>([
    ["school_year", "2017-07-31", "2016/17"],
    ["school_year", "2017-08-01", "2017/18"],
    ["school_year", "2018-01-01", "2017/18"],
    ["school_year", "2017-12-31", "2017/18"],
    ["school_year", "1999-08-01", "1999/00"],
    ["school_year", "2000-07-31", "1999/00"],
    ["year", "2016-12-31", "2016"],
    ["year", "2017-01-01", "2017"],
    ["tertial", "2017-04-30", "2017-T1"],
    ["tertial", "2017-05-01", "2017-T2"],
    ["tertial", "2017-08-31", "2017-T2"],
    ["tertial", "2017-09-01", "2017-T3"],
    ["tertial", "2016-12-31", "2016-T3"],
    ["tertial", "2017-01-01", "2017-T1"],
    ["quarter", "2016-12-31", "2016-Q4"],
    ["quarter", "2017-01-01", "2017-Q1"],
    ["quarter", "2017-03-31", "2017-Q1"],
    ["quarter", "2017-04-01", "2017-Q2"],
    ["month", "2016-12-31", "2016-12"],
    ["month", "2017-01-01", "2017-01"],
    ["month", "2016-02-29", "2016-02"],
  ])("puts a %s around %s at %s", (kind, date, id) => {
    expect(periodContaining(kind, date).id).toBe(id);
  });

  it("resolves plan_period from the plan's range", () => {
    expect(periodContaining("plan_period", "2016-06-01", PLAN)).toEqual({
      kind: "plan_period",
      id: "2015-01-01..2018-12-31",
      start: "2015-01-01",
      end: "2019-01-01",
    });
  });

  it("refuses plan_period without the plan's range", () => {
    expect(() => periodContaining("plan_period", "2016-06-01")).toThrow();
  });
});

describe("periodsOverlapping the plan 2015–2018", () => {
  it.each<[PeriodKind, number, string, string]>([
    ["year", 4, "2015", "2018"],
    ["school_year", 5, "2014/15", "2018/19"],
    ["tertial", 12, "2015-T1", "2018-T3"],
    ["quarter", 16, "2015-Q1", "2018-Q4"],
    ["month", 48, "2015-01", "2018-12"],
    ["plan_period", 1, "2015-01-01..2018-12-31", "2015-01-01..2018-12-31"],
  ])("has %s periods: %i of them, from %s to %s", (kind, count, first, last) => {
    const periods = periodsOverlapping(kind, PLAN);
    expect(periods).toHaveLength(count);
    expect(periods[0]?.id).toBe(first);
    expect(periods.at(-1)?.id).toBe(last);
  });

  it.each<PeriodKind>(["year", "school_year", "tertial", "quarter", "month"])(
    "lists %s periods back to back without gaps or overlaps",
    (kind) => {
      const periods = periodsOverlapping(kind, PLAN);
      for (let i = 1; i < periods.length; i++) expect(periods[i]?.start).toBe(periods[i - 1]?.end);
      expect((periods[0]?.start ?? "") <= PLAN.start).toBe(true);
      expect((periods.at(-1)?.end ?? "") > PLAN.end).toBe(true);
    },
  );

  it.each<[PeriodKind, DateRange, string[]]>([
    ["school_year", { start: "2017-07-31", end: "2017-08-01" }, ["2016/17", "2017/18"]],
    ["school_year", { start: "2017-08-01", end: "2018-07-31" }, ["2017/18"]],
    ["year", { start: "2016-12-31", end: "2017-01-01" }, ["2016", "2017"]],
    ["month", { start: "2017-03-15", end: "2017-03-15" }, ["2017-03"]],
  ])("lists the %s periods touching %o as %o", (kind, range, ids) => {
    expect(periodsOverlapping(kind, range).map((p) => p.id)).toEqual(ids);
  });
});

describe("previousPeriod", () => {
  it.each([
    ["2017", "2016"],
    ["2017/18", "2016/17"],
    ["2000/01", "1999/00"],
    ["2017-T1", "2016-T3"],
    ["2017-T3", "2017-T2"],
    ["2017-Q1", "2016-Q4"],
    ["2017-Q3", "2017-Q2"],
    ["2017-01", "2016-12"],
    ["2016-03", "2016-02"],
    ["2017-01-01", "2016-12-31"],
    ["2016-03-01", "2016-02-29"],
  ])("goes from %s back to %s", (id, prev) => {
    expect(previousPeriod(mustParsePeriod(id)).id).toBe(prev);
  });

  it("has no previous period for a plan period", () => {
    expect(() => previousPeriod(mustParsePeriod(planPeriodId(PLAN)))).toThrow();
  });
});

describe("periodWithin and periodPhase", () => {
  it.each([
    ["2017-03", "2017", true],
    ["2017-Q4", "2017", true],
    ["2017", "2017", true],
    ["2017/18", "2017", false],
    ["2018-07", "2017/18", true],
    ["2017-07", "2017/18", false],
    ["2017-12-31", "2017-T3", true],
    ["2018", "2015-01-01..2018-12-31", true],
    ["2019-01", "2015-01-01..2018-12-31", false],
  ])("says %s lies wholly inside %s: %s", (inner, outer, within) => {
    expect(periodWithin(mustParsePeriod(inner), mustParsePeriod(outer))).toBe(within);
  });

  it.each([
    ["2017", "2016-12-31", "future"],
    ["2017", "2017-01-01", "current"],
    ["2017", "2017-12-31", "current"],
    ["2017", "2018-01-01", "past"],
  ])("calls %s on %s %s", (id, asOf, phase) => {
    expect(periodPhase(mustParsePeriod(id), asOf)).toBe(phase);
  });
});

describe("elapsedFraction", () => {
  it.each<[string, string, number]>([
    ["2017", "2017-01-01", 1 / 365],
    ["2017", "2017-12-31", 1],
    ["2016", "2016-01-01", 1 / 366],
    ["2016", "2016-12-31", 1],
    ["2016", "2016-02-29", utcDays([2016, 1, 1], [2016, 3, 1]) / 366],
    ["2017", "2017-07-01", utcDays([2017, 1, 1], [2017, 7, 2]) / 365],
    ["2016", "2016-07-01", utcDays([2016, 1, 1], [2016, 7, 2]) / 366],
    ["2016-02", "2016-02-28", 28 / 29],
    ["2017/18", "2017-08-01", 1 / 365],
    ["2019/20", "2020-07-31", 1],
    ["2019/20", "2019-08-01", 1 / 366],
    ["2015-01-01..2018-12-31", "2016-12-31", utcDays([2015, 1, 1], [2017, 1, 1]) / utcDays([2015, 1, 1], [2019, 1, 1])],
  ])("of %s at the end of %s is %f", (id, asOf, fraction) => {
    expect(elapsedFraction(mustParsePeriod(id), asOf)).toBeCloseTo(fraction, 12);
  });

  it.each([
    ["2017", "2016-06-01", 0],
    ["2017", "2018-06-01", 1],
  ])("of %s on %s is clamped to %d", (id, asOf, fraction) => {
    expect(elapsedFraction(mustParsePeriod(id), asOf)).toBe(fraction);
  });
});

describe("daysLeft", () => {
  it.each([
    ["2017", "2017-11-26", 35],
    ["2017", "2017-12-31", 0],
    ["2017", "2017-01-01", 364],
    ["2016", "2016-01-01", 365],
    ["2017", "2016-12-31", 365],
    ["2017", "2018-03-01", 0],
    ["2017/18", "2018-07-30", 1],
    ["2016-02", "2016-02-01", 28],
  ])("in %s after %s is %i", (id, asOf, days) => {
    expect(daysLeft(mustParsePeriod(id), asOf)).toBe(days);
  });
});

describe("date arithmetic", () => {
  it.each([
    ["2016-02-28", 1, "2016-02-29"],
    ["2017-02-28", 1, "2017-03-01"],
    ["2017-12-31", 1, "2018-01-01"],
    ["2018-01-01", -1, "2017-12-31"],
    ["2017-03-26", 1, "2017-03-27"],
  ])("adds to %s %i day(s) giving %s", (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ["2016-01-01", "2017-01-01", 366],
    ["2017-01-01", "2018-01-01", 365],
    ["2017-03-25", "2017-03-27", 2],
    ["2017-10-28", "2017-10-30", 2],
    ["2017-01-02", "2017-01-01", -1],
  ])("counts from %s to %s as %i days", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe("todayInOslo", () => {
  it.each([
    ["2026-11-26T23:30:00Z", "2026-11-27"],
    ["2026-11-26T22:59:59Z", "2026-11-26"],
    ["2026-11-26T23:00:00Z", "2026-11-27"],
    ["2026-06-30T21:59:59Z", "2026-06-30"],
    ["2026-06-30T22:00:00Z", "2026-07-01"],
    ["2026-12-31T23:15:00Z", "2027-01-01"],
    ["2026-01-01T00:30:00Z", "2026-01-01"],
  ])("gives the Oslo calendar date at %s as %s", (instant, date) => {
    expect(todayInOslo(new Date(instant))).toBe(date);
  });

  it("returns an ISO date for the current moment", () => {
    expect(isIsoDate(todayInOslo())).toBe(true);
  });
});
