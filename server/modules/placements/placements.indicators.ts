import { sql } from "drizzle-orm";
import { schoolYearSeries } from "../../../core/logs/count-series.js";
import { liaPlacements } from "../../db/schema/index.js";
import type { DerivedIndicator } from "../indicators/series.service.js";

export const PLACEMENT_SOURCE = "Næringskompass: LIA-logg";

/**
 * "lia-placements": placements per school year (period "2016/17"), all schools and sectors, and 0
 * for school years without entries from the first logged one to the school year containing the end
 * of the range. The log is the office's own: it has no municipality column, so it counts for the
 * plan that reads it, whatever its municipality.
 */
export const liaPlacementsIndicator: DerivedIndicator = {
  key: "lia-placements",
  async compute(db, input) {
    const rows = await db
      .select({ schoolYear: liaPlacements.schoolYear, value: sql<number>`sum(${liaPlacements.placements})::int` })
      .from(liaPlacements)
      .groupBy(liaPlacements.schoolYear);
    return schoolYearSeries(
      rows.map((r) => ({ schoolYear: r.schoolYear, value: Number(r.value) })),
      input.range,
      PLACEMENT_SOURCE,
    );
  },
};

/** Indicators this module feeds (derived from its own tables). */
export const placementIndicators: DerivedIndicator[] = [liaPlacementsIndicator];
