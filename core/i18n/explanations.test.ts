import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDate, formatFractionAsPercent, formatNumber, LOCALES, type Locale } from "../format.js";
import type { SeriesValue } from "../indicators.js";
import type { DateRange } from "../periods.js";
import {
  type EvaluationContext,
  type Explanation,
  evaluateMilestone,
  evaluatePeriod,
  evaluateTarget,
  type IndicatorInfo,
  type MeasureInfo,
} from "../targets/evaluate.js";
import { milestone, TEST_PLAN, target } from "../targets/testing.js";
import { EXPLANATION_MESSAGES, formatDuration, periodLabel, renderExplanation } from "./explanations.js";
import { UNIT_LABELS, unitLabel } from "./units.js";

// ---------------------------------------------------------------------------------------------
// Helpers

const PLAN: DateRange = TEST_PLAN;
const NBSP = "\u00a0";

const VISITS: IndicatorInfo = { aggregation: "sum", unit: "visits", preferredTrend: "up" };
const WEEKS: IndicatorInfo = { aggregation: "mean", unit: "weeks", preferredTrend: "down" };
const COMPANIES: IndicatorInfo = { aggregation: "last", unit: "companies", preferredTrend: "up" };
const PLAIN: IndicatorInfo = { aggregation: "last", unit: "count", preferredTrend: "up" };
const RANK: IndicatorInfo = { aggregation: "last", unit: "rank", preferredTrend: "down" };

const ctx = (asOf: string, indicator?: IndicatorInfo, measure?: MeasureInfo): EvaluationContext => ({
  asOf,
  plan: PLAN,
  indicator,
  measure,
});
const v = (period: string, value: number | null, status?: string): SeriesValue => (status ? { period, value, status } : { period, value });
const measure = (m: Partial<MeasureInfo>): MeasureInfo => ({ status: "in_progress", progress: 0, completedOn: null, ...m });

const render = (e: Explanation) => ({ nb: renderExplanation(e, "nb"), en: renderExplanation(e, "en") });

// ---------------------------------------------------------------------------------------------

describe("formatting numbers, percentages and dates", () => {
  it.each<[number, Locale, string]>([
    [1234.5, "nb", `1${NBSP}234,5`],
    [1234.5, "en", "1,234.5"],
    [1234567, "nb", `1${NBSP}234${NBSP}567`],
    [12, "nb", "12"],
    [7.45, "nb", "7,5"],
    [0.25, "en", "0.3"],
    [1000, "nb", `1${NBSP}000`],
  ])("formats %d in %s as %j", (value, locale, text) => {
    expect(formatNumber(value, locale)).toBe(text);
  });

  it("keeps as many decimals as asked for", () => {
    expect(formatNumber(1.23456, "nb", 3)).toBe("1,235");
    expect(formatNumber(2.5, "nb", 0)).toBe("3");
  });

  it.each<[number, Locale, string]>([
    [0.125, "nb", `12,5${NBSP}%`],
    [0.125, "en", "12.5%"],
    [0.05, "nb", `5${NBSP}%`],
    [1, "nb", `100${NBSP}%`],
    [0.049, "nb", `4,9${NBSP}%`],
    [0.75, "en", "75%"],
  ])("formats the fraction %d in %s as %j", (value, locale, text) => {
    expect(formatFractionAsPercent(value, locale)).toBe(text);
  });

  it.each<[string, Locale, string]>([
    ["2016-12-31", "nb", "31.12.2016"],
    ["2026-11-26", "nb", "26.11.2026"],
    ["2017-03-05", "nb", "05.03.2017"],
    ["2016-12-31", "en", "31 Dec 2016"],
    ["2017-03-05", "en", "5 Mar 2017"],
  ])("formats the date %s in %s as %j", (date, locale, text) => {
    expect(formatDate(date, locale)).toBe(text);
  });
});

describe("periodLabel", () => {
  it.each<[string, string, string]>([
    ["2017", "2017", "2017"],
    ["2017/18", "skoleåret 2017/18", "school year 2017/18"],
    ["2017-T1", "1. tertial 2017", "T1 2017"],
    ["2017-T3", "3. tertial 2017", "T3 2017"],
    ["2017-Q1", "1. kvartal 2017", "Q1 2017"],
    ["2017-Q4", "4. kvartal 2017", "Q4 2017"],
    ["2017-03", "mars 2017", "March 2017"],
    ["2017-12", "desember 2017", "December 2017"],
    ["2017-01", "januar 2017", "January 2017"],
    ["2017-03-15", "15.03.2017", "15 Mar 2017"],
    ["2015-01-01..2018-12-31", "planperioden 2015–2018", "the plan period 2015–2018"],
    ["not-a-period", "not-a-period", "not-a-period"],
  ])("labels %s as %j in bokmål and %j in English", (id, nb, en) => {
    expect(periodLabel(id, "nb")).toBe(nb);
    expect(periodLabel(id, "en")).toBe(en);
  });
});

