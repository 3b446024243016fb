import { and, eq, isNotNull, lte, min, ne, sql } from "drizzle-orm";
import type { ProjectKind } from "../../../core/api/projects.js";
import { dailyCountSeries } from "../../../core/logs/count-series.js";
import { projects } from "../../db/schema/index.js";
import type { DerivedIndicator } from "../indicators/index.js";

export const PROJECT_SOURCE = "Næringskompass: prosjektlogg";

/**
 * Each project of the kind counts 1 on its established date; cancelled projects and projects
 * without an established date do not count. Zero months run from the log's first established
 * project (any kind, any status) — see core/logs/count-series.ts. The log is the office's own (no
 * municipality column), so it counts for the plan that reads it.
 */
function projectCount(key: string, kind: ProjectKind): DerivedIndicator {
  return {
    key,
    async compute(db, input) {
      const [start] = await db.select({ first: min(projects.establishedDate) }).from(projects);
      const rows = await db
        .select({ date: sql<string>`${projects.establishedDate}`, n: sql<number>`count(*)::int` })
        .from(projects)
        .where(
          and(
            eq(projects.kind, kind),
            ne(projects.status, "cancelled"),
            isNotNull(projects.establishedDate),
            lte(projects.establishedDate, input.range.end),
          ),
        )
        .groupBy(projects.establishedDate);
      return dailyCountSeries(
        rows.map((r) => ({ date: r.date, value: Number(r.n) })),
        start?.first ?? null,
        input.range,
        PROJECT_SOURCE,
      );
    },
  };
}

/** Indicators this module feeds (derived from its own tables). */
export const projectIndicators: DerivedIndicator[] = [
  projectCount("innovative-procurements", "innovative_procurement"),
  projectCount("futurebuilt-projects", "futurebuilt"),
  projectCount("welfare-tech-projects", "welfare_technology"),
];
