import { eq } from "drizzle-orm";
import { landAreaKey, updateLandAreaSchema } from "../../../core/api/land.js";
import { isLandAreaStatus, LAND_AREA_STATUSES, type LandAreaStatus } from "../../../core/land/vocabulary.js";
import type { DbOrTx } from "../../db/client.js";
import { importBatches, landAreas } from "../../db/schema/index.js";
import { AppError, type ErrorDetail } from "../../errors.js";
import { type CsvColumn, type CsvRowError, type CsvValue, decodeCsv, parseCsvRecords, writeCsv } from "../../lib/csv.js";
import { readCsvOrReject } from "../../lib/csv-import.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { checkFigures, findLandAreas, type LandAreaRow, normaliseLandGeometry, toLandAreaView } from "./land-areas.service.js";

type Col =
  | "key"
  | "name"
  | "centre"
  | "zoning"
  | "totalM2"
  | "availableM2"
  | "plannedM2"
  | "status"
  | "geometry"
  | "crs"
  | "source"
  | "note";
type ExportCol = Col | "siteAreaM2";

/** The land bank as a spreadsheet. Geometry is a GeoJSON text cell; its coordinate system is the next column. */
export const LAND_AREA_COLUMNS: readonly CsvColumn<Col>[] = [
  { key: "key", header: "Nøkkel", type: "text", required: true, aliases: ["key", "nokkel"] },
  { key: "name", header: "Navn", type: "text", required: true, aliases: ["name"] },
  { key: "centre", header: "Senter", type: "text", aliases: ["centre", "center"] },
  { key: "zoning", header: "Regulering", type: "text", aliases: ["zoning", "reguleringsformål"] },
  { key: "totalM2", header: "Totalt m² BRA", type: "decimal", aliases: ["total_m2", "totalM2", "Totalt m2"] },
  { key: "availableM2", header: "Ledig m² BRA", type: "decimal", aliases: ["available_m2", "availableM2", "Ledig m2"] },
  { key: "plannedM2", header: "Planlagt m² BRA", type: "decimal", aliases: ["planned_m2", "plannedM2", "Planlagt m2"] },
  { key: "status", header: "Status", type: "text", aliases: ["status"] },
  { key: "geometry", header: "Geometri (GeoJSON)", type: "text", aliases: ["geometry", "geometri", "geojson"] },
  { key: "crs", header: "Koordinatsystem", type: "text", aliases: ["crs", "epsg"] },
  { key: "source", header: "Kilde", type: "text", aliases: ["source"] },
  { key: "note", header: "Merknad", type: "text", aliases: ["note", "merknad"] },
];
/** Export only (computed from the geometry); ignored on import. */
const SITE_AREA: CsvColumn<ExportCol> = { key: "siteAreaM2", header: "Tomteareal fra geometri m²", type: "decimal" };

/** The same rules as the API for the plain cells (lengths, non-negative square metres). */
const CELL_SCHEMA = updateLandAreaSchema.pick({
  name: true,
  centre: true,
  zoning: true,
  source: true,
  note: true,
  totalM2: true,
  availableM2: true,
  plannedM2: true,
});
const headerOf = (key: string) => LAND_AREA_COLUMNS.find((c) => c.key === key)?.header ?? key;

/** Status codes, or their bokmål labels as people type them. */
const STATUS_LABELS: Record<string, LandAreaStatus> = {
  ledig: "available",
  "delvis ledig": "partly_available",
  planlagt: "planned",
  utbygd: "built_out",
  "fullt utbygd": "built_out",
  "under omregulering": "under_rezoning",
};

export function exportLandAreasCsv(rows: LandAreaRow[]): Buffer {
  return writeCsv(
    [...LAND_AREA_COLUMNS, SITE_AREA],
    rows.map((r) => {
      const v = toLandAreaView(r);
      return { ...v, geometry: v.geometry ? JSON.stringify(v.geometry) : null, crs: v.geometry ? "EPSG:4326" : null };
    }),
  );
}

