import { describe, expect, it } from "vitest";
import type { SeriesValue } from "../indicators.js";
import type { DateRange } from "../periods.js";
import {
  AT_MOST_SLACK,
  AT_RISK_SHARE,
  type EvaluationContext,
  evaluateMilestone,
  evaluatePeriod,
  evaluateTarget,
  type IndicatorInfo,
  type MeasureInfo,
  type TargetStatus,
} from "./evaluate.js";
import type { TargetSpec } from "./spec.js";
import { milestone, type PeriodSpec, TEST_PLAN, target } from "./testing.js";

// ---------------------------------------------------------------------------------------------
// Helpers. Expected numbers are computed here from plain date arithmetic, never by the code under test.

const PLAN: DateRange = TEST_PLAN;
const PLAN_ID = "2015-01-01..2018-12-31";

const SUM: IndicatorInfo = { aggregation: "sum", unit: "visits", preferredTrend: "up" };
const MEAN_DOWN: IndicatorInfo = { aggregation: "mean", unit: "weeks", preferredTrend: "down" };
const LAST: IndicatorInfo = { aggregation: "last", unit: "companies", preferredTrend: "up" };
const LAST_DOWN: IndicatorInfo = { aggregation: "last", unit: "percent", preferredTrend: "down" };
const RANK: IndicatorInfo = { aggregation: "last", unit: "rank", preferredTrend: "down" };

function ctx(asOf: string, indicator?: IndicatorInfo, measure?: MeasureInfo, plan: DateRange = PLAN): EvaluationContext {
  return { asOf, plan, indicator, measure };
}

const v = (period: string, value: number | null, status?: string): SeriesValue => (status ? { period, value, status } : { period, value });

/** Days from `from` to `to` (to exclusive), by UTC milliseconds. */
const days = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/** Share of [start, endExclusive) elapsed at the end of `asOf`. */
const share = (start: string, endExclusive: string, asOf: string): number => {
  const next = new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return days(start, next) / days(start, endExclusive);
};

// In a past period (2016 seen from mid-2017) and in the current one (2017).
const PAST = "2017-06-01";

// ---------------------------------------------------------------------------------------------

describe("at_least: boundaries in a finished period", () => {
  it.each<{ agg: string; ind: IndicatorInfo; actual: number; status: TargetStatus; key: string }>([
    { agg: "sum", ind: SUM, actual: 15, status: "achieved", key: "at_least.achieved" },
    { agg: "sum", ind: SUM, actual: 14, status: "off_track", key: "at_least.missed" },
    { agg: "sum", ind: SUM, actual: 16, status: "achieved", key: "at_least.achieved" },
    { agg: "last", ind: LAST, actual: 15, status: "achieved", key: "at_least.achieved" },
    { agg: "last", ind: LAST, actual: 14, status: "off_track", key: "at_least.missed" },
    { agg: "last", ind: LAST, actual: 16, status: "achieved", key: "at_least.achieved" },
  ])("with $agg values, $actual against at least 15 is $status", ({ ind, actual, status, key }) => {
    const e = evaluatePeriod(target({ type: "at_least", value: 15, per: "year" }), [v("2016", actual)], "2016", ctx(PAST, ind));
    expect(e).toMatchObject({ period: "2016", status, actual, expected: 15, explanation: { key } });
    if (key === "at_least.missed") expect(e.explanation.params.shortfall).toBe(15 - actual);
  });

  it.each<{ actual: number; status: TargetStatus; key: string }>([
    { actual: 14, status: "at_risk", key: "at_least.level_below" },
    { actual: 15, status: "achieved", key: "at_least.achieved" },
    { actual: 16, status: "achieved", key: "at_least.achieved" },
  ])("a level of $actual in the current period against at least 15 is $status (no pro-rating for levels)", ({ actual, status, key }) => {
    const e = evaluatePeriod(target({ type: "at_least", value: 15, per: "year" }), [v("2017-03", actual)], "2017", ctx(PAST, LAST));
    expect(e).toMatchObject({ status, explanation: { key } });
  });
});

describe("at_least: pro-rating a flow inside the current period", () => {
  // 15 visits a year; at the end of 1 July 2017, 182 of 365 days have passed.
  const asOf = "2017-07-01";
  const elapsedDays = days("2017-01-01", "2017-07-02");
  const yearDays = days("2017-01-01", "2018-01-01");
  const expected = (15 * elapsedDays) / yearDays;

  it("counts the elapsed days independently: 182 of 365, about 7.5 visits expected", () => {
    expect([elapsedDays, yearDays]).toEqual([182, 365]);
    expect(expected).toBeGreaterThan(7.4);
    expect(expected).toBeLessThan(7.5);
  });

  it.each<{ actual: number; status: TargetStatus }>([
    { actual: 7, status: "at_risk" },
    { actual: 8, status: "on_track" },
    { actual: 5, status: "off_track" },
    { actual: 6, status: "at_risk" },
  ])("$actual visits by 1 July against 15 a year is $status", ({ actual, status }) => {
    expect(actual >= expected).toBe(status === "on_track");
    expect(actual >= expected * AT_RISK_SHARE).toBe(status !== "off_track");
    const series = [v("2017-02", actual - 1), v("2017-06", 1)];
    const e = evaluatePeriod(target({ type: "at_least", value: 15, per: "year" }), series, "2017", ctx(asOf, SUM));
    expect(e.status).toBe(status);
    expect(e.actual).toBe(actual);
    expect(e.expected).toBeCloseTo(expected, 10);
    expect(e.explanation).toEqual({
      key: "at_least.in_progress",
      params: {
        actual,
        target: 15,
        unit: "visits",
        period: "2017",
        remaining: 15 - actual,
        expected: Math.round(expected * 10) / 10,
        daysLeft: days("2017-07-02", "2018-01-01"),
      },
    });
  });

  // 365 a year: at the end of 31 January exactly 31 are expected, and 75 % of that is 23.25.
  it.each<{ actual: number; status: TargetStatus }>([
    { actual: 31, status: "on_track" },
    { actual: 30.99, status: "at_risk" },
    { actual: 23.25, status: "at_risk" },
    { actual: 23.24, status: "off_track" },
    { actual: 365, status: "achieved" },
  ])("exactly at the pro-rated boundaries: $actual of 365 by 31 January is $status", ({ actual, status }) => {
    expect((365 * days("2017-01-01", "2017-02-01")) / 365).toBe(31);
    const e = evaluatePeriod(target({ type: "at_least", value: 365, per: "year" }), [v("2017-01", actual)], "2017", ctx("2017-01-31", SUM));
    expect(e.status).toBe(status);
  });

  it.each<{ per: "quarter" | "month" | "tertial"; periodId: string; asOf: string; start: string; end: string }>([
    { per: "quarter", periodId: "2017-Q2", asOf: "2017-05-15", start: "2017-04-01", end: "2017-07-01" },
    { per: "month", periodId: "2017-03", asOf: "2017-03-10", start: "2017-03-01", end: "2017-04-01" },
    { per: "tertial", periodId: "2017-T3", asOf: "2017-10-31", start: "2017-09-01", end: "2018-01-01" },
  ])("pro-rates a $per target over its own days ($periodId on $asOf)", ({ per, periodId, asOf, start, end }) => {
    const e = evaluatePeriod(target({ type: "at_least", value: 10, per }), [v(asOf, 1)], periodId, ctx(asOf, SUM));
    expect(e.expected).toBeCloseTo(10 * share(start, end, asOf), 10);
    const nextDay = new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(e.explanation.params.daysLeft).toBe(days(nextDay, end));
  });
});