describe("formatDuration", () => {
  it.each<[number, string, string]>([
    [0, "0 dager", "0 days"],
    [1, "1 dag", "1 day"],
    [2, "2 dager", "2 days"],
    [13, "13 dager", "13 days"],
    [14, "2 uker", "2 weeks"],
    [35, "5 uker", "5 weeks"],
    [69, "10 uker", "10 weeks"],
    [70, "2 måneder", "2 months"],
    [212, "7 måneder", "7 months"],
    [365, "12 måneder", "12 months"],
  ])("writes %i days as %j and %j", (n, nb, en) => {
    expect(formatDuration(n, "nb")).toBe(nb);
    expect(formatDuration(n, "en")).toBe(en);
  });
});

describe("units", () => {
  it.each(Object.keys(UNIT_LABELS))("has a label for %s in both languages", (unit) => {
    expect(typeof UNIT_LABELS[unit]?.nb).toBe("string");
    expect(typeof UNIT_LABELS[unit]?.en).toBe("string");
  });

  it("passes an unknown unit code through", () => {
    expect(unitLabel("furlongs", "nb")).toBe("furlongs");
  });
});

describe("rendered explanations", () => {
  it.each<{ label: string; explanation: () => Explanation; nb: string; en: string }>([
    {
      label: "12 of 15 visits on 26 November",
      explanation: () =>
        evaluatePeriod(
          target({ type: "at_least", value: 15, per: "year" }),
          [v("2017-03", 5), v("2017-10", 7)],
          "2017",
          ctx("2017-11-26", VISITS),
        ).explanation,
      nb: "12 av 15 besøk i 2017; 3 gjenstår, 5 uker igjen av året.",
      en: "12 of 15 visits in 2017; 3 to go, 5 weeks left of the year.",
    },
    {
      label: "a school year in progress",
      explanation: () =>
        evaluatePeriod(
          target({ type: "at_least", value: 20, per: "school_year" }),
          [v("2017-09-15", 8)],
          "2017/18",
          ctx("2017-12-31", VISITS),
        ).explanation,
      nb: "8 av 20 besøk i skoleåret 2017/18; 12 gjenstår, 7 måneder igjen av skoleåret.",
      en: "8 of 20 visits in school year 2017/18; 12 to go, 7 months left of the school year.",
    },
    {
      label: "a target missed by a large number",
      explanation: () =>
        evaluatePeriod(target({ type: "at_least", value: 2500, per: "year" }), [v("2016", 1265.5)], "2016", ctx("2017-06-01", VISITS))
          .explanation,
      nb: `1${NBSP}265,5 av 2${NBSP}500 besøk i 2016; 1${NBSP}234,5 for lite.`,
      en: "1,265.5 of 2,500 visits in 2016; 1,234.5 short.",
    },
    {
      label: "a unit without a label",
      explanation: () =>
        evaluatePeriod(target({ type: "at_most", value: 4, per: "year" }), [v("2016", 3)], "2016", ctx("2017-06-01", PLAIN)).explanation,
      nb: "3 i 2016; grensen er 4.",
      en: "3 in 2016; the limit is 4.",
    },
    {
      label: "growth below the target",
      explanation: () =>
        evaluatePeriod(
          target({ type: "growth_rate", rate: 0.05 }),
          [v("2015", 100), v("2016", 104.9)],
          "2016",
          ctx("2017-06-01", COMPANIES),
        ).explanation,
      nb: `Vekst 4,9${NBSP}% fra 2015 til 2016 (100 → 104,9 bedrifter); målet er minst 5${NBSP}%.`,
      en: "Growth 4.9% from 2015 to 2016 (100 → 104.9 companies); the target is at least 5%.",
    },
    {
      label: "a milestone reached late",
      explanation: () =>
        evaluateMilestone(
          milestone({ due: "2016-06-30" }),
          [],
          ctx("2017-01-01", undefined, measure({ status: "completed", completedOn: "2016-07-10" })),
        ).explanation,
      nb: "Nådd 10.07.2016, 10 dager etter fristen 30.06.2016.",
      en: "Reached 10 Jul 2016, 10 days after the deadline 30 Jun 2016.",
    },
    {
      label: "a missing value with a status code",
      explanation: () =>
        evaluatePeriod(target({ type: "rank_at_most", value: 3 }), [v("2016", null, ":")], "2016", ctx("2017-06-01", RANK)).explanation,
      nb: "Ingen tall for 2016 (skjermet).",
      en: "No figures for 2016 (suppressed).",
    },
    {
      label: "a headline falling back to the baseline year",
      explanation: () => evaluateTarget(target({ type: "rank_at_most", value: 3 }), [v("2014", 2)], ctx("2026-11-26", RANK)).explanation,
      nb: "2. plass i 2014; målet er blant de 3 beste. Siste tilgjengelige tall (ingen for 2018 ennå).",
      en: "Ranked 2 in 2014; the target is top 3. Latest available figures (none for 2018 yet).",
    },
    {
      label: "a plan not yet started",
      explanation: () => evaluateTarget(target({ type: "at_least", value: 1, per: "year" }), [], ctx("2014-06-01", VISITS)).explanation,
      nb: "Planperioden starter 01.01.2015.",
      en: "The plan period starts 1 Jan 2015.",
    },
    {
      label: "a quarter not yet begun",
      explanation: () =>
        evaluatePeriod(target({ type: "at_least", value: 1, per: "quarter" }), [], "2017-Q3", ctx("2017-06-01", VISITS)).explanation,
      nb: "Perioden 3. kvartal 2017 har ikke begynt.",
      en: "Period Q3 2017 has not started.",
    },
    {
      label: "a hold-level target with a baseline period",
      explanation: () =>
        evaluatePeriod(
          target({ type: "hold_level", baselinePeriod: "2014" }),
          [v("2014", 200), v("2016", 180)],
          "2016",
          ctx("2017-06-01", COMPANIES),
        ).explanation,
      nb: `180 bedrifter i 2016 mot 200 i 2014; avvik −10${NBSP}%, tillatt 5${NBSP}%.`,
      en: "180 companies in 2016 against 200 in 2014; deviation -10%, allowed 5%.",
    },
    {
      label: "a hold-level target with a fixed baseline",
      explanation: () =>
        evaluatePeriod(target({ type: "hold_level", baseline: 100 }), [v("2016", 97)], "2016", ctx("2017-06-01", COMPANIES)).explanation,
      nb: `97 bedrifter i 2016 mot grunnlaget på 100; innenfor tillatt avvik på 5${NBSP}%.`,
      en: "97 companies in 2016 against the baseline of 100; within the allowed deviation of 5%.",
    },
    {
      label: "a milestone in progress",
      explanation: () =>
        evaluateMilestone(milestone({ due: "2016-06-30" }), [], ctx("2015-12-31", undefined, measure({ progress: 40 }))).explanation,
      nb: `Fremdrift 40${NBSP}%, forventet 66,7${NBSP}% nå; frist 30.06.2016 (6 måneder igjen).`,
      en: "Progress 40%, 66.7% expected by now; deadline 30 Jun 2016 (6 months left).",
    },
  ])("renders $label in bokmål and English", ({ explanation, nb, en }) => {
    expect(render(explanation())).toEqual({ nb, en });
  });

  it.each<[string, string, string]>([
    ["..", "ikke tilgjengelig ennå", "not yet available"],
    ["...", "ikke publisert", "not published"],
    [":", "skjermet", "suppressed"],
    ["-", "ingenting å rapportere", "nothing to report"],
    ["x", "x", "x"],
  ])("spells out the status code %j", (status, nb, en) => {
    const e: Explanation = { key: "target.no_data_status", params: { period: "2016", status } };
    expect(render(e)).toEqual({ nb: `Ingen tall for 2016 (${nb}).`, en: `No figures for 2016 (${en}).` });
  });

  it("falls back to the key for an unknown message", () => {
    expect(renderExplanation({ key: "no.such.key", params: {} }, "nb")).toBe("no.such.key");
  });
});