export interface LandImportResult {
  batchId: string;
  encoding: string;
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

type Parsed = Partial<Pick<LandAreaRow, Exclude<Col, "crs">>> & { key: string; name: string };

/** Columns present in the header: a column the file leaves out is not touched on update. */
function presentColumns(bytes: Uint8Array): Set<Col> {
  const header = parseCsvRecords(decodeCsv(bytes).text)[0]?.cells.map((h) => h.trim().toLocaleLowerCase("nb")) ?? [];
  const present = new Set<Col>();
  for (const c of LAND_AREA_COLUMNS)
    if ([c.header, ...(c.aliases ?? [])].some((n) => header.includes(n.toLocaleLowerCase("nb")))) present.add(c.key);
  return present;
}

function toRow(values: Record<Col, CsvValue>, present: Set<Col>, line: number, errors: CsvRowError[]): Parsed | null {
  const before = errors.length;
  const err = (column: string, message: string) => errors.push({ line, column, message });
  const key = String(values.key ?? "");
  const keyCheck = landAreaKey.safeParse(key);
  if (!keyCheck.success) err(headerOf("key"), keyCheck.error.issues[0]?.message ?? "invalid key");
  const out: Parsed = { key, name: String(values.name ?? "") };
  const fields = (["name", "centre", "zoning", "source", "note", "totalM2", "availableM2", "plannedM2"] as const).filter(
    (k) => k === "name" || present.has(k),
  );
  const checked = CELL_SCHEMA.safeParse(Object.fromEntries(fields.map((k) => [k, values[k]])));
  if (checked.success) Object.assign(out, checked.data);
  else for (const i of checked.error.issues) err(headerOf(String(i.path[0])), i.message);
  if (present.has("status")) {
    const s = values.status === null ? null : String(values.status).trim().toLocaleLowerCase("nb");
    const status = s === null ? null : isLandAreaStatus(s) ? s : STATUS_LABELS[s];
    if (status === undefined) err(headerOf("status"), `unknown status "${values.status}"; use ${LAND_AREA_STATUSES.join(", ")}`);
    else out.status = status;
  }
  if (present.has("geometry")) {
    try {
      const g: unknown = values.geometry === null ? null : JSON.parse(String(values.geometry));
      out.geometry = normaliseLandGeometry(g, values.crs === null ? null : String(values.crs));
    } catch (e) {
      if (e instanceof SyntaxError) err(headerOf("geometry"), `not valid JSON: ${e.message}`);
      else if (e instanceof AppError)
        for (const d of e.details ?? []) err(headerOf(d.path === "crs" ? "crs" : "geometry"), `${d.path}: ${d.message}`);
      else throw e;
    }
  }
  return errors.length === before ? out : null;
}

const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );

/**
 * Imports land areas from CSV, all or nothing: rows are matched by key (new keys inserted,
 * existing ones updated). Any bad cell or row fails the whole file with every error and its line.
 */
export async function importLandAreasCsv(db: DbOrTx, actor: Actor, bytes: Uint8Array, fileName: string | null): Promise<LandImportResult> {
  const table = readCsvOrReject(bytes, LAND_AREA_COLUMNS);
  const present = presentColumns(bytes);
  const errors = [...table.errors];
  const rows: { line: number; row: Parsed }[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const row = toRow(values, present, line, errors);
    if (!row) continue;
    const first = seen.get(row.key);
    if (first !== undefined) errors.push({ line, column: headerOf("key"), message: `key "${row.key}" is also on line ${first}` });
    seen.set(row.key, line);
    rows.push({ line, row });
  }
  const existing = new Map((await findLandAreas(db)).map((r) => [r.key, r]));
  for (const { line, row } of rows) {
    const before = existing.get(row.key);
    const merged = { totalM2: null, availableM2: null, plannedM2: null, ...pickFigures(before), ...pickFigures(row) };
    for (const i of checkFigures(merged)) errors.push({ line, column: headerOf("totalM2"), message: i.message });
  }
  if (errors.length > 0) {
    errors.sort((a, b) => a.line - b.line);
    const details: ErrorDetail[] = errors.slice(0, 200).map((e) => ({ path: e.column ?? "row", line: e.line, message: e.message }));
    const lines = new Set(errors.map((e) => e.line)).size;
    throw new AppError("validation_failed", `${lines} line(s) have errors; nothing was imported`, details);
  }
  const counts = { inserted: 0, updated: 0, unchanged: 0 };
  const [batch] = await db
    .insert(importBatches)
    .values({
      kind: "land_areas",
      fileName,
      encoding: table.encoding,
      rowsRead: rows.length,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      createdBy: actor.label,
    })
    .returning({ id: importBatches.id });
  if (!batch) throw new Error("insert returned no row");
  for (const { row } of rows) {
    const before = existing.get(row.key);
    if (!before) {
      const [created] = await db.insert(landAreas).values(row).returning({ id: landAreas.id });
      if (!created) throw new Error("insert returned no row");
      await recordAudit(db, actor, {
        action: "land_area.import_create",
        entityType: "land_area",
        entityId: created.id,
        after: { ...row, batchId: batch.id },
      });
      counts.inserted++;
      continue;
    }
    const stored = new Map<string, unknown>(Object.entries(before));
    const changed = Object.entries(row).filter(([k, v]) => canonical(stored.get(k)) !== canonical(v));
    if (changed.length === 0) {
      counts.unchanged++;
      continue;
    }
    await db
      .update(landAreas)
      .set({ ...row, updatedAt: new Date() })
      .where(eq(landAreas.id, before.id));
    await recordAudit(db, actor, {
      action: "land_area.import_update",
      entityType: "land_area",
      entityId: before.id,
      before: Object.fromEntries(changed.map(([k]) => [k, stored.get(k)])),
      after: { ...Object.fromEntries(changed), batchId: batch.id },
    });
    counts.updated++;
  }
  await db.update(importBatches).set(counts).where(eq(importBatches.id, batch.id));
  return { batchId: batch.id, encoding: table.encoding, rowsRead: rows.length, ...counts };
}

function pickFigures(r: Partial<LandAreaRow> | undefined): Partial<Pick<LandAreaRow, "totalM2" | "availableM2" | "plannedM2">> {
  if (!r) return {};
  return Object.fromEntries((["totalM2", "availableM2", "plannedM2"] as const).filter((k) => r[k] !== undefined).map((k) => [k, r[k]]));
}