describe("at_most (lower is better)", () => {
  it.each<{ label: string; actual: number; status: TargetStatus; key: string }>([
    { label: "exactly at the limit", actual: 4, status: "achieved", key: "at_most.within" },
    { label: "one below", actual: 3, status: "achieved", key: "at_most.within" },
    { label: "one above", actual: 5, status: "off_track", key: "at_most.over" },
  ])("a mean indicator $label in a finished period ($actual against at most 4) is $status", ({ actual, status, key }) => {
    const series = [v("2016-03", actual), v("2016-09", actual)];
    const e = evaluatePeriod(target({ type: "at_most", value: 4, per: "year" }), series, "2016", ctx(PAST, MEAN_DOWN));
    expect(e).toMatchObject({
      status,
      actual,
      expected: 4,
      explanation: { key, params: { actual, limit: 4, unit: "weeks", period: "2016" } },
    });
  });

  it.each<{ actual: number; status: TargetStatus; key: string }>([
    { actual: 4, status: "on_track", key: "at_most.within" },
    { actual: 3, status: "on_track", key: "at_most.within" },
    { actual: 4 * AT_MOST_SLACK, status: "at_risk", key: "at_most.over_so_far" },
    { actual: 4.5, status: "at_risk", key: "at_most.over_so_far" },
    { actual: 5.01, status: "off_track", key: "at_most.over_so_far" },
    { actual: 6, status: "off_track", key: "at_most.over_so_far" },
  ])("a mean indicator at $actual so far this year against at most 4 is $status", ({ actual, status, key }) => {
    expect(4 * AT_MOST_SLACK).toBe(5);
    const e = evaluatePeriod(target({ type: "at_most", value: 4, per: "year" }), [v("2017-02", actual)], "2017", ctx(PAST, MEAN_DOWN));
    expect(e).toMatchObject({ status, explanation: { key } });
  });

  it.each<{ label: string; actual: number; status: TargetStatus; key: string }>([
    { label: "exactly at the limit", actual: 10, status: "achieved", key: "at_most.within" },
    { label: "one below", actual: 9, status: "achieved", key: "at_most.within" },
    { label: "one above", actual: 11, status: "off_track", key: "at_most.over" },
  ])("a sum indicator $label in a finished period ($actual against at most 10) is $status", ({ actual, status, key }) => {
    const series = [v("2016-01", actual - 2), v("2016-12", 2)];
    const e = evaluatePeriod(target({ type: "at_most", value: 10, per: "year" }), series, "2016", ctx(PAST, SUM));
    expect(e).toMatchObject({ status, actual, explanation: { key } });
  });

  // At the end of 1 July 182/365 of the year has passed; the pace projects actual × 365/182.
  it.each<{ actual: number; status: TargetStatus; key: string }>([
    { actual: 4, status: "on_track", key: "at_most.projected" },
    { actual: 6, status: "at_risk", key: "at_most.projected" },
    { actual: 10, status: "at_risk", key: "at_most.projected" },
    { actual: 11, status: "off_track", key: "at_most.over" },
  ])("a sum indicator at $actual by 1 July against at most 10 a year is $status", ({ actual, status, key }) => {
    const projected = (actual * 365) / 182;
    expect(projected > 10).toBe(status !== "on_track");
    const e = evaluatePeriod(target({ type: "at_most", value: 10, per: "year" }), [v("2017-05", actual)], "2017", ctx("2017-07-01", SUM));
    expect(e).toMatchObject({ status, explanation: { key } });
    if (key === "at_most.projected") expect(e.explanation.params.projected).toBe(Math.round(projected * 10) / 10);
  });

  it.each<{ actual: number; status: TargetStatus }>([
    { actual: 31, status: "on_track" },
    { actual: 31.01, status: "at_risk" },
  ])("a sum projected to exactly the limit is on track: $actual by 31 January against 365 a year is $status", ({ actual, status }) => {
    const e = evaluatePeriod(target({ type: "at_most", value: 365, per: "year" }), [v("2017-01", actual)], "2017", ctx("2017-01-31", SUM));
    expect(e.status).toBe(status);
  });
});

