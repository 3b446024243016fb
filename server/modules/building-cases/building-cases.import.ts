import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { buildingApplications, importBatches } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { CsvError } from "../../lib/csv.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { type ImportMapping, type ParsedRow, parseCaseCsv } from "./building-cases.csv.js";
import { loadCases, type StoredCase } from "./building-cases.load.js";
import { fieldsOf, insertCase, replaceCase, sameFields } from "./building-cases.write.js";

export interface ImportResult {
  batchId: string;
  encoding: string;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

const CHUNK = 1000;
const keyOf = (caseId: string, applicationId: string) => `${caseId}\u0000${applicationId}`;

async function existingByKey(db: DbOrTx, rows: readonly ParsedRow[]): Promise<Map<string, StoredCase>> {
  const caseIds = [...new Set(rows.map((r) => r.fields.caseId))];
  const out = new Map<string, StoredCase>();
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    for (const c of await loadCases(db, inArray(buildingApplications.caseId, caseIds.slice(i, i + CHUNK))))
      out.set(keyOf(c.caseId, c.applicationId), c);
  }
  return out;
}

/**
 * Imports a case-system CSV export, all or nothing: any bad row → validation_failed listing every
 * problem as "line N: Column" and nothing is written. Otherwise each row is upserted by (case
 * number, application id): new rows are inserted, changed rows updated (their stops replaced),
 * identical rows left alone, so importing the same file twice changes nothing. Records an import
 * batch and one audit entry.
 */
export async function importBuildingCases(
  db: DbOrTx,
  actor: Actor,
  bytes: Uint8Array,
  options: { mapping?: ImportMapping; fileName?: string } = {},
): Promise<ImportResult> {
  let parsed: ReturnType<typeof parseCaseCsv>;
  try {
    parsed = parseCaseCsv(bytes, options.mapping);
  } catch (e) {
    if (e instanceof CsvError)
      throw new AppError("validation_failed", e.message, [{ path: `line ${e.line}`, message: e.message, line: e.line }]);
    throw e;
  }
  if (parsed.errors.length > 0)
    throw new AppError(
      "validation_failed",
      `${new Set(parsed.errors.map((e) => e.line)).size} row(s) have errors; nothing was imported`,
      parsed.errors.map((e) => ({ path: e.column ? `line ${e.line}: ${e.column}` : `line ${e.line}`, message: e.message, line: e.line })),
    );

  const existing = await existingByKey(db, parsed.rows);
  const inserts: ParsedRow[] = [];
  const updates: { id: string; row: ParsedRow; before: StoredCase }[] = [];
  let unchanged = 0;
  for (const row of parsed.rows) {
    const found = existing.get(keyOf(row.fields.caseId, row.fields.applicationId));
    if (!found) inserts.push(row);
    else if (sameFields(fieldsOf(found), row.fields)) unchanged++;
    else updates.push({ id: found.id, row, before: found });
  }

  const [batch] = await db
    .insert(importBatches)
    .values({
      kind: "building_applications",
      fileName: options.fileName ?? null,
      encoding: parsed.encoding,
      rowsRead: parsed.rows.length,
      inserted: inserts.length,
      updated: updates.length,
      unchanged,
      createdBy: actor.label,
    })
    .returning({ id: importBatches.id });
  if (!batch) throw new Error("insert returned no row");
  for (const r of inserts) await insertCase(db, r.fields, batch.id);
  for (const u of updates) await replaceCase(db, u.id, u.row.fields, batch.id);

  const result: ImportResult = {
    batchId: batch.id,
    encoding: parsed.encoding,
    read: parsed.rows.length,
    inserted: inserts.length,
    updated: updates.length,
    unchanged,
  };
  await recordAudit(db, actor, {
    action: "building_case.import",
    entityType: "import_batch",
    entityId: batch.id,
    after: {
      ...result,
      fileName: options.fileName ?? null,
      inserted: inserts.map((r) => ({ line: r.line, caseId: r.fields.caseId, applicationId: r.fields.applicationId })),
      updated: updates.map((u) => ({ line: u.row.line, id: u.id, before: fieldsOf(u.before), after: u.row.fields })),
    },
  });
  return result;
}
