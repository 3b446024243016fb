import { describe, expect, it } from "vitest";
import {
  comparePeriods,
  formatDate,
  formatDateTime,
  formatIndicatorValue,
  formatNumber,
  formatPercent,
  periodMidpoint,
  shortPeriodLabel,
  toLocale,
  unitText,
} from "./format.js";

// "~" marks a no-break space (U+00A0): Intl uses it as the nb-NO group separator and before "%",
// and the app puts one between a number and its unit.
const nb = (s: string) => s.replace(/~/g, "\u00a0");

describe("nb-NO formatting", () => {
  it("formats numbers with a space as group separator and a decimal comma", () => {
    expect(formatNumber(1234.5)).toBe(nb("1~234,5"));
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
  });

  it("formats dates as dd.mm.yyyy in bokmål", () => {
    expect(formatDate("2026-11-26")).toBe("26.11.2026");
    expect(formatDate("2026-11-26", "en")).toBe("26 Nov 2026");
  });

  it("formats percentages given in percent units with a space before the sign", () => {
    expect(formatPercent(12.5)).toBe(nb("12,5~%"));
    expect(formatPercent(12.5, "en")).toBe("12.5%");
  });

  it("formats a timestamp in Norwegian time", () => {
    expect(formatDateTime("2026-11-26T07:15:00Z")).toBe("26.11.2026 kl. 08:15");
    expect(formatDateTime("2026-07-01T07:15:00Z", "en")).toBe("1 Jul 2026, 09:15");
  });

  it("maps a language tag to a locale", () => {
    expect(toLocale("en-GB")).toBe("en");
    expect(toLocale("nb")).toBe("nb");
    expect(toLocale(undefined)).toBe("nb");
  });
});

describe("formatIndicatorValue", () => {
  it.each<[number, { format: string; unit: string }, string, string]>([
    [38.8, { format: "percent", unit: "percent" }, "38,8~%", "38.8%"],
    [12.5, { format: "decimal", unit: "percent" }, "12,5~%", "12.5%"],
    [85000, { format: "decimal", unit: "nok_million" }, "85~000~mill. kr", "85,000~NOK million"],
    [2, { format: "rank", unit: "rank" }, "2.~plass", "rank~2"],
    [12, { format: "integer", unit: "visits" }, "12~besøk", "12~visits"],
    [41, { format: "integer", unit: "count" }, "41", "41"],
    [68166, { format: "currency", unit: "nok" }, "68~166~kr", "68,166~NOK"],
    [83000, { format: "integer", unit: "vehicles_per_day" }, "83~000~kjøretøy per døgn", "83,000~vehicles per day"],
  ])("formats %d (%j) as %s / %s", (value, info, nbText, enText) => {
    expect(formatIndicatorValue(value, info, "nb")).toBe(nb(nbText));
    expect(formatIndicatorValue(value, info, "en")).toBe(nb(enText));
  });

  it("can leave out the unit (chart labels)", () => {
    expect(formatIndicatorValue(12, { format: "integer", unit: "visits" }, "nb", false)).toBe("12");
  });

  it("never shows a raw unit code with underscores", () => {
    expect(unitText("some_new_unit", "nb")).toBe("some new unit");
  });
});

describe("period labels for charts", () => {
  it.each<[string, string, string]>([
    ["2017", "2017", "2017"],
    ["2017/18", "2017/18", "2017/18"],
    ["2017-T2", "T2 2017", "T2 2017"],
    ["2017-Q3", "K3 2017", "Q3 2017"],
    ["2015-01-01..2018-12-31", "2015–2018", "2015–2018"],
  ])("labels %s as %s (nb) and %s (en)", (id, nbText, enText) => {
    expect(shortPeriodLabel(id, "nb")).toBe(nbText);
    expect(shortPeriodLabel(id, "en")).toBe(enText);
  });

  it("labels months by their short name", () => {
    expect(shortPeriodLabel("2017-03", "nb")).toMatch(/^mar\.? 2017$/);
    expect(shortPeriodLabel("2017-03", "en")).toBe("Mar 2017");
  });

  it("leaves unknown ids alone", () => {
    expect(shortPeriodLabel("x", "nb")).toBe("x");
  });

  it("orders periods by start, shorter first", () => {
    expect(["2018", "2017-03", "2017", "2016/17"].sort(comparePeriods)).toEqual(["2016/17", "2017", "2017-03", "2018"]);
  });

  it("places a period at its middle", () => {
    const mid = periodMidpoint("2017") ?? 0;
    expect(new Date(mid).toISOString().slice(0, 10)).toBe("2017-07-02");
    expect(periodMidpoint("nope")).toBeNull();
  });
});
