import { describe, expect, it } from "vitest";
import type { Aggregation, SeriesValue } from "../indicators.js";
import { mustParsePeriod } from "../periods.js";
import { olsSlope, presentValuesInOrder, valueInPeriod } from "./series.js";

const v = (period: string, value: number | null, extra: Partial<SeriesValue> = {}): SeriesValue => ({ period, value, ...extra });

/** Monthly values for a year, January first. */
function months(year: number, values: readonly number[], source?: string): SeriesValue[] {
  return values.map((value, i) => v(`${year}-${String(i + 1).padStart(2, "0")}`, value, source ? { source } : {}));
}

describe("valueInPeriod: a value reported for exactly the period wins", () => {
  const series = [v("2017", 100, { source: "SSB" }), ...months(2017, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "Activity log")];

  it.each<Aggregation>(["sum", "mean", "last"])("over the finer values when aggregating by %s", (aggregation) => {
    expect(valueInPeriod(series, mustParsePeriod("2017"), aggregation)).toEqual({
      value: 100,
      status: undefined,
      count: 1,
      sources: ["SSB"],
    });
  });

  it("for a month too, ignoring the year around it", () => {
    expect(valueInPeriod(series, mustParsePeriod("2017-03"), "sum")).toMatchObject({ value: 3, count: 1, sources: ["Activity log"] });
  });

  it("even when the exact value is zero", () => {
    expect(valueInPeriod([v("2017", 0), ...months(2017, [4, 4])], mustParsePeriod("2017"), "sum")).toMatchObject({ value: 0, count: 1 });
  });
});

describe("valueInPeriod: values for periods wholly inside are combined", () => {
  // Jan..Jun monthly values, sum 21, mean 3.5, last 6.
  const series = months(2017, [1, 2, 3, 4, 5, 6]);

  it.each<[Aggregation, string, number, number]>([
    ["sum", "2017", 21, 6],
    ["mean", "2017", 3.5, 6],
    ["last", "2017", 6, 6],
    ["sum", "2017-Q1", 6, 3],
    ["mean", "2017-Q1", 2, 3],
    ["last", "2017-Q1", 3, 3],
    ["sum", "2017-T1", 10, 4],
    ["mean", "2017-T2", 5.5, 2],
    ["last", "2017-T2", 6, 2],
    ["sum", "2015-01-01..2018-12-31", 21, 6],
  ])("by %s for %s to %d from %i values", (aggregation, periodId, value, count) => {
    const pv = valueInPeriod(series, mustParsePeriod(periodId), aggregation);
    expect(pv.value).toBe(value);
    expect(pv.count).toBe(count);
  });

  it("takes the latest period for 'last' regardless of the order the values are listed in", () => {
    const shuffled = [v("2017-05", 50), v("2017-11", 110), v("2017-02", 20)];
    expect(valueInPeriod(shuffled, mustParsePeriod("2017"), "last").value).toBe(110);
  });

  it("combines day-dated values inside a school year", () => {
    const events = [v("2017-09-15", 2), v("2018-03-01", 3), v("2018-07-31", 4), v("2017-07-31", 100), v("2018-08-01", 100)];
    expect(valueInPeriod(events, mustParsePeriod("2017/18"), "sum")).toMatchObject({ value: 9, count: 3 });
  });

  it("lists each source once", () => {
    const series2 = [v("2017-01", 1, { source: "A" }), v("2017-02", 1, { source: "B" }), v("2017-03", 1, { source: "A" }), v("2017-04", 1)];
    expect(valueInPeriod(series2, mustParsePeriod("2017"), "sum").sources).toEqual(["A", "B"]);
  });

  it("skips missing finer values and combines the reported ones", () => {
    const series2 = [v("2017-01", 4), v("2017-02", null, { status: ".." }), v("2017-03", 8)];
    expect(valueInPeriod(series2, mustParsePeriod("2017"), "mean")).toEqual({ value: 6, count: 2, sources: [] });
  });
});

