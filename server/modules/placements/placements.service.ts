/**
 * What the placement log adds beside its descriptor (core/logs/descriptors/placements.ts): totals
 * per school year and sector. Rows, CSV and the "lia-placements" indicator come from the
 * descriptor (server/modules/logs).
 */
import { asc } from "drizzle-orm";
import { type PlacementTotals, SECTORS } from "../../../core/api/placements.js";
import type { DbOrTx } from "../../db/client.js";
import { liaPlacements } from "../../db/schema/index.js";

type PlacementRow = typeof liaPlacements.$inferSelect;

/** Placements per school year, in total and by sector, with the number of distinct host companies. */
export async function findPlacementTotals(db: DbOrTx, q: { from?: string; to?: string }): Promise<PlacementTotals> {
  const rows = await db.select().from(liaPlacements).orderBy(asc(liaPlacements.schoolYear));
  const companyOf = (r: PlacementRow) => r.orgnr ?? `name:${r.companyName.toLocaleLowerCase("nb")}`;
  const years = new Map<string, PlacementRow[]>();
  for (const r of rows) {
    if ((q.from && r.schoolYear < q.from) || (q.to && r.schoolYear > q.to)) continue;
    years.set(r.schoolYear, [...(years.get(r.schoolYear) ?? []), r]);
  }
  return [...years.entries()].map(([schoolYear, list]) => ({
    schoolYear,
    placements: list.reduce((a, r) => a + r.placements, 0),
    companies: new Set(list.map(companyOf)).size,
    bySector: SECTORS.map((sector) => {
      const inSector = list.filter((r) => r.sector === sector);
      return { sector, placements: inSector.reduce((a, r) => a + r.placements, 0), companies: new Set(inSector.map(companyOf)).size };
    }).filter((s) => s.placements > 0),
  }));
}