describe("between 6–10 over the plan period (a sum of yearly values)", () => {
  const spec = target({ type: "between", min: 6, max: 10 });
  const inProgress = "2016-12-31";
  const expected = 6 * share("2015-01-01", "2019-01-01", inProgress);

  it("defaults to the plan period", () => {
    expect(spec.per).toBe("plan_period");
    expect(days("2015-01-01", "2017-01-01")).toBe(731);
    expect(days("2015-01-01", "2019-01-01")).toBe(1461);
  });

  it.each<{ label: string; values: number[]; status: TargetStatus; key: string }>([
    { label: "ahead of the pro-rated minimum", values: [2, 2], status: "on_track", key: "between.in_progress" },
    { label: "just below the pro-rated minimum", values: [1, 2], status: "at_risk", key: "between.in_progress" },
    { label: "far below the pro-rated minimum", values: [1, 1], status: "off_track", key: "between.in_progress" },
    { label: "already within", values: [3, 3], status: "on_track", key: "between.within" },
    { label: "at the maximum", values: [5, 5], status: "on_track", key: "between.within" },
    { label: "already above the maximum", values: [6, 5], status: "off_track", key: "between.above" },
  ])("halfway through the plan, $label ($values) is $status", ({ values, status, key }) => {
    const total = values.reduce((a, b) => a + b, 0);
    if (key === "between.in_progress") {
      expect(total >= expected).toBe(status === "on_track");
      expect(total >= expected * AT_RISK_SHARE).toBe(status !== "off_track");
    }
    const series = [v("2015", values[0] ?? null), v("2016", values[1] ?? null)];
    const e = evaluateTarget(spec, series, ctx(inProgress, SUM));
    expect(e).toMatchObject({ status, period: PLAN_ID, latestAvailable: false, explanation: { key } });
    const p = e.periods[0];
    if (key === "between.in_progress") {
      expect(p?.expected).toBeCloseTo(expected, 10);
      expect(p?.explanation.params.daysLeft).toBe(days("2017-01-01", "2019-01-01"));
    }
  });

  it.each<{ label: string; total: number; status: TargetStatus; key: string }>([
    { label: "below the minimum", total: 5, status: "off_track", key: "between.below" },
    { label: "exactly the minimum", total: 6, status: "achieved", key: "between.within" },
    { label: "within", total: 8, status: "achieved", key: "between.within" },
    { label: "exactly the maximum", total: 10, status: "achieved", key: "between.within" },
    { label: "above the maximum", total: 11, status: "off_track", key: "between.above" },
  ])("after the plan, $label ($total) is $status", ({ total, status, key }) => {
    const series = [v("2015", total - 1), v("2018", 1), v("2019", 100)];
    const e = evaluateTarget(spec, series, ctx("2019-06-01", SUM));
    expect(e).toMatchObject({ status, period: PLAN_ID, explanation: { key, params: { actual: total, min: 6, max: 10 } } });
  });

  it("uses its own horizon when one is given", () => {
    const horizon = target({ type: "between", min: 200, max: 250, range: { start: "2015-01-01", end: "2029-12-31" } });
    const e = evaluateTarget(horizon, [v("2015", 20), v("2016", 20)], ctx("2016-12-31", SUM));
    expect(e.period).toBe("2015-01-01..2029-12-31");
    expect(e.periods[0]?.expected).toBeCloseTo(200 * share("2015-01-01", "2030-01-01", "2016-12-31"), 10);
  });
});

describe("growth_rate +5 % a year", () => {
  const spec = target({ type: "growth_rate", rate: 0.05 });

  it.each<{ label: string; series: SeriesValue[]; status: TargetStatus; key: string }>([
    { label: "exactly 5 %", series: [v("2015", 100), v("2016", 105)], status: "achieved", key: "growth.met" },
    { label: "4.9 %", series: [v("2015", 100), v("2016", 104.9)], status: "off_track", key: "growth.below" },
    { label: "5.1 %", series: [v("2015", 100), v("2016", 105.1)], status: "achieved", key: "growth.met" },
    { label: "negative growth", series: [v("2015", 100), v("2016", 90)], status: "off_track", key: "growth.below" },
    { label: "no figure for the previous year", series: [v("2016", 105)], status: "no_data", key: "growth.no_base" },
    { label: "the previous year suppressed", series: [v("2015", null, ":"), v("2016", 105)], status: "no_data", key: "growth.no_base" },
    { label: "the previous value 0", series: [v("2015", 0), v("2016", 5)], status: "no_data", key: "growth.no_base" },
    { label: "no figure for the year itself", series: [v("2015", 100)], status: "no_data", key: "target.no_data" },
    {
      label: "the year itself not yet available",
      series: [v("2015", 100), v("2016", null, "..")],
      status: "no_data",
      key: "target.no_data_status",
    },
  ])("in a finished year, $label is $status", ({ series, status, key }) => {
    const e = evaluatePeriod(spec, series, "2016", ctx(PAST, LAST));
    expect(e).toMatchObject({ status, explanation: { key } });
  });

  it("reports growth, the previous value and the expected value", () => {
    const e = evaluatePeriod(spec, [v("2015", 100), v("2016", 104.9)], "2016", ctx(PAST, LAST));
    expect(e.expected).toBeCloseTo(105, 10);
    expect(e.explanation.params).toMatchObject({ previous: 100, actual: 104.9, prevPeriod: "2015", period: "2016", ratePct: 0.05 });
    expect(e.explanation.params.growthPct).toBeCloseTo(0.049, 10);
  });

  it.each<{ label: string; series: SeriesValue[]; status: TargetStatus; key: string }>([
    { label: "not yet reported", series: [v("2016", 100)], status: "not_due", key: "growth.not_reported" },
    {
      label: "reported as not yet available",
      series: [v("2016", 100), v("2017", null, "..")],
      status: "not_due",
      key: "growth.not_reported",
    },
    { label: "reported at exactly 5 %", series: [v("2016", 100), v("2017", 105)], status: "on_track", key: "growth.met" },
    { label: "reported below 5 %", series: [v("2016", 100), v("2017", 104.9)], status: "at_risk", key: "growth.below" },
  ])("in the current year, $label is $status", ({ series, status, key }) => {
    expect(evaluatePeriod(spec, series, "2017", ctx(PAST, LAST))).toMatchObject({ status, explanation: { key } });
  });

  it.each<{ rate: number; previous: number; actual: number }>([
    { rate: 0.03, previous: 100, actual: 103 },
    { rate: 0.05, previous: 200, actual: 210 },
    { rate: 0.1, previous: 100, actual: 110 },
    { rate: 0.15, previous: 100, actual: 115 },
    { rate: 0.2, previous: 100, actual: 120 },
    { rate: 0.2, previous: 50, actual: 60 },
    { rate: 0.4, previous: 100, actual: 140 },
  ])("growth of exactly the target rate $rate ($previous → $actual) counts as met", ({ rate, previous, actual }) => {
    const e = evaluatePeriod(target({ type: "growth_rate", rate }), [v("2015", previous), v("2016", actual)], "2016", ctx(PAST, LAST));
    expect(e).toMatchObject({ status: "achieved", explanation: { key: "growth.met" } });
  });

  it.each<{ per: "quarter" | "school_year" | "month"; periodId: string; prevId: string }>([
    { per: "quarter", periodId: "2016-Q1", prevId: "2015-Q4" },
    { per: "school_year", periodId: "2016/17", prevId: "2015/16" },
    { per: "month", periodId: "2016-01", prevId: "2015-12" },
  ])("compares a $per with the one before it, across the year boundary ($prevId → $periodId)", ({ per, periodId, prevId }) => {
    const e = evaluatePeriod(
      target({ type: "growth_rate", rate: 0.05, per }),
      [v(prevId, 100), v(periodId, 106)],
      periodId,
      ctx("2018-06-01", LAST),
    );
    expect(e).toMatchObject({ status: "achieved", explanation: { key: "growth.met", params: { prevPeriod: prevId } } });
  });
});