// ---------------------------------------------------------------------------------------------
// Catalogue completeness

// The rules live in these files; every expl("…") key they use must be in both catalogues.
const evaluateSource = ["evaluate.ts", "evaluation-types.ts", "period-rules.ts", "milestone.ts"]
  .map((f) => readFileSync(fileURLToPath(new URL(`../targets/${f}`, import.meta.url)), "utf8"))
  .join("\n");
const usedKeys = [...new Set([...evaluateSource.matchAll(/\bexpl\(\s*"([^"]+)"/g)].map((m) => m[1] as string))].sort();
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalogues", () => {
  it("find the message keys in evaluate.ts", () => {
    expect(usedKeys.length).toBeGreaterThan(30);
    expect(usedKeys).toContain("at_least.in_progress");
    expect(usedKeys).toContain("target.no_data_status");
  });

  it.each(usedKeys)("has %s in both bokmål and English", (key) => {
    expect(EXPLANATION_MESSAGES.nb[key]).toBeTypeOf("string");
    expect(EXPLANATION_MESSAGES.en[key]).toBeTypeOf("string");
  });

  it("have the same keys in both languages, all used by evaluate.ts or the renderer", () => {
    const nb = Object.keys(EXPLANATION_MESSAGES.nb).sort();
    expect(Object.keys(EXPLANATION_MESSAGES.en).sort()).toEqual(nb);
    expect(nb).toEqual([...usedKeys, "latest"].sort());
  });

  it.each(Object.keys(EXPLANATION_MESSAGES.nb))("uses the same placeholders in both languages for %s", (key) => {
    expect(placeholders(EXPLANATION_MESSAGES.en[key] ?? "")).toEqual(placeholders(EXPLANATION_MESSAGES.nb[key] ?? ""));
  });
});

// ---------------------------------------------------------------------------------------------
// Every explanation evaluate.ts produces renders completely

const SCENARIOS: { name: string; explanation: () => Explanation }[] = [
  // per-period targets
  {
    name: "not due",
    explanation: () =>
      evaluatePeriod(target({ type: "at_least", value: 1, per: "year" }), [], "2018", ctx("2017-06-01", VISITS)).explanation,
  },
  {
    name: "plan not started",
    explanation: () => evaluateTarget(target({ type: "at_least", value: 1, per: "month" }), [], ctx("2014-06-01", VISITS)).explanation,
  },
  {
    name: "no data",
    explanation: () =>
      evaluatePeriod(target({ type: "at_least", value: 1, per: "tertial" }), [], "2016-T2", ctx("2017-06-01", VISITS)).explanation,
  },
  {
    name: "no data with status",
    explanation: () =>
      evaluatePeriod(target({ type: "at_least", value: 1, per: "year" }), [v("2016", null, "..")], "2016", ctx("2017-06-01", VISITS))
        .explanation,
  },
  {
    name: "at_least achieved",
    explanation: () =>
      evaluatePeriod(target({ type: "at_least", value: 15, per: "year" }), [v("2016", 15)], "2016", ctx("2017-06-01", VISITS)).explanation,
  },
  {
    name: "at_least missed",
    explanation: () =>
      evaluatePeriod(target({ type: "at_least", value: 15, per: "year" }), [v("2016", 14)], "2016", ctx("2017-06-01", VISITS)).explanation,
  },
  {
    name: "at_least level below",
    explanation: () =>
      evaluatePeriod(target({ type: "at_least", value: 15, per: "year" }), [v("2017", 14)], "2017", ctx("2017-06-01", COMPANIES))
        .explanation,
  },
  {
    name: "at_least in progress (month)",
    explanation: () =>
      evaluatePeriod(target({ type: "at_least", value: 15, per: "month" }), [v("2017-06-02", 3)], "2017-06", ctx("2017-06-10", VISITS))
        .explanation,
  },
  {
    name: "at_least in progress (plan period)",
    explanation: () =>
      evaluatePeriod(
        target({ type: "at_least", value: 15, per: "plan_period" }),
        [v("2015", 3)],
        "2015-01-01..2018-12-31",
        ctx("2017-06-10", VISITS),
      ).explanation,
  },
  {
    name: "at_most within",
    explanation: () =>
      evaluatePeriod(target({ type: "at_most", value: 4, per: "year" }), [v("2016", 4)], "2016", ctx("2017-06-01", WEEKS)).explanation,
  },
  {
    name: "at_most over",
    explanation: () =>
      evaluatePeriod(target({ type: "at_most", value: 4, per: "year" }), [v("2016", 5)], "2016", ctx("2017-06-01", WEEKS)).explanation,
  },
  {
    name: "at_most over so far",
    explanation: () =>
      evaluatePeriod(target({ type: "at_most", value: 4, per: "year" }), [v("2017", 5)], "2017", ctx("2017-06-01", WEEKS)).explanation,
  },
  {
    name: "at_most projected",
    explanation: () =>
      evaluatePeriod(target({ type: "at_most", value: 10, per: "year" }), [v("2017-03", 6)], "2017", ctx("2017-07-01", VISITS)).explanation,
  },
  {
    name: "between within",
    explanation: () => evaluateTarget(target({ type: "between", min: 6, max: 10 }), [v("2016", 8)], ctx("2019-01-01", VISITS)).explanation,
  },
  {
    name: "between below",
    explanation: () => evaluateTarget(target({ type: "between", min: 6, max: 10 }), [v("2016", 5)], ctx("2019-01-01", VISITS)).explanation,
  },
  {
    name: "between above",
    explanation: () => evaluateTarget(target({ type: "between", min: 6, max: 10 }), [v("2016", 11)], ctx("2019-01-01", VISITS)).explanation,
  },
  {
    name: "between in progress",
    explanation: () => evaluateTarget(target({ type: "between", min: 6, max: 10 }), [v("2016", 2)], ctx("2016-12-31", VISITS)).explanation,
  },
  {
    name: "growth met",
    explanation: () =>
      evaluatePeriod(target({ type: "growth_rate", rate: 0.05 }), [v("2015", 100), v("2016", 105)], "2016", ctx("2017-06-01", COMPANIES))
        .explanation,
  },
  {
    name: "growth below",
    explanation: () =>
      evaluatePeriod(
        target({ type: "growth_rate", rate: 0.05, per: "quarter" }),
        [v("2015-Q4", 100), v("2016-Q1", 90)],
        "2016-Q1",
        ctx("2017-06-01", COMPANIES),
      ).explanation,
  },
  {
    name: "growth in progress (running total)",
    explanation: () =>
      evaluatePeriod(target({ type: "growth_rate", rate: 0.05 }), [v("2016", 100), v("2017-03", 30)], "2017", ctx("2017-06-01", VISITS))
        .explanation,
  },
  {
    name: "growth no base",
    explanation: () =>
      evaluatePeriod(target({ type: "growth_rate", rate: 0.05 }), [v("2016", 105)], "2016", ctx("2017-06-01", COMPANIES)).explanation,
  },
  {
    name: "growth not reported",
    explanation: () =>
      evaluatePeriod(target({ type: "growth_rate", rate: 0.05 }), [v("2016", 105)], "2017", ctx("2017-06-01", COMPANIES)).explanation,
  },
  {
    name: "rank met",
    explanation: () =>
      evaluatePeriod(target({ type: "rank_at_most", value: 3 }), [v("2016", 3)], "2016", ctx("2017-06-01", RANK)).explanation,
  },
  {
    name: "rank below",
    explanation: () =>
      evaluatePeriod(target({ type: "rank_at_most", value: 3 }), [v("2016", 4)], "2016", ctx("2017-06-01", RANK)).explanation,
  },
  {
    name: "rank fallback",
    explanation: () => evaluateTarget(target({ type: "rank_at_most", value: 3 }), [v("2014", 2)], ctx("2026-11-26", RANK)).explanation,
  },
  {
    name: "hold within",
    explanation: () =>
      evaluatePeriod(
        target({ type: "hold_level", baselinePeriod: "2014" }),
        [v("2014", 100), v("2016", 97)],
        "2016",
        ctx("2017-06-01", COMPANIES),
      ).explanation,
  },
  {
    name: "hold outside",
    explanation: () =>
      evaluatePeriod(
        target({ type: "hold_level", baselinePeriod: "2014" }),
        [v("2014", 100), v("2016", 90)],
        "2016",
        ctx("2017-06-01", COMPANIES),
      ).explanation,
  },
  {
    name: "hold within (fixed baseline)",
    explanation: () =>
      evaluatePeriod(
        target({ type: "hold_level", baseline: 100, per: "quarter" }),
        [v("2016-Q2", 97)],
        "2016-Q2",
        ctx("2017-06-01", COMPANIES),
      ).explanation,
  },
  {
    name: "hold outside (fixed baseline)",
    explanation: () =>
      evaluatePeriod(
        target({ type: "hold_level", baseline: 100, per: "month" }),
        [v("2016-02", 80)],
        "2016-02",
        ctx("2017-06-01", COMPANIES),
      ).explanation,
  },
  {
    name: "hold no baseline",
    explanation: () =>
      evaluatePeriod(target({ type: "hold_level", baselinePeriod: "2014" }), [v("2016", 90)], "2016", ctx("2017-06-01", COMPANIES))
        .explanation,
  },
  {
    name: "trend rising",
    explanation: () =>
      evaluatePeriod(target({ type: "rising_trend" }), [v("2014", 1), v("2015", 2)], "2015", ctx("2017-06-01", COMPANIES)).explanation,
  },
  {
    name: "trend flat",
    explanation: () =>
      evaluatePeriod(target({ type: "rising_trend" }), [v("2014", 2), v("2015", 2)], "2015", ctx("2017-06-01", COMPANIES)).explanation,
  },
  {
    name: "trend falling",
    explanation: () =>
      evaluatePeriod(
        target({ type: "rising_trend", per: "school_year" }),
        [v("2013/14", 3), v("2014/15", 2)],
        "2014/15",
        ctx("2017-06-01", COMPANIES),
      ).explanation,
  },
  {
    name: "trend too few",
    explanation: () => evaluatePeriod(target({ type: "rising_trend" }), [v("2014", 2)], "2015", ctx("2017-06-01", COMPANIES)).explanation,
  },
  // milestones
  {
    name: "milestone achieved",
    explanation: () =>
      evaluateMilestone(
        milestone({ due: "2016-06-30" }),
        [],
        ctx("2017-01-01", undefined, measure({ status: "completed", completedOn: "2016-01-10" })),
      ).explanation,
  },
  {
    name: "milestone achieved undated",
    explanation: () =>
      evaluateMilestone(milestone({ due: "2016-06-30" }), [], ctx("2017-01-01", undefined, measure({ status: "completed" }))).explanation,
  },
  {
    name: "milestone achieved late",
    explanation: () =>
      evaluateMilestone(milestone({ indicator: "ind", due: "2016-06-30" }), [v("2016-09", 1)], ctx("2017-01-01", VISITS)).explanation,
  },
  {
    name: "milestone missed",
    explanation: () =>
      evaluateMilestone(milestone({ due: "2016-06-30" }), [], ctx("2017-01-01", undefined, measure({ progress: 55 }))).explanation,
  },
  {
    name: "milestone cancelled",
    explanation: () =>
      evaluateMilestone(milestone({ due: "2016-06-30" }), [], ctx("2016-01-01", undefined, measure({ status: "cancelled" }))).explanation,
  },
  {
    name: "milestone in progress",
    explanation: () =>
      evaluateMilestone(milestone({ due: "2016-06-30" }), [], ctx("2016-01-01", undefined, measure({ status: "delayed", progress: 80 })))
        .explanation,
  },
  {
    name: "milestone not started",
    explanation: () => evaluateMilestone(milestone({ indicator: "ind", due: "2016-06-30" }), [], ctx("2014-01-01", VISITS)).explanation,
  },
  {
    name: "milestone no data",
    explanation: () => evaluateMilestone(milestone({ indicator: "ind", due: "2016-06-30" }), [], ctx("2016-01-01", COMPANIES)).explanation,
  },
  {
    name: "milestone never reported on, overdue",
    explanation: () =>
      evaluateMilestone(milestone({ due: "2016-06-30" }), [], ctx("2017-01-01", undefined, measure({ updates: 0 }))).explanation,
  },
  {
    name: "milestone indicator without figures, overdue",
    explanation: () => evaluateMilestone(milestone({ indicator: "ind", due: "2016-06-30" }), [], ctx("2017-01-01", COMPANIES)).explanation,
  },
  {
    name: "milestone never reported on",
    explanation: () =>
      evaluateMilestone(milestone({ due: "2016-06-30" }), [], ctx("2016-01-01", undefined, measure({ updates: 0 }))).explanation,
  },
  {
    name: "milestone without indicator or measure",
    explanation: () => evaluateMilestone(milestone({ due: "2016-06-30" }), [], ctx("2016-01-01")).explanation,
  },
];

describe("every explanation renders completely", () => {
  it("the scenarios produce every message key evaluate.ts uses", () => {
    const produced = new Set(SCENARIOS.map((s) => s.explanation().key));
    expect([...produced].sort()).toEqual(usedKeys);
  });

  describe.each(LOCALES.map((locale) => [locale]))("in %s", (locale) => {
    it.each(SCENARIOS)("$name", ({ explanation }) => {
      const e = explanation();
      const text = renderExplanation(e, locale);
      expect(text).not.toMatch(/[{}]/);
      expect(text).not.toMatch(/undefined|NaN|null|Infinity/);
      expect(text).not.toContain(e.key);
      expect(text).not.toMatch(/ {2}| [;,.)]/);
      expect(text).toMatch(/[.)]$/);
    });
  });
});
