/**
 * A descriptor bound to its table: the generic row operations every log shares (read, find,
 * insert, update, delete), on any table that has `id`, `batch_id`, `created_at`, `updated_at` and
 * one column per descriptor field (same name in camelCase).
 */
import { and, asc, eq, getTableColumns, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { LogDescriptor, LogValue, LogValues } from "../../../core/logs/descriptor.js";
import type { DbOrTx } from "../../db/client.js";
import { notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";

export interface LogBinding {
  descriptor: LogDescriptor;
  table: PgTable;
}

/** A row as the API answers it (see viewSchemaOf in core/logs/log-schemas.ts). */
export type LogView = { id: string } & LogValues & { batchId: string | null; createdAt: string; updatedAt: string };

export interface LogRow {
  id: string;
  values: LogValues;
  batchId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function column(b: LogBinding, name: string): PgColumn {
  const c = getTableColumns(b.table)[name];
  if (!c) throw new Error(`log ${b.descriptor.key}: the table has no column "${name}"`);
  return c;
}

const asValue = (v: unknown): LogValue => (typeof v === "string" || typeof v === "number" ? v : null);
const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

/** A database row (as drizzle returns it) as the log's id, field values and bookkeeping. */
export function rowOf(b: LogBinding, r: Record<string, unknown>): LogRow {
  return {
    id: String(r.id),
    values: Object.fromEntries(Object.keys(b.descriptor.fields).map((f) => [f, asValue(r[f])])),
    batchId: typeof r.batchId === "string" ? r.batchId : null,
    createdAt: asDate(r.createdAt),
    updatedAt: asDate(r.updatedAt),
  };
}

export function viewOf(r: LogRow): LogView {
  return { id: r.id, ...r.values, batchId: r.batchId, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

export async function getLogRow(db: DbOrTx, b: LogBinding, id: string): Promise<LogRow> {
  const what = b.descriptor.noun;
  if (!isUuid(id)) throw notFound(what);
  const [row] = await db
    .select()
    .from(b.table)
    .where(eq(column(b, "id"), id))
    .limit(1);
  if (!row) throw notFound(what);
  return rowOf(b, row);
}

/** Rows matching the filters (`field = value`), in the descriptor's order, then by id. */
export async function findLogRows(db: DbOrTx, b: LogBinding, filters: Record<string, unknown> = {}): Promise<LogRow[]> {
  const where: SQL[] = [];
  for (const f of b.descriptor.filters) {
    const v = filters[f];
    if (v !== undefined && v !== null) where.push(eq(column(b, f), v));
  }
  const rows = await db
    .select()
    .from(b.table)
    .where(and(...where))
    .orderBy(...[...b.descriptor.order, "id"].map((f) => asc(column(b, f))));
  return rows.map((r) => rowOf(b, r));
}

export async function insertLogRows(
  db: DbOrTx,
  b: LogBinding,
  rows: readonly { id?: string | null; values: LogValues }[],
  batchId: string | null = null,
): Promise<LogRow[]> {
  if (rows.length === 0) return [];
  const out = await db
    .insert(b.table)
    .values(rows.map((r) => ({ ...(r.id ? { id: r.id } : {}), ...r.values, batchId })))
    .returning();
  return out.map((r) => rowOf(b, r));
}

export async function updateLogRow(db: DbOrTx, b: LogBinding, id: string, values: LogValues, batchId?: string): Promise<LogRow> {
  const [row] = await db
    .update(b.table)
    .set({ ...values, ...(batchId ? { batchId } : {}), updatedAt: new Date() })
    .where(eq(column(b, "id"), id))
    .returning();
  if (!row) throw notFound(b.descriptor.noun);
  return rowOf(b, row);
}

export async function deleteLogRow(db: DbOrTx, b: LogBinding, id: string): Promise<void> {
  await db.delete(b.table).where(eq(column(b, "id"), id));
}

/** The table's column for a descriptor field (indicator and purge queries). */
export function logColumn(b: LogBinding, name: string): PgColumn {
  return column(b, name);
}
