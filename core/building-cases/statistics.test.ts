import { describe, expect, it } from "vitest";
import { mustParsePeriod } from "../periods.js";
import { valueInPeriod } from "../targets/series.js";
import { assessApplication, countsForTarget } from "./assess.js";
import { type DecidedCase, median, processingWeeksSeries, statsByPeriod } from "./statistics.js";
import type { ApplicationFacts } from "./types.js";

const decided = (
  decisionDate: string,
  days: number,
  deadlineDays: number | null = 84,
  startedFrom: "complete" | "received" = "complete",
): DecidedCase => ({
  decisionDate,
  days,
  deadlineDays,
  startedFrom,
});

describe("median", () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[5], 5],
    [[9, 1, 5], 5],
    [[1, 2, 3, 10], 2.5],
  ])("of %j is %s", (values, expected) => expect(median(values)).toBe(expected));
});

describe("statistics by decision date", () => {
  const cases = [
    decided("2017-12-28", 35),
    decided("2018-01-05", 70, 84, "received"), // received in 2017, decided in 2018: counts in 2018
    decided("2018-01-20", 91),
    decided("2018-04-02", 14, 21),
    decided("2019-01-01", 7), // outside the range
  ];

  it("groups by year with means, medians and breach counts", () => {
    const [y2017, y2018] = statsByPeriod(cases, "year", { start: "2017-01-01", end: "2018-12-31" });
    expect(y2017).toMatchObject({ period: "2017", count: 1, meanWeeks: 5, medianWeeks: 5, statutoryBreaches: 0, overTargetWeeks: 0 });
    expect(y2018).toMatchObject({
      period: "2018",
      start: "2018-01-01",
      end: "2018-12-31",
      count: 3,
      statutoryBreaches: 1,
      overTargetWeeks: 2,
    });
    expect(y2018?.meanWeeks).toBeCloseTo((10 + 13 + 2) / 3, 10);
    expect(y2018?.medianWeeks).toBe(10);
    expect(y2018?.startedFromReceived).toBe(1);
  });

  it("lists every quarter of the range, empty ones with count 0", () => {
    const qs = statsByPeriod(cases, "quarter", { start: "2018-01-01", end: "2018-12-31" });
    expect(qs.map((q) => [q.period, q.count, q.meanWeeks])).toEqual([
      ["2018-Q1", 2, 11.5],
      ["2018-Q2", 1, 2],
      ["2018-Q3", 0, null],
      ["2018-Q4", 0, null],
    ]);
  });

  it("counts only decisions inside a range that cuts a month", () => {
    const [jan] = statsByPeriod(cases, "month", { start: "2018-01-10", end: "2018-01-31" });
    expect(jan).toMatchObject({ period: "2018-01", count: 1, meanWeeks: 13 });
  });
});

describe("the indicator series", () => {
  // Two cases on one day: a year's mean must weigh each case once, not each day once.
  const cases = [decided("2017-03-15", 14), decided("2017-03-15", 28), decided("2017-06-01", 84), decided("2018-02-01", 56)];
  const series = processingWeeksSeries(cases, { start: "2015-01-01", end: "2018-12-31" }, "test");

  it.each<[string, number]>([
    ["2017", (2 + 4 + 12) / 3],
    ["2017-Q1", 3],
    ["2017-03", 3],
    ["2017-03-15", 3],
    ["2017-T2", 12],
    ["2016/17", (2 + 4 + 12) / 3],
    ["2017/18", 8],
    ["2018", 8],
    ["2015-01-01..2018-12-31", (2 + 4 + 12 + 8) / 4],
  ])("gives the case-weighted mean for %s", (period, expected) => {
    const v = valueInPeriod(series, mustParsePeriod(period), "mean");
    expect(v.value).toBeCloseTo(expected, 10);
  });

  it("has no value for a year without decisions", () => {
    expect(valueInPeriod(series, mustParsePeriod("2016"), "mean").value).toBeNull();
  });

  it("names its source", () => {
    expect(series.every((v) => v.source === "test")).toBe(true);
  });
});

describe("assessing one application", () => {
  const app: ApplicationFacts = {
    applicationType: "rammetillatelse",
    commercial: true,
    receivedDate: "2017-01-02",
    completeDate: "2017-01-09",
    decisionDate: "2017-04-10",
    neighbourObjections: false,
    dispensationNeeded: false,
    otherAuthorities: false,
    stops: [],
  };

  it("finds a statutory and a target breach (13 weeks against 12 and 8)", () => {
    const a = assessApplication(app, "2017-12-31");
    expect(a.clock?.days).toBe(91);
    expect(a.deadline.weeks).toBe(12);
    expect(a.daysOverDeadline).toBe(7);
    expect(a.statutoryBreach).toBe(true);
    expect(a.targetBreach).toBe(true);
  });

  it("as of a day before the decision, it is pending with elapsed time", () => {
    const a = assessApplication(app, "2017-03-06");
    expect(a.clock?.decided).toBe(false);
    expect(a.clock?.days).toBe(56);
    expect(a.statutoryBreach).toBe(false);
    expect(a.targetBreach).toBe(false);
  });

  it("exactly 12 weeks is within the deadline", () => {
    expect(assessApplication({ ...app, decisionDate: "2017-04-03" }, "2017-12-31").statutoryBreach).toBe(false);
  });

  it.each<[Partial<ApplicationFacts>, boolean]>([
    [{}, true],
    [{ applicationType: "ett_trinn" }, true],
    [{ commercial: false }, false],
    [{ applicationType: "igangsettingstillatelse" }, false],
    [{ applicationType: "dispensasjon" }, false],
  ])("counts for the target: %j → %s", (patch, expected) => {
    expect(countsForTarget({ ...app, ...patch })).toBe(expected);
    expect(assessApplication({ ...app, ...patch }, "2017-12-31").targetBreach).toBe(expected);
  });
});
