import { asc, eq } from "drizzle-orm";
import {
  type CreateLandAreaInput,
  createLandAreaSchema,
  type LandAreaView,
  type UpdateLandAreaInput,
  updateLandAreaSchema,
} from "../../../core/api/land.js";
import { geometryAreaM2 } from "../../../core/geo/area.js";
import type { Geometry } from "../../../core/geo/geojson.js";
import { NORWAY_BBOX, normaliseGeometry } from "../../../core/geo/normalise.js";
import type { DbOrTx } from "../../db/client.js";
import { type LAND_AREA_STATUSES, landAreas } from "../../db/schema/index.js";
import { AppError, type ErrorDetail, notFound } from "../../errors.js";
import { type Actor, recordAudit } from "../audit/index.js";

export type LandAreaRow = typeof landAreas.$inferSelect;
export type LandAreaStatus = (typeof LAND_AREA_STATUSES)[number];

export function toLandAreaView(r: LandAreaRow, withGeometry = true): LandAreaView {
  const geometry = r.geometry ?? null;
  const site = geometry ? geometryAreaM2(geometry) : null;
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    centre: r.centre,
    zoning: r.zoning,
    totalM2: r.totalM2,
    availableM2: r.availableM2,
    plannedM2: r.plannedM2,
    status: r.status,
    geometry: withGeometry ? geometry : null,
    siteAreaM2: site === null ? null : Math.round(site * 10) / 10,
    source: r.source,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * Validates GeoJSON in EPSG:4326, 25832 or 25833 and returns it as WGS84; `null` clears it.
 * Issues carry paths under `pathPrefix` ("geometry.coordinates.0.3").
 */
export function normaliseLandGeometry(geometry: unknown, crs: string | null | undefined, pathPrefix = "geometry"): Geometry | null {
  if (geometry === null || geometry === undefined) return null;
  const r = normaliseGeometry(geometry, { crs, within: NORWAY_BBOX });
  if (r.ok) return r.geometry;
  const details: ErrorDetail[] = r.issues.map((i) => ({
    path: i.path === "crs" ? "crs" : [pathPrefix, i.path].filter(Boolean).join("."),
    message: i.message,
  }));
  throw new AppError("validation_failed", `Invalid geometry: ${details[0]?.message ?? "not GeoJSON"}`, details);
}

/** available + planned cannot exceed total when all three are known (catches a digit too many). */
export function checkFigures(f: { totalM2: number | null; availableM2: number | null; plannedM2: number | null }): ErrorDetail[] {
  if (f.totalM2 === null) return [];
  const parts = (f.availableM2 ?? 0) + (f.plannedM2 ?? 0);
  return parts > f.totalM2 ? [{ path: "totalM2", message: `available + planned (${parts}) is more than the total (${f.totalM2})` }] : [];
}

function assertFigures(f: Parameters<typeof checkFigures>[0]): void {
  const issues = checkFigures(f);
  if (issues.length > 0) throw new AppError("validation_failed", issues[0]?.message ?? "invalid figures", issues);
}

export async function findLandAreas(db: DbOrTx, filter: { status?: LandAreaStatus } = {}): Promise<LandAreaRow[]> {
  return db
    .select()
    .from(landAreas)
    .where(filter.status ? eq(landAreas.status, filter.status) : undefined)
    .orderBy(asc(landAreas.name), asc(landAreas.key));
}

export async function getLandAreaRow(db: DbOrTx, key: string): Promise<LandAreaRow> {
  const [row] = await db.select().from(landAreas).where(eq(landAreas.key, key)).limit(1);
  if (!row) throw notFound("Land area");
  return row;
}

export async function createLandArea(db: DbOrTx, actor: Actor, raw: CreateLandAreaInput): Promise<LandAreaRow> {
  const { crs, geometry: rawGeometry, ...input } = createLandAreaSchema.parse(raw);
  const geometry = normaliseLandGeometry(rawGeometry, crs);
  assertFigures(input);
  const [existing] = await db.select({ id: landAreas.id }).from(landAreas).where(eq(landAreas.key, input.key)).limit(1);
  if (existing) throw new AppError("conflict", `Key "${input.key}" is in use`);
  const [row] = await db
    .insert(landAreas)
    .values({ ...input, geometry })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, { action: "land_area.create", entityType: "land_area", entityId: row.id, after: { ...input, geometry } });
  return row;
}

export async function updateLandArea(db: DbOrTx, actor: Actor, key: string, raw: UpdateLandAreaInput): Promise<LandAreaRow> {
  const { crs, geometry: rawGeometry, ...input } = updateLandAreaSchema.parse(raw);
  if (crs !== undefined && rawGeometry === undefined)
    throw new AppError("validation_failed", "crs describes the geometry: send it together with geometry", [
      { path: "crs", message: "only with geometry" },
    ]);
  const before = await getLandAreaRow(db, key);
  const changes: Partial<LandAreaRow> = { ...input };
  if (rawGeometry !== undefined) changes.geometry = normaliseLandGeometry(rawGeometry, crs);
  assertFigures({
    totalM2: changes.totalM2 !== undefined ? changes.totalM2 : before.totalM2,
    availableM2: changes.availableM2 !== undefined ? changes.availableM2 : before.availableM2,
    plannedM2: changes.plannedM2 !== undefined ? changes.plannedM2 : before.plannedM2,
  });
  const [row] = await db
    .update(landAreas)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(landAreas.id, before.id))
    .returning();
  if (!row) throw notFound("Land area");
  const changedBefore = Object.fromEntries(Object.entries(before).filter(([k]) => k in changes));
  await recordAudit(db, actor, {
    action: "land_area.update",
    entityType: "land_area",
    entityId: row.id,
    before: changedBefore,
    after: changes,
  });
  return row;
}

/** Deletes the area; rezoning applications that pointed at it keep their data, unlinked. */
export async function deleteLandArea(db: DbOrTx, actor: Actor, key: string): Promise<void> {
  const before = await getLandAreaRow(db, key);
  await db.delete(landAreas).where(eq(landAreas.id, before.id));
  await recordAudit(db, actor, { action: "land_area.delete", entityType: "land_area", entityId: before.id, before });
}