describe("rank_at_most (lower is better)", () => {
  const spec = target({ type: "rank_at_most", value: 3 });

  it.each<{ label: string; rank: number; status: TargetStatus; key: string }>([
    { label: "exactly the target rank", rank: 3, status: "achieved", key: "rank.met" },
    { label: "one place better", rank: 2, status: "achieved", key: "rank.met" },
    { label: "one place worse", rank: 4, status: "off_track", key: "rank.below" },
    { label: "first place", rank: 1, status: "achieved", key: "rank.met" },
  ])("$label ($rank) against top 3 is $status", ({ rank, status, key }) => {
    const e = evaluatePeriod(spec, [v("2016", rank)], "2016", ctx(PAST, RANK));
    expect(e).toMatchObject({ status, actual: rank, expected: 3, explanation: { key, params: { rank, target: 3, period: "2016" } } });
  });

  it("takes a rank published for the current period as final", () => {
    expect(evaluatePeriod(spec, [v("2017", 4)], "2017", ctx(PAST, RANK)).status).toBe("off_track");
    expect(evaluatePeriod(spec, [v("2017", 3)], "2017", ctx(PAST, RANK)).status).toBe("achieved");
  });

  it("takes the last rank published inside the period", () => {
    expect(evaluatePeriod(spec, [v("2016-Q1", 5), v("2016-Q4", 2), v("2016-Q2", 6)], "2016", ctx(PAST, RANK)).status).toBe("achieved");
  });
});

describe("hold_level", () => {
  it.each<{ trend: string; ind: IndicatorInfo; actual: number; status: TargetStatus; key: string }>([
    { trend: "up", ind: LAST, actual: 100, status: "achieved", key: "hold.within_fixed" },
    { trend: "up", ind: LAST, actual: 95, status: "achieved", key: "hold.within_fixed" },
    { trend: "up", ind: LAST, actual: 94, status: "off_track", key: "hold.outside_fixed" },
    { trend: "up", ind: LAST, actual: 150, status: "achieved", key: "hold.within_fixed" },
    { trend: "down", ind: LAST_DOWN, actual: 105, status: "achieved", key: "hold.within_fixed" },
    { trend: "down", ind: LAST_DOWN, actual: 106, status: "off_track", key: "hold.outside_fixed" },
    { trend: "down", ind: LAST_DOWN, actual: 50, status: "achieved", key: "hold.within_fixed" },
    { trend: "down", ind: LAST_DOWN, actual: 94, status: "achieved", key: "hold.within_fixed" },
  ])("with preferred trend $trend, $actual against 100 ± 5 % in a finished year is $status ($key)", ({ ind, actual, status, key }) => {
    const e = evaluatePeriod(target({ type: "hold_level", baseline: 100 }), [v("2016", actual)], "2016", ctx(PAST, ind));
    expect(e).toMatchObject({ status, actual, expected: 100, explanation: { key } });
    expect(e.explanation.params.deviationPct).toBeCloseTo((actual - 100) / 100, 12);
    expect(e.explanation.params.tolerancePct).toBe(0.05);
  });

  it.each<{ actual: number; status: TargetStatus }>([
    { actual: 95, status: "on_track" },
    { actual: 94, status: "at_risk" },
  ])("in the current year $actual against 100 ± 5 % is $status", ({ actual, status }) => {
    expect(evaluatePeriod(target({ type: "hold_level", baseline: 100 }), [v("2017", actual)], "2017", ctx(PAST, LAST)).status).toBe(status);
  });

  it.each<{ actual: number; status: TargetStatus }>([
    { actual: 190, status: "achieved" },
    { actual: 189, status: "off_track" },
  ])("reads the baseline from the baseline period: $actual against 200 in 2014 is $status", ({ actual, status }) => {
    const e = evaluatePeriod(
      target({ type: "hold_level", baselinePeriod: "2014" }),
      [v("2014", 200), v("2016", actual)],
      "2016",
      ctx(PAST, LAST),
    );
    expect(e).toMatchObject({ status, expected: 200, explanation: { params: { baseline: 200, baselinePeriod: "2014" } } });
  });

  it.each<{ label: string; series: SeriesValue[] }>([
    { label: "missing", series: [v("2016", 100)] },
    { label: "not yet available", series: [v("2014", null, ".."), v("2016", 100)] },
  ])("has no data when the baseline period's figure is $label", ({ series }) => {
    const e = evaluatePeriod(target({ type: "hold_level", baselinePeriod: "2014" }), series, "2016", ctx(PAST, LAST));
    expect(e).toMatchObject({ status: "no_data", explanation: { key: "hold.no_baseline", params: { baselinePeriod: "2014" } } });
  });
});

