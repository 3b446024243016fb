import type { DerivedIndicator } from "../indicators/index.js";

/**
 * Indicators this module feeds (derived from its own tables): none, on purpose.
 *
 * - The plan's land indicator, `commercial-floor-space-new-m2`, counts new floor space *taken into
 *   use*. The land bank holds capacity (available / planned m²), not what was built: deriving
 *   the indicator from it would fake deliveries.
 * - A level such as "available m²" is not in the plan, and the land bank keeps only the current
 *   figures (no dated history), so a series per year could not be derived without inventing past
 *   values. Supply against demand is a report instead: GET /api/land-bank/supply.
 */
export const landIndicators: DerivedIndicator[] = [];
