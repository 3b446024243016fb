import { and, eq, gte, lte, sql } from "drizzle-orm";
import type { SeriesValue } from "../../../core/indicators.js";
import { measures, measureUpdates } from "../../db/schema/index.js";
import type { DerivedIndicator } from "../indicators/index.js";

/**
 * "measures-completed": measures of the plan completed per year, counted in the year of the first
 * status update that set the measure to completed. Feeds targets such as "complete at least N
 * measures a year" without anyone typing the count in.
 */
export const measuresCompletedIndicator: DerivedIndicator = {
  key: "measures-completed",
  async compute(db, input): Promise<SeriesValue[]> {
    if (!input.planId) return [];
    const firstCompleted = db
      .select({ measureId: measureUpdates.measureId, date: sql<string>`min(${measureUpdates.date})`.as("date") })
      .from(measureUpdates)
      .innerJoin(measures, eq(measures.id, measureUpdates.measureId))
      .where(and(eq(measures.planId, input.planId), eq(measureUpdates.status, "completed")))
      .groupBy(measureUpdates.measureId)
      .as("first_completed");
    const rows = await db
      .select({ year: sql<string>`to_char(${firstCompleted.date}::date, 'YYYY')`, n: sql<number>`count(*)::int` })
      .from(firstCompleted)
      .where(and(gte(firstCompleted.date, input.range.start), lte(firstCompleted.date, input.range.end)))
      .groupBy(sql`1`);
    const byYear = new Map(rows.map((r) => [r.year, Number(r.n)]));
    const out: SeriesValue[] = [];
    const first = Number(input.range.start.slice(0, 4));
    const last = Number(input.range.end.slice(0, 4));
    // Every year of the range gets a value: no completed measure in a year is a real zero.
    for (let y = first; y <= last; y++)
      out.push({ period: String(y), value: byYear.get(String(y)) ?? 0, source: "Næringskompass: status updates" });
    return out;
  },
};