describe("rising_trend (from the baseline year before the plan)", () => {
  const spec = target({ type: "rising_trend" });

  it.each<{ label: string; values: number[]; periodId: string; asOf: string; status: TargetStatus; key: string }>([
    {
      label: "rising, plan year in progress",
      values: [10, 11, 12],
      periodId: "2017",
      asOf: "2017-03-01",
      status: "on_track",
      key: "trend.rising",
    },
    { label: "rising, year finished", values: [10, 11, 12], periodId: "2016", asOf: "2017-03-01", status: "achieved", key: "trend.rising" },
    {
      label: "flat, plan year in progress",
      values: [10, 10, 10],
      periodId: "2017",
      asOf: "2017-03-01",
      status: "at_risk",
      key: "trend.flat",
    },
    { label: "flat, year finished", values: [10, 10, 10], periodId: "2016", asOf: "2017-03-01", status: "off_track", key: "trend.flat" },
    {
      label: "falling, plan year in progress",
      values: [12, 11, 10],
      periodId: "2017",
      asOf: "2017-03-01",
      status: "off_track",
      key: "trend.falling",
    },
    {
      label: "falling, year finished",
      values: [12, 11, 10],
      periodId: "2016",
      asOf: "2017-03-01",
      status: "off_track",
      key: "trend.falling",
    },
    // Two points: relative slope = (b − a) / ((a + b) / 2); 2/400 is exactly the flat band's edge.
    {
      label: "exactly +0.5 % (still flat)",
      values: [399, 401],
      periodId: "2015",
      asOf: "2016-03-01",
      status: "off_track",
      key: "trend.flat",
    },
    { label: "just above +0.5 %", values: [399, 402], periodId: "2015", asOf: "2016-03-01", status: "achieved", key: "trend.rising" },
    {
      label: "exactly −0.5 % (still flat)",
      values: [401, 399],
      periodId: "2015",
      asOf: "2016-03-01",
      status: "off_track",
      key: "trend.flat",
    },
    { label: "just below −0.5 %", values: [401, 398], periodId: "2015", asOf: "2016-03-01", status: "off_track", key: "trend.falling" },
  ])("$label ($values from 2014) is $status", ({ values, periodId, asOf, status, key }) => {
    const series = values.map((value, i) => v(String(2014 + i), value));
    const e = evaluatePeriod(spec, series, periodId, ctx(asOf, LAST));
    expect(e).toMatchObject({ status, explanation: { key, params: { firstPeriod: "2014", first: values[0] } } });
  });

  it.each<{ label: string; series: SeriesValue[]; count: number }>([
    { label: "one point", series: [v("2014", 10)], count: 1 },
    { label: "no points", series: [], count: 0 },
    { label: "only missing values", series: [v("2014", null, ".."), v("2015", null, "..")], count: 0 },
  ])("with $label has no data", ({ series, count }) => {
    const e = evaluatePeriod(spec, series, "2016", ctx(PAST, LAST));
    expect(e).toMatchObject({ status: "no_data", explanation: { key: "trend.too_few", params: { count, fromPeriod: "2014" } } });
  });

  it("ignores values after the period evaluated and before the baseline", () => {
    const series = [v("2013", 1000), v("2014", 10), v("2015", 11), v("2016", 1)];
    expect(evaluatePeriod(spec, series, "2015", ctx("2017-03-01", LAST))).toMatchObject({
      status: "achieved",
      explanation: { params: { count: 2, lastPeriod: "2015" } },
    });
  });

  it("starts from an explicit baseline period", () => {
    const e = evaluatePeriod(
      target({ type: "rising_trend", baselinePeriod: "2015" }),
      [v("2014", 100), v("2015", 10), v("2016", 12)],
      "2016",
      ctx(PAST, LAST),
    );
    expect(e).toMatchObject({ status: "achieved", explanation: { params: { firstPeriod: "2015", count: 2 } } });
  });
});

describe("missing data, for every per-period target type", () => {
  const specs: { type: string; spec: PeriodSpec; periodId: string; asOf: string }[] = [
    { type: "at_least", spec: target({ type: "at_least", value: 15, per: "year" }), periodId: "2016", asOf: PAST },
    { type: "at_most", spec: target({ type: "at_most", value: 15, per: "year" }), periodId: "2016", asOf: PAST },
    { type: "between", spec: target({ type: "between", min: 6, max: 10 }), periodId: PLAN_ID, asOf: "2019-06-01" },
    { type: "growth_rate", spec: target({ type: "growth_rate", rate: 0.05 }), periodId: "2016", asOf: PAST },
    { type: "rank_at_most", spec: target({ type: "rank_at_most", value: 3 }), periodId: "2016", asOf: PAST },
    { type: "hold_level", spec: target({ type: "hold_level", baseline: 100 }), periodId: "2016", asOf: PAST },
  ];

  it.each(specs)("$type with no values at all has no data", ({ spec, periodId, asOf }) => {
    const e = evaluatePeriod(spec, [], periodId, ctx(asOf, SUM));
    expect(e).toEqual({
      period: periodId,
      status: "no_data",
      explanation: { key: "target.no_data", params: { period: periodId } },
      actual: null,
      expected: null,
    });
  });

  it.each(specs)("$type with only a status-code value has no data and passes the status on", ({ spec, periodId, asOf }) => {
    const e = evaluatePeriod(spec, [v("2016", null, ":")], periodId, ctx(asOf, SUM));
    expect(e).toMatchObject({
      status: "no_data",
      explanation: { key: "target.no_data_status", params: { period: periodId, status: ":" } },
    });
  });

  it.each<{ label: string; agg: string; ind: IndicatorInfo; series: SeriesValue[] }>([
    { label: "no values", agg: "sum", ind: SUM, series: [] },
    { label: "only a status-code value", agg: "sum", ind: SUM, series: [v("2016", null, "..")] },
    { label: "no values", agg: "last", ind: LAST, series: [] },
    { label: "only a status-code value", agg: "last", ind: LAST, series: [v("2016", null, "..")] },
  ])("an indicator milestone ($agg) with $label has no data before its due date", ({ ind, series }) => {
    const e = evaluateMilestone(milestone({ indicator: "ind", due: "2017-12-31" }), series, ctx(PAST, ind));
    expect(e).toMatchObject({ status: "no_data", actual: null, explanation: { key: "milestone.no_data" } });
  });

  it.each<{ agg: string; ind: IndicatorInfo }>([
    { agg: "sum", ind: SUM },
    { agg: "last", ind: LAST },
  ])("an indicator milestone ($agg) with no values after its due date is unknown, not missed", ({ ind }) => {
    const e = evaluateMilestone(milestone({ indicator: "ind", due: "2016-12-31" }), [], ctx(PAST, ind));
    expect(e).toMatchObject({ status: "no_data", explanation: { key: "milestone.no_data_overdue" } });
  });

  it("an indicator milestone whose values stay below the threshold past the deadline is missed", () => {
    const e = evaluateMilestone(milestone({ indicator: "ind", due: "2016-12-31", threshold: 2 }), [v("2016-05", 1)], ctx(PAST, SUM));
    expect(e).toMatchObject({ status: "off_track", explanation: { key: "milestone.missed", params: { progressPct: 0.5 } } });
  });

  it("a milestone with neither indicator nor measure has no data", () => {
    expect(evaluateMilestone(milestone({ due: "2017-12-31" }), [], ctx(PAST)).status).toBe("no_data");
  });
});

