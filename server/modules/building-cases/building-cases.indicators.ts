import { processingWeeksSeries } from "../../../core/building-cases/statistics.js";
import type { SeriesValue } from "../../../core/indicators.js";
import type { DerivedIndicator } from "../indicators/index.js";
import { findTargetDecisions } from "./building-cases.reports.js";

export const BUILDING_CASE_SOURCE = "Byggesaksregisteret (Næringskompass)";

/**
 * "building-case-processing-weeks": mean processing weeks of decided building cases for commercial
 * buildings (ett-trinns søknad and rammetillatelse; see core/building-cases/assess.ts), dated by
 * decision day. The log is the municipality's own, so the values serve whichever plan asks.
 * Covers the plan's range and the year before it (the baseline period the evaluator looks at).
 */
export const buildingCaseProcessingWeeks: DerivedIndicator = {
  key: "building-case-processing-weeks",
  async compute(db, input): Promise<SeriesValue[]> {
    const from = `${Number(input.range.start.slice(0, 4)) - 1}-01-01`;
    const cases = await findTargetDecisions(db, { from, to: input.range.end });
    return processingWeeksSeries(cases, input.range, BUILDING_CASE_SOURCE);
  },
};

/** Indicators this module feeds (derived from its own tables). */
export const buildingCaseIndicators: DerivedIndicator[] = [buildingCaseProcessingWeeks];
