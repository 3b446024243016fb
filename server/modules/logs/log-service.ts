/** Create, edit and delete rows of a described log, each with its audit entry. */
import type { LogValues } from "../../../core/logs/descriptor.js";
import { createSchemaOf } from "../../../core/logs/log-schemas.js";
import type { DbOrTx } from "../../db/client.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { deleteLogRow, getLogRow, insertLogRows, type LogBinding, type LogView, updateLogRow, viewOf } from "./log-table.js";

/** The fields of a parsed body, in the descriptor's order (absent optional fields are null). */
function valuesOf(b: LogBinding, input: Record<string, unknown>, partial: boolean): LogValues {
  const out: LogValues = {};
  for (const name of Object.keys(b.descriptor.fields)) {
    const v = input[name];
    if (v === undefined && partial) continue;
    out[name] = typeof v === "string" || typeof v === "number" ? v : null;
  }
  return out;
}

export async function createLogEntry(db: DbOrTx, b: LogBinding, actor: Actor, raw: unknown): Promise<LogView> {
  const values = valuesOf(b, createSchemaOf(b.descriptor).parse(raw), false);
  const [row] = await insertLogRows(db, b, [{ values }]);
  if (!row) throw new Error("insert returned no row");
  const e = b.descriptor.entity;
  await recordAudit(db, actor, { action: `${e}.create`, entityType: e, entityId: row.id, after: values });
  return viewOf(row);
}

export async function updateLogEntry(
  db: DbOrTx,
  b: LogBinding,
  actor: Actor,
  id: string,
  input: Record<string, unknown>,
): Promise<LogView> {
  const before = (await getLogRow(db, b, id)).values;
  const changes = valuesOf(b, input, true);
  const row = await updateLogRow(db, b, id, changes);
  const e = b.descriptor.entity;
  await recordAudit(db, actor, {
    action: `${e}.update`,
    entityType: e,
    entityId: id,
    before: Object.fromEntries(Object.keys(changes).map((k) => [k, before[k] ?? null])),
    after: changes,
  });
  return viewOf(row);
}

export async function deleteLogEntry(db: DbOrTx, b: LogBinding, actor: Actor, id: string): Promise<void> {
  const before = (await getLogRow(db, b, id)).values;
  await deleteLogRow(db, b, id);
  const e = b.descriptor.entity;
  await recordAudit(db, actor, { action: `${e}.delete`, entityType: e, entityId: id, before });
}