describe("periods not yet begun", () => {
  it.each<{ type: string; spec: PeriodSpec }>([
    { type: "at_least", spec: target({ type: "at_least", value: 15, per: "year" }) },
    { type: "at_most", spec: target({ type: "at_most", value: 15, per: "year" }) },
    { type: "between", spec: target({ type: "between", min: 1, max: 2, per: "year" }) },
    { type: "growth_rate", spec: target({ type: "growth_rate", rate: 0.05 }) },
    { type: "rank_at_most", spec: target({ type: "rank_at_most", value: 3 }) },
    { type: "hold_level", spec: target({ type: "hold_level", baseline: 100 }) },
    { type: "rising_trend", spec: target({ type: "rising_trend" }) },
  ])("a future period of a $type target is not due, whatever the series says", ({ spec }) => {
    const series = [v("2014", 1), v("2016", 1), v("2018", 1)];
    expect(evaluatePeriod(spec, series, "2018", ctx("2017-12-31", SUM))).toEqual({
      period: "2018",
      status: "not_due",
      explanation: { key: "target.not_due", params: { period: "2018" } },
      actual: null,
      expected: null,
    });
  });

  it.each<{ type: string; spec: TargetSpec; period: string | null }>([
    { type: "at_least", spec: target({ type: "at_least", value: 15, per: "year" }), period: "2015" },
    { type: "rank_at_most", spec: target({ type: "rank_at_most", value: 3 }), period: "2015" },
    { type: "between", spec: target({ type: "between", min: 6, max: 10 }), period: PLAN_ID },
    { type: "rising_trend", spec: target({ type: "rising_trend" }), period: "2015" },
    { type: "hold_level", spec: target({ type: "hold_level", baseline: 1 }), period: "2015" },
    { type: "at_least per school year", spec: target({ type: "at_least", value: 15, per: "school_year" }), period: "2014/15" },
  ])("a $type target is not due before the plan starts", ({ spec, period }) => {
    const e = evaluateTarget(spec, [v("2014", 1), v("2013", 1)], ctx("2014-12-31", SUM));
    expect(e).toMatchObject({
      status: "not_due",
      period,
      latestAvailable: false,
      explanation: { key: "target.plan_not_started", params: { startDate: "2015-01-01" } },
    });
  });

  it("a milestone is not due before its window starts", () => {
    const e = evaluateMilestone(milestone({ indicator: "ind", due: "2016-06-30" }), [], ctx("2014-06-01", SUM));
    expect(e).toMatchObject({ status: "not_due", explanation: { key: "milestone.not_started" } });
  });
});

describe("milestones by the measure's status", () => {
  // Window: plan start 1 Jan 2015 to the due date 30 Jun 2016 inclusive.
  const due = "2016-06-30";
  const spec = milestone({ due });
  const measure = (m: Partial<MeasureInfo>): MeasureInfo => ({ status: "in_progress", progress: 0, completedOn: null, ...m });

  it.each<{
    label: string;
    m: Partial<MeasureInfo>;
    asOf: string;
    status: TargetStatus;
    key: string;
    params: Record<string, string | number>;
  }>([
    {
      label: "completed before the due date",
      m: { status: "completed", progress: 100, completedOn: "2016-05-01" },
      asOf: "2016-05-02",
      status: "achieved",
      key: "milestone.achieved",
      params: { dueDate: due, reachedDate: "2016-05-01" },
    },
    {
      label: "completed on the due date",
      m: { status: "completed", progress: 100, completedOn: due },
      asOf: "2017-01-01",
      status: "achieved",
      key: "milestone.achieved",
      params: { dueDate: due, reachedDate: due },
    },
    {
      label: "completed 10 days late",
      m: { status: "completed", progress: 100, completedOn: "2016-07-10" },
      asOf: "2017-01-01",
      status: "achieved",
      key: "milestone.achieved_late",
      params: { dueDate: due, reachedDate: "2016-07-10", daysLate: days(due, "2016-07-10") },
    },
    {
      label: "completed on an unknown date",
      m: { status: "completed", progress: 100 },
      asOf: "2017-01-01",
      status: "achieved",
      key: "milestone.achieved_undated",
      params: { dueDate: due },
    },
    {
      label: "cancelled",
      m: { status: "cancelled", progress: 40 },
      asOf: "2016-01-01",
      status: "off_track",
      key: "milestone.cancelled",
      params: { dueDate: due },
    },
    {
      label: "not completed after the due date",
      m: { status: "in_progress", progress: 30 },
      asOf: "2016-07-01",
      status: "off_track",
      key: "milestone.missed",
      params: { dueDate: due, progressPct: 0.3 },
    },
    {
      label: "delayed and not completed after the due date",
      m: { status: "delayed", progress: 90 },
      asOf: "2017-01-01",
      status: "off_track",
      key: "milestone.missed",
      params: { dueDate: due, progressPct: 0.9 },
    },
  ])("$label is $status", ({ m, asOf, status, key, params }) => {
    expect(days(due, "2016-07-10")).toBe(10);
    const e = evaluateMilestone(spec, [], ctx(asOf, undefined, measure(m)));
    expect(e).toMatchObject({ status, explanation: { key, params } });
  });

  // At the end of 31 Dec 2015, 365 of the window's 547 days have passed.
  const asOf = "2015-12-31";
  const expected = share("2015-01-01", "2016-07-01", asOf);

  it("counts the window independently: 365 of 547 days", () => {
    expect([days("2015-01-01", "2016-01-01"), days("2015-01-01", "2016-07-01")]).toEqual([365, 547]);
  });

  it.each<{ status0: MeasureInfo["status"]; progress: number; status: TargetStatus }>([
    { status0: "in_progress", progress: 70, status: "on_track" },
    { status0: "in_progress", progress: 60, status: "at_risk" },
    { status0: "in_progress", progress: 40, status: "off_track" },
    { status0: "planned", progress: 0, status: "off_track" },
    { status0: "delayed", progress: 90, status: "at_risk" },
    { status0: "delayed", progress: 60, status: "at_risk" },
    { status0: "delayed", progress: 10, status: "off_track" },
  ])("a $status0 measure at $progress % while the window is two thirds gone is $status", ({ status0, progress, status }) => {
    if (status0 !== "delayed") {
      expect(progress / 100 >= expected).toBe(status === "on_track");
      expect(progress / 100 >= expected * AT_RISK_SHARE).toBe(status !== "off_track");
    }
    const e = evaluateMilestone(spec, [], ctx(asOf, undefined, measure({ status: status0, progress })));
    expect(e.status).toBe(status);
    expect(e.period).toBe("2015-01-01..2016-06-30");
    expect(e.expected).toBeCloseTo(expected, 12);
    expect(e.explanation).toMatchObject({
      key: "milestone.in_progress",
      params: { progressPct: progress / 100, daysLeft: days("2016-01-01", "2016-07-01") },
    });
  });

  it("uses the measure's own start as the start of the window", () => {
    const e = evaluateMilestone(spec, [], ctx("2015-06-01", undefined, measure({ status: "planned", start: "2016-01-01" })));
    expect(e).toMatchObject({ status: "not_due", period: "2016-01-01..2016-06-30", explanation: { key: "milestone.not_started" } });
  });
});

