import { describe, expect, it } from "vitest";
import { latestValue } from "./latest.js";
import { referenceFor, seriesPeriodKind } from "./reference.js";
import { parseLocaleNumber, validateValue, valueBody } from "./validate.js";

const target = (spec: Record<string, unknown>) => ({ key: "k", text: "t", spec });

describe("targets drawn on an indicator's chart", () => {
  it("draws a yearly at-least target as a line against yearly values", () => {
    expect(referenceFor(target({ type: "at_least", value: 15, per: "year" }), "year", "sum", "mål")).toEqual({
      from: 15,
      to: 15,
      label: "mål",
    });
  });

  it("does not draw a yearly flow target against monthly values", () => {
    expect(referenceFor(target({ type: "at_least", value: 15, per: "year" }), "month", "sum", "mål")).toBeNull();
  });

  it("draws a level target whatever the periods", () => {
    expect(referenceFor(target({ type: "rank_at_most", value: 3 }), null, "last", "mål")).toEqual({ from: 3, to: 3, label: "mål" });
  });

  it("draws a between target as a band unless it is cumulative over the plan", () => {
    expect(referenceFor(target({ type: "between", min: 6, max: 10, per: "year" }), "year", "sum", "b")).toEqual({
      from: 6,
      to: 10,
      label: "b",
    });
    expect(referenceFor(target({ type: "between", min: 6, max: 10, per: "plan_period" }), "year", "sum", "b")).toBeNull();
  });

  it("draws hold-level as a band on the bad side of the baseline", () => {
    expect(referenceFor(target({ type: "hold_level", baseline: 100, tolerance: 0.05 }), "year", "last", "h")).toEqual({
      from: 95,
      to: 100,
      label: "h",
    });
    expect(referenceFor(target({ type: "hold_level", baseline: 100, tolerance: 0.1 }), "year", "last", "h", undefined, "down")).toEqual({
      from: 100,
      to: 110.00000000000001,
      label: "h",
    });
  });

  it("does not draw trends, growth rates or milestones", () => {
    for (const type of ["rising_trend", "growth_rate", "milestone"]) expect(referenceFor(target({ type }), "year", "last", "x")).toBeNull();
  });

  it("knows the period kind of a series", () => {
    expect(seriesPeriodKind(["2015", "2016"])).toBe("year");
    expect(seriesPeriodKind(["2015", "2016-03"])).toBeNull();
  });
});

describe("latest value", () => {
  const v = (period: string, value: number | null, status: string | null = null) => ({
    period,
    value,
    status,
    source: "s",
    table: null,
    periodApproximate: false,
  });
  it("is the latest period with a number", () => {
    expect(latestValue([v("2016", 5), v("2017", null, ".."), v("2015", 3)])?.period).toBe("2016");
  });
  it("falls back to the latest status code when there are no numbers", () => {
    expect(latestValue([v("2017", null, ":")])?.status).toBe(":");
    expect(latestValue([])).toBeUndefined();
  });
});

describe("recording a value", () => {
  const draft = { period: "2026", mode: "value" as const, value: "1 234,5", status: "", source: "Logg", table: "", note: "" };

  it("reads numbers written the Norwegian or the English way", () => {
    expect(parseLocaleNumber("1 234,5")).toBe(1234.5);
    expect(parseLocaleNumber("1\u00a0234,5")).toBe(1234.5);
    expect(parseLocaleNumber("12.5")).toBe(12.5);
    expect(parseLocaleNumber("−3")).toBe(-3);
    expect(parseLocaleNumber("12 besøk")).toBeNull();
    expect(parseLocaleNumber("")).toBeNull();
  });

  it("accepts a complete draft and builds the request body", () => {
    expect(validateValue(draft)).toEqual({});
    expect(valueBody(draft, "3201")).toEqual({ areaCode: "3201", period: "2026", value: 1234.5, source: "Logg" });
  });

  it("names the fields that are wrong", () => {
    expect(validateValue({ ...draft, period: "2026-13", value: "x", source: " " })).toEqual({
      period: "valueForm.errors.periodInvalid",
      value: "valueForm.errors.valueInvalid",
      source: "valueForm.errors.sourceRequired",
    });
    expect(validateValue({ ...draft, period: "2015-01-01..2018-12-31" }).period).toBe("valueForm.errors.periodInvalid");
  });

  it("needs a status code for a missing value and sends null", () => {
    expect(validateValue({ ...draft, mode: "missing", value: "" })).toEqual({ status: "valueForm.errors.statusRequired" });
    expect(valueBody({ ...draft, mode: "missing", status: ".." }, "3201")).toMatchObject({ value: null, status: ".." });
  });
});