describe("valueInPeriod: values for periods that only overlap are not used", () => {
  it.each<[string, SeriesValue[], string]>([
    ["a school year against a calendar year", [v("2016/17", 40), v("2017/18", 50)], "2017"],
    ["calendar years against a school year", [v("2017", 40), v("2018", 50)], "2017/18"],
    ["a tertial against a quarter", [v("2017-T1", 12)], "2017-Q2"],
    ["a quarter against a tertial", [v("2017-Q2", 12)], "2017-T1"],
    ["a year against one of its months", [v("2017", 12)], "2017-03"],
    ["a year across the plan's end", [v("2019", 12)], "2015-01-01..2018-12-31"],
    ["the July before the school year starts", [v("2017-07", 5), v("2018-08", 5)], "2017/18"],
  ])("%s", (_label, series, periodId) => {
    expect(valueInPeriod(series, mustParsePeriod(periodId), "sum")).toEqual({ value: null, status: undefined, count: 0, sources: [] });
  });
});

describe("valueInPeriod: a missing value returns null with its status code", () => {
  it.each([
    ["..", "not yet available"],
    [":", "suppressed"],
    ["...", "not published"],
    ["-", "nothing to report"],
  ])("for the exact period with status %s (%s)", (status) => {
    expect(valueInPeriod([v("2017", null, { status, source: "SSB" })], mustParsePeriod("2017"), "last")).toEqual({
      value: null,
      status,
      count: 0,
      sources: [],
    });
  });

  it("uses finer values when the period's own value is missing", () => {
    const series = [v("2017", null, { status: ".." }), v("2017-03", 4), v("2017-07", 6)];
    expect(valueInPeriod(series, mustParsePeriod("2017"), "sum")).toMatchObject({ value: 10, count: 2 });
  });

  it.each([
    ["..", [v("2017-Q1", null, { status: ".." }), v("2017-Q2", null, { status: ".." })]],
    [":", [v("2017-03", null, { status: ":" })]],
  ])("for finer periods that are all missing (status %s)", (status, series) => {
    expect(valueInPeriod(series, mustParsePeriod("2017"), "sum")).toEqual({ value: null, status, count: 0, sources: [] });
  });

  it("with no status when nothing at all is reported", () => {
    expect(valueInPeriod([], mustParsePeriod("2017"), "sum")).toEqual({ value: null, status: undefined, count: 0, sources: [] });
  });
});

describe("presentValuesInOrder", () => {
  it("sorts by period end, then start, and drops missing values", () => {
    const series = [
      v("2017", 1),
      v("2017-Q4", 2),
      v("2016/17", 3),
      v("2017-03", null, { status: ".." }),
      v("2016-12-31", 4),
      v("nonsense", 5),
    ];
    expect(presentValuesInOrder(series).map((x) => [x.period.id, x.value])).toEqual([
      ["2016-12-31", 4],
      ["2016/17", 3],
      ["2017", 1],
      ["2017-Q4", 2],
    ]);
  });
});

describe("olsSlope", () => {
  it.each<{ label: string; values: number[]; slope: number }>([
    { label: "empty", values: [], slope: 0 },
    { label: "a single point", values: [7], slope: 0 },
    { label: "two points", values: [10, 14], slope: 4 },
    { label: "a straight rising line", values: [1, 3, 5, 7], slope: 2 },
    { label: "a straight falling line", values: [9, 6, 3], slope: -3 },
    { label: "a flat line", values: [5, 5, 5, 5], slope: 0 },
    // x = 0..3, mean x 1.5, mean y 2.5; Σ(x-x̄)(y-ȳ) = (-1.5)(-1.5)+(-0.5)(-0.5)+(0.5)(-0.5)+(1.5)(2.5) = 6; Σ(x-x̄)² = 5
    { label: "a noisy series", values: [1, 2, 2, 5], slope: 6 / 5 },
  ])("of $label is $slope", ({ values, slope }) => {
    expect(olsSlope(values)).toBeCloseTo(slope, 12);
  });
});

describe("valueInPeriod: several values for the same period", () => {
  it("sums two events on the same day for a flow, and for the month around them", () => {
    const series = [v("2017-03-15", 2), v("2017-03-15", 3), v("2017-03-20", 1)];
    expect(valueInPeriod(series, mustParsePeriod("2017-03-15"), "sum").value).toBe(5);
    expect(valueInPeriod(series, mustParsePeriod("2017-03"), "sum").value).toBe(6);
  });

  it("averages same-day values for a mean indicator", () => {
    const series = [v("2018-04-30", 7), v("2018-04-30", 9)];
    expect(valueInPeriod(series, mustParsePeriod("2018-04-30"), "mean").value).toBe(8);
    expect(valueInPeriod(series, mustParsePeriod("2018"), "mean").value).toBe(8);
  });
});