describe("milestones by an indicator", () => {
  // Cumulative (sum): 1 + 1 + 1 reaches 3 at the end of February 2016 (a leap year).
  const counts = [v("2015-03", 1), v("2015-06", 1), v("2016-02", 1), v("2016-05", 1)];
  // Level (last): 60, then 70; summed they would pass 100.
  const levels = [v("2015", 60), v("2016", 70)];

  it.each<{
    label: string;
    series: SeriesValue[];
    ind: IndicatorInfo;
    threshold: number;
    due: string;
    asOf: string;
    status: TargetStatus;
    key: string;
    params: Record<string, string | number>;
  }>([
    {
      label: "a running sum reaching the threshold on time",
      series: counts,
      ind: SUM,
      threshold: 3,
      due: "2016-06-30",
      asOf: "2016-12-31",
      status: "achieved",
      key: "milestone.achieved",
      params: { reachedDate: "2016-02-29" },
    },
    {
      label: "a running sum reaching the threshold late",
      series: counts,
      ind: SUM,
      threshold: 3,
      due: "2016-01-31",
      asOf: "2016-12-31",
      status: "achieved",
      key: "milestone.achieved_late",
      params: { reachedDate: "2016-02-29", daysLate: days("2016-01-31", "2016-02-29") },
    },
    {
      label: "a running sum short of the threshold after the due date",
      series: counts,
      ind: SUM,
      threshold: 8,
      due: "2016-06-30",
      asOf: "2016-12-31",
      status: "off_track",
      key: "milestone.missed",
      params: { progressPct: 4 / 8 },
    },
    {
      label: "a level that never reaches the threshold, though its sum would",
      series: levels,
      ind: LAST,
      threshold: 100,
      due: "2016-12-31",
      asOf: "2017-06-01",
      status: "off_track",
      key: "milestone.missed",
      params: { progressPct: 0.7 },
    },
    {
      label: "the same values summed",
      series: levels,
      ind: SUM,
      threshold: 100,
      due: "2016-12-31",
      asOf: "2017-06-01",
      status: "achieved",
      key: "milestone.achieved",
      params: { reachedDate: "2016-12-31" },
    },
    {
      label: "a level reaching the threshold",
      series: [...levels, v("2017", 100)],
      ind: LAST,
      threshold: 100,
      due: "2017-12-31",
      asOf: "2018-01-01",
      status: "achieved",
      key: "milestone.achieved",
      params: { reachedDate: "2017-12-31" },
    },
    {
      label: "a value whose period has not ended yet",
      series: [...levels, v("2017", 100)],
      ind: LAST,
      threshold: 100,
      due: "2017-12-31",
      asOf: "2017-12-30",
      status: "off_track",
      key: "milestone.in_progress",
      params: { progressPct: 0.7 },
    },
  ])("$label is $status", ({ series, ind, threshold, due, asOf, status, key, params }) => {
    const e = evaluateMilestone(milestone({ indicator: "ind", due, threshold }), series, ctx(asOf, ind));
    expect(e).toMatchObject({ status, explanation: { key, params: { dueDate: due, ...params } } });
  });

  it("defaults the threshold to 1 (done / not done)", () => {
    const spec = milestone({ indicator: "ind", due: "2016-06-30" });
    expect(spec.threshold).toBe(1);
    expect(evaluateMilestone(spec, [v("2016-04-12", 1)], ctx("2016-05-01", LAST))).toMatchObject({
      status: "achieved",
      explanation: { params: { reachedDate: "2016-04-12" } },
    });
  });

  it("pro-rates progress towards the threshold over the window", () => {
    // Window 2015-01-01..2016-12-31 (731 days); at the end of 2015-12-31, 365/731 has passed.
    const expected = share("2015-01-01", "2017-01-01", "2015-12-31");
    const e = evaluateMilestone(
      milestone({ indicator: "ind", due: "2016-12-31", threshold: 10 }),
      [v("2015-06", 3)],
      ctx("2015-12-31", SUM),
    );
    expect(e.expected).toBeCloseTo(expected, 12);
    expect(e.actual).toBe(0.3);
    expect(e.status).toBe(0.3 >= expected * AT_RISK_SHARE ? "at_risk" : "off_track");
    expect(e.status).toBe("off_track");
  });
});

describe("a school-year target with values dated inside school years", () => {
  const spec = target({ type: "at_least", value: 20, per: "school_year" });
  const series = [
    v("2017-07-31", 50), // the school year before
    v("2017-09-15", 8),
    v("2018-03-01", 7),
    v("2018-07-31", 5),
    v("2018-08-01", 50), // the school year after
    v("2018", 50), // a calendar year only overlaps
  ];

  it.each<{ periodId: string; asOf: string; status: TargetStatus; actual: number | null }>([
    { periodId: "2017/18", asOf: "2018-09-01", status: "achieved", actual: 20 },
    { periodId: "2016/17", asOf: "2018-09-01", status: "achieved", actual: 50 },
    { periodId: "2018/19", asOf: "2018-09-01", status: "achieved", actual: 50 },
    { periodId: "2015/16", asOf: "2018-09-01", status: "no_data", actual: null },
  ])("sums the days of $periodId only ($actual)", ({ periodId, asOf, status, actual }) => {
    expect(evaluatePeriod(spec, series, periodId, ctx(asOf, SUM))).toMatchObject({ status, actual });
  });

  it("pro-rates from 1 August", () => {
    const e = evaluatePeriod(spec, [v("2017-09-15", 8)], "2017/18", ctx("2017-12-31", SUM));
    expect(e.expected).toBeCloseTo(20 * share("2017-08-01", "2018-08-01", "2017-12-31"), 10);
  });

  it("evaluates the five school years touching the plan, headline on the one containing asOf", () => {
    const e = evaluateTarget(spec, series, ctx("2018-01-15", SUM));
    expect(e.periods.filter((p) => !p.baseline).map((p) => p.period)).toEqual(["2014/15", "2015/16", "2016/17", "2017/18", "2018/19"]);
    expect(e.period).toBe("2017/18");
    expect(e.latestAvailable).toBe(false);
  });
});

