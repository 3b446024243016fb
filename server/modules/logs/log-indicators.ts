/** The indicators a described log feeds, as derived indicators (server/modules/indicators/series.service.ts). */
import { and, inArray, lte, min, type SQL, sql } from "drizzle-orm";
import { dailyCountSeries, schoolYearSeries } from "../../../core/logs/count-series.js";
import type { LogIndicatorRule } from "../../../core/logs/descriptor.js";
import type { DerivedIndicator } from "../indicators/index.js";
import { type LogBinding, logColumn } from "./log-table.js";

/**
 * A rule's series: per school year (a value for every school year from the first logged one to
 * the one containing the range's end; core/logs/count-series.ts) or per day with zero months
 * from the log's first row. The logs are the office's own (no municipality column): they count for
 * the plan that reads them, whatever its municipality.
 */
export function ruleIndicator(b: LogBinding, rule: LogIndicatorRule): DerivedIndicator {
  const by = logColumn(b, rule.by);
  const value = rule.sum ? sql<number>`coalesce(sum(${logColumn(b, rule.sum)}), 0)::int` : sql<number>`count(*)::int`;
  const perSchoolYear = b.descriptor.fields[rule.by]?.type === "schoolYear";
  return {
    key: rule.key,
    async compute(db, input) {
      const where: SQL[] = Object.entries(rule.where ?? {}).map(([f, values]) => inArray(logColumn(b, f), [...values]));
      if (perSchoolYear) {
        const rows = await db
          .select({ period: sql<string>`${by}`, value })
          .from(b.table)
          .where(and(...where))
          .groupBy(by);
        return schoolYearSeries(
          rows.map((r) => ({ schoolYear: r.period, value: Number(r.value) })),
          input.range,
          rule.source,
        );
      }
      const [start] = await db.select({ first: min(by) }).from(b.table);
      where.push(lte(by, input.range.end));
      const rows = await db
        .select({ date: sql<string>`${by}`, value })
        .from(b.table)
        .where(and(...where))
        .groupBy(by);
      const first = start?.first;
      return dailyCountSeries(
        rows.map((r) => ({ date: r.date, value: Number(r.value) })),
        typeof first === "string" ? first : null,
        input.range,
        rule.source,
      );
    },
  };
}

export function logIndicatorsOf(b: LogBinding): DerivedIndicator[] {
  return b.descriptor.indicators.map((r) => ruleIndicator(b, r));
}
