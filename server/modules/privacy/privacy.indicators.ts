import type { DerivedIndicator } from "../indicators/index.js";

/** Indicators this module feeds (derived from its own tables). */
export const privacyIndicators: DerivedIndicator[] = [];