describe("evaluateTarget: the headline", () => {
  it("is the current period while the plan runs", () => {
    const spec = target({ type: "at_least", value: 15, per: "year" });
    const series = [v("2016", 16), v("2017-03", 6), v("2017-10", 6)];
    const e = evaluateTarget(spec, series, ctx("2017-11-26", SUM));
    expect(e).toMatchObject({
      status: "at_risk",
      period: "2017",
      latestAvailable: false,
      explanation: { key: "at_least.in_progress", params: { actual: 12 } },
    });
    expect(e.periods.map((p) => [p.period, p.status])).toEqual([
      ["2015", "no_data"],
      ["2016", "achieved"],
      ["2017", "at_risk"],
      ["2018", "not_due"],
    ]);
  });

  it("is the last plan period once the plan has ended", () => {
    const spec = target({ type: "at_least", value: 15, per: "year" });
    const series = [v("2015", 10), v("2016", 16), v("2017", 17), v("2018", 14), v("2019", 40)];
    const e = evaluateTarget(spec, series, ctx("2020-03-01", SUM));
    expect(e).toMatchObject({ status: "off_track", period: "2018", latestAvailable: false, explanation: { key: "at_least.missed" } });
  });

  it("falls back to the baseline year before the plan when nothing newer is published", () => {
    const spec = target({ type: "rank_at_most", value: 3 });
    const e = evaluateTarget(spec, [v("2014", 2)], ctx("2026-11-26", RANK));
    expect(e.status).toBe("achieved");
    expect(e.latestAvailable).toBe(true);
    expect(e.period).toBe("2014");
    expect(e.explanation.key).toBe("rank.met");
    expect(e.explanation.params.latestFor).toBe("2018");
    expect(e.periods[0]).toMatchObject({ period: "2014", status: "achieved", baseline: true });
    expect(e.periods.map((p) => p.period)).toEqual(["2014", "2015", "2016", "2017", "2018"]);
  });

  it("falls back to the latest plan year with data when the current one lags", () => {
    const spec = target({ type: "rank_at_most", value: 3 });
    const e = evaluateTarget(spec, [v("2014", 5), v("2015", 4), v("2016", 3)], ctx("2017-06-01", RANK));
    expect(e).toMatchObject({ status: "achieved", period: "2016", latestAvailable: true, explanation: { params: { latestFor: "2017" } } });
  });

  it("falls back when this year's growth is not yet reported", () => {
    const spec = target({ type: "growth_rate", rate: 0.05 });
    const e = evaluateTarget(spec, [v("2015", 100), v("2016", 104)], ctx("2017-06-01", LAST));
    expect(e).toMatchObject({
      status: "off_track",
      period: "2016",
      latestAvailable: true,
      explanation: { key: "growth.below", params: { latestFor: "2017" } },
    });
  });

  it("does not fall back to a period after the headline period", () => {
    const spec = target({ type: "rank_at_most", value: 3 });
    const e = evaluateTarget(spec, [v("2018", 1)], ctx("2017-06-01", RANK));
    expect(e).toMatchObject({ status: "no_data", period: "2017", latestAvailable: false });
  });

  it("stays without data when no period has any", () => {
    const spec = target({ type: "rank_at_most", value: 3 });
    const e = evaluateTarget(spec, [], ctx("2026-11-26", RANK));
    expect(e).toMatchObject({ status: "no_data", period: "2018", latestAvailable: false, explanation: { key: "target.no_data" } });
    expect(e.periods.some((p) => p.baseline)).toBe(false);
  });

  it("gives a milestone's own evaluation as the headline", () => {
    const e = evaluateTarget(
      milestone({ due: "2016-06-30" }),
      [],
      ctx("2017-01-01", undefined, { status: "completed", progress: 100, completedOn: "2016-01-01" }),
    );
    expect(e).toMatchObject({ status: "achieved", period: "2015-01-01..2016-06-30", latestAvailable: false });
    expect(e.periods).toHaveLength(1);
  });
});

describe("running totals inside the current period", () => {
  it("growth of a flow under way is compared with the pro-rated share of the year's target", () => {
    const growth = target({ type: "growth_rate", rate: 0.05 });
    const asOf = "2017-06-30";
    const expected = 100 * 1.05 * share("2017-01-01", "2018-01-01", asOf);
    const ahead = evaluatePeriod(growth, [v("2016", 100), v("2017-03", Math.ceil(expected))], "2017", ctx(asOf, SUM));
    expect(ahead).toMatchObject({ status: "on_track", explanation: { key: "growth.in_progress" } });
    expect(ahead.expected).toBeCloseTo(expected, 6);
    const behind = evaluatePeriod(growth, [v("2016", 100), v("2017-03", Math.floor(expected) - 1)], "2017", ctx(asOf, SUM));
    expect(behind.status).toBe("at_risk");
  });

  it("a rising trend of a flow leaves out the period still under way", () => {
    const trend = target({ type: "rising_trend", baselinePeriod: "2014" });
    // Whole years rise; the running total for 2017 is small only because the year is young.
    const series = [v("2014", 10), v("2015", 12), v("2016", 14), v("2017-02", 2)];
    const e = evaluatePeriod(trend, series, "2017", ctx("2017-02-20", SUM));
    expect(e.status).toBe("on_track");
    expect(e.explanation.params).toMatchObject({ lastPeriod: "2016", count: 3 });
  });
});

describe("milestones on a measure nobody has reported on", () => {
  it("before the deadline: no data rather than off track", () => {
    const e = evaluateMilestone(
      milestone({ due: "2016-12-31" }),
      [],
      ctx("2016-03-01", undefined, { status: "planned", progress: 0, completedOn: null, updates: 0 }),
    );
    expect(e).toMatchObject({ status: "no_data", explanation: { key: "milestone.no_updates" } });
  });

  it("after the deadline: still unknown, and said so", () => {
    const e = evaluateMilestone(
      milestone({ due: "2016-12-31" }),
      [],
      ctx("2017-03-01", undefined, { status: "planned", progress: 0, completedOn: null, updates: 0 }),
    );
    expect(e).toMatchObject({ status: "no_data", explanation: { key: "milestone.no_updates_overdue" } });
  });

  it("after the deadline, reported on but not completed: missed", () => {
    const e = evaluateMilestone(
      milestone({ due: "2016-12-31" }),
      [],
      ctx("2017-03-01", undefined, { status: "in_progress", progress: 70, completedOn: null, updates: 2 }),
    );
    expect(e.status).toBe("off_track");
  });

  it("a measure period starting after the deadline does not break the evaluation", () => {
    const e = evaluateMilestone(
      milestone({ due: "2016-12-31" }),
      [],
      ctx("2016-03-01", undefined, { status: "in_progress", progress: 50, completedOn: null, start: "2017-01-01", updates: 1 }),
    );
    expect(["on_track", "at_risk", "off_track", "not_due"]).toContain(e.status);
  });
});
