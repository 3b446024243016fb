import type { DerivedIndicator } from "../indicators/series.service.js";

/** Indicators this module feeds (derived from its own tables). */
export const landIndicators: DerivedIndicator[] = [];
