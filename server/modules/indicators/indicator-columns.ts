import type { IndicatorDoc } from "../../../core/indicators.js";

/** Metadata columns of an indicator from its document form. */
export function indicatorColumns(ind: IndicatorDoc) {
  return {
    key: ind.key,
    nameNb: ind.name.nb,
    nameEn: ind.name.en,
    unit: ind.unit,
    format: ind.format,
    aggregation: ind.aggregation,
    preferredTrend: ind.preferredTrend,
    updateFrequency: ind.updateFrequency,
    sourceKind: ind.sourceKind,
    definitionNb: ind.definition?.nb ?? null,
    definitionEn: ind.definition?.en ?? null,
  };
}
