import { importProblems, type RowProblem } from "../../core/logs/import-errors.js";
import type { DbOrTx } from "../db/client.js";
import { importBatches } from "../db/schema/index.js";
import { AppError } from "../errors.js";
import type { Actor } from "./access.js";
import { type CsvColumn, CsvError, type CsvTable, readCsvTable } from "./csv.js";

/** Reads an uploaded CSV into typed rows; a file that cannot be read at all is a 400 naming its line. */
export function readCsvOrReject<K extends string>(bytes: Uint8Array, columns: readonly CsvColumn<K>[]): CsvTable<K> {
  try {
    return readCsvTable(bytes, columns);
  } catch (e) {
    if (e instanceof CsvError) throw new AppError("validation_failed", e.message, [{ path: "file", line: e.line, message: e.message }]);
    throw e;
  }
}

/** All or nothing: any problem in any row rejects the whole file, every problem with its line. */
export function rejectIfProblems(problems: readonly RowProblem[]): void {
  if (problems.length === 0) return;
  const report = importProblems(problems);
  throw new AppError("validation_failed", report.message, report.details);
}

export interface ImportCounts {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Records one accepted log import (what was read and what it will change) in `import_batches`,
 * for the rows to point at. Call after `rejectIfProblems`, in the import's transaction.
 */
export async function recordImportBatch(
  db: DbOrTx,
  actor: Actor,
  o: {
    kind: string;
    fileName?: string | null;
    encoding: string;
    rowsRead: number;
    plan: { inserts: unknown[]; updates: unknown[]; unchanged: unknown[] };
  },
): Promise<{ batchId: string; counts: ImportCounts }> {
  const counts: ImportCounts = {
    rowsRead: o.rowsRead,
    inserted: o.plan.inserts.length,
    updated: o.plan.updates.length,
    unchanged: o.plan.unchanged.length,
  };
  const [batch] = await db
    .insert(importBatches)
    .values({ kind: o.kind, fileName: o.fileName ?? null, encoding: o.encoding, ...counts, createdBy: actor.label })
    .returning({ id: importBatches.id });
  if (!batch) throw new Error("insert returned no row");
  return { batchId: batch.id, counts };
}
