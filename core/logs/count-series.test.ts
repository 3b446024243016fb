import { describe, expect, it } from "vitest";
import { mustParsePeriod } from "../periods.js";
import { valueInPeriod } from "../targets/series.js";
import { dailyCountSeries, schoolYearSeries } from "./count-series.js";

const range = { start: "2015-01-01", end: "2018-12-31" };
const src = "Næringskompass: test";

describe("dailyCountSeries", () => {
  const series = dailyCountSeries(
    [
      { date: "2016-03-15", value: 4 },
      { date: "2016-03-15", value: 2 },
      { date: "2016-12-31", value: 1 },
      { date: "2017-01-01", value: 5 },
      { date: "2019-01-01", value: 100 },
    ],
    "2016-03-15",
    range,
    src,
  );
  const sum = (period: string) => valueInPeriod(series, mustParsePeriod(period), "sum").value;

  it("gives one value per day with events, the day's total", () => {
    expect(series.filter((v) => v.period.length === 10)).toEqual([
      { period: "2016-03-15", value: 6, source: src },
      { period: "2016-12-31", value: 1, source: src },
      { period: "2017-01-01", value: 5, source: src },
    ]);
  });

  it("fills months without events with 0 from the log's first month to the end of the range", () => {
    const months = series.filter((v) => v.period.length === 7).map((v) => v.period);
    expect(months[0]).toBe("2016-04");
    expect(months).not.toContain("2016-03");
    expect(months).not.toContain("2016-12");
    expect(months).not.toContain("2017-01");
    expect(months[months.length - 1]).toBe("2018-12");
    expect(series.every((v) => v.period.length !== 7 || v.value === 0)).toBe(true);
  });

  it("sums any period at the year boundary; an empty year is 0, a year before logging has no data", () => {
    expect(sum("2016")).toBe(7);
    expect(sum("2017")).toBe(5);
    expect(sum("2018")).toBe(0);
    expect(sum("2015")).toBeNull();
    expect(sum("2016-Q4")).toBe(1);
    expect(sum("2016-03")).toBe(6);
    expect(sum("2016/17")).toBe(6);
  });

  it("leaves out events after the range", () => {
    expect(series.some((v) => v.period.startsWith("2019"))).toBe(false);
  });

  it("starts the zero months at the log's start even when this count has no events", () => {
    const empty = dailyCountSeries([], "2018-11-05", range, src);
    expect(empty.map((v) => v.period)).toEqual(["2018-11", "2018-12"]);
    expect(dailyCountSeries([], null, range, src)).toEqual([]);
    expect(dailyCountSeries([], "2019-02-01", range, src)).toEqual([]);
  });
});

describe("schoolYearSeries", () => {
  it("gives a value per school year and 0 for school years without entries up to the range's end", () => {
    const series = schoolYearSeries(
      [
        { schoolYear: "2015/16", value: 120 },
        { schoolYear: "2015/16", value: 30 },
        { schoolYear: "2017/18", value: 260 },
        { schoolYear: "2019/20", value: 999 },
      ],
      range,
      src,
    );
    expect(series.map((v) => [v.period, v.value])).toEqual([
      ["2015/16", 150],
      ["2016/17", 0],
      ["2017/18", 260],
      ["2018/19", 0],
    ]);
  });

  it("has no values before the first logged school year", () => {
    expect(schoolYearSeries([], range, src)).toEqual([]);
    expect(schoolYearSeries([{ schoolYear: "2018/19", value: 3 }], range, src).map((v) => v.period)).toEqual(["2018/19"]);
  });
});
