import { and, asc, eq } from "drizzle-orm";
import {
  type CreatePlacementInput,
  createPlacementSchema,
  type PlacementQuery,
  type PlacementTotals,
  type PlacementView,
  SECTORS,
  type Sector,
  type UpdatePlacementInput,
} from "../../../core/api/placements.js";
import type { DbOrTx } from "../../db/client.js";
import { liaPlacements } from "../../db/schema/index.js";
import { notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/audit.service.js";

type PlacementRow = typeof liaPlacements.$inferSelect;

/** The fields a placement row is made of (what the API, the CSV and the audit log compare). */
export interface PlacementValues {
  schoolYear: string;
  companyName: string;
  orgnr: string | null;
  sector: Sector;
  school: string | null;
  placements: number;
}

export function placementValuesOf(r: PlacementRow): PlacementValues {
  return {
    schoolYear: r.schoolYear,
    companyName: r.companyName,
    orgnr: r.orgnr,
    sector: r.sector as Sector,
    school: r.school,
    placements: r.placements,
  };
}

export function toPlacementView(r: PlacementRow): PlacementView {
  return {
    id: r.id,
    ...placementValuesOf(r),
    batchId: r.batchId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function getPlacement(db: DbOrTx, id: string): Promise<PlacementRow> {
  if (!isUuid(id)) throw notFound("Placement");
  const [row] = await db.select().from(liaPlacements).where(eq(liaPlacements.id, id)).limit(1);
  if (!row) throw notFound("Placement");
  return row;
}

export async function findPlacements(db: DbOrTx, q: PlacementQuery): Promise<PlacementView[]> {
  const rows = await db
    .select()
    .from(liaPlacements)
    .where(
      and(q.schoolYear ? eq(liaPlacements.schoolYear, q.schoolYear) : undefined, q.sector ? eq(liaPlacements.sector, q.sector) : undefined),
    )
    .orderBy(asc(liaPlacements.schoolYear), asc(liaPlacements.companyName), asc(liaPlacements.school), asc(liaPlacements.id));
  return rows.map(toPlacementView);
}

export async function createPlacement(db: DbOrTx, actor: Actor, raw: CreatePlacementInput): Promise<PlacementView> {
  const values: PlacementValues = createPlacementSchema.parse(raw);
  const [row] = await db.insert(liaPlacements).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, { action: "lia_placement.create", entityType: "lia_placement", entityId: row.id, after: values });
  return toPlacementView(row);
}

export async function updatePlacement(db: DbOrTx, actor: Actor, id: string, input: UpdatePlacementInput): Promise<PlacementView> {
  const before = placementValuesOf(await getPlacement(db, id));
  const [row] = await db
    .update(liaPlacements)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(liaPlacements.id, id))
    .returning();
  if (!row) throw notFound("Placement");
  await recordAudit(db, actor, {
    action: "lia_placement.update",
    entityType: "lia_placement",
    entityId: id,
    before: Object.fromEntries(Object.keys(input).map((k) => [k, before[k as keyof PlacementValues]])),
    after: input,
  });
  return toPlacementView(row);
}

export async function deletePlacement(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const before = placementValuesOf(await getPlacement(db, id));
  await db.delete(liaPlacements).where(eq(liaPlacements.id, id));
  await recordAudit(db, actor, { action: "lia_placement.delete", entityType: "lia_placement", entityId: id, before });
}

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
