/**
 * A log's CSV, derived from its descriptor: the columns (an `ID` column, then one per field with
 * the descriptor's header and aliases), export, and the all-or-nothing import that matches rows by
 * id or by the descriptor's natural key (core/logs/import-plan.ts). Import = export.
 */
import type { LogDescriptor, LogField, LogValues } from "../../../core/logs/descriptor.js";
import { naturalKeyOf } from "../../../core/logs/descriptor.js";
import type { RowProblem } from "../../../core/logs/import-errors.js";
import { type ImportSummary, planImport } from "../../../core/logs/import-plan.js";
import { codeFromLabel, labelList, labelOf } from "../../../core/logs/labels.js";
import { isValidOrgnr, normalizeOrgnr } from "../../../core/logs/orgnr.js";
import { normalizeSchoolYear } from "../../../core/logs/school-year.js";
import type { DbOrTx } from "../../db/client.js";
import type { CsvColumn, CsvType, CsvValue } from "../../lib/csv.js";
import { writeCsv } from "../../lib/csv.js";
import { readCsvOrReject, recordImportBatch, rejectIfProblems } from "../../lib/csv-import.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { findLogRows, insertLogRows, type LogBinding, updateLogRow } from "./log-table.js";

const csvType = (f: LogField): CsvType => (f.type === "integer" ? "integer" : f.type === "date" ? "date" : "text");

/** The CSV columns of a log: `ID`, then the fields in declaration order. */
export function csvColumnsOf(d: LogDescriptor): CsvColumn[] {
  return [
    { key: "id", header: "ID", type: "text" },
    ...Object.entries(d.fields).map(([key, f]) => ({
      key,
      header: f.csv.header,
      type: csvType(f),
      ...(f.optional ? {} : { required: true }),
      ...(f.csv.aliases ? { aliases: [...f.csv.aliases] } : {}),
    })),
  ];
}

/** A field value as its CSV cell (enum codes as their first label). */
function cellOf(f: LogField, v: LogValues[string]): CsvValue {
  if (v === null) return null;
  return f.type === "enum" ? labelOf(String(v), f.labels) : v;
}

export async function exportLogCsv(db: DbOrTx, b: LogBinding, filters: Record<string, unknown>): Promise<Buffer> {
  const d = b.descriptor;
  const rows = await findLogRows(db, b, filters);
  return writeCsv(
    csvColumnsOf(d),
    rows.map((r) => ({ id: r.id, ...Object.fromEntries(Object.entries(d.fields).map(([k, f]) => [k, cellOf(f, r.values[k] ?? null)])) })),
  );
}

/** A cell as the field's value, or a problem; null cells are left to the required check of the codec. */
function fieldValue(f: LogField, cell: CsvValue, line: number, problems: RowProblem[]): LogValues[string] {
  if (cell === null) return null;
  const column = f.csv.header;
  const raw = String(cell);
  switch (f.type) {
    case "schoolYear": {
      const id = normalizeSchoolYear(raw);
      if (!id) problems.push({ line, column, message: `"${raw}" is not a school year like 2016/17` });
      return id;
    }
    case "enum": {
      const code = codeFromLabel(raw, f.labels);
      if (!code) problems.push({ line, column, message: `"${raw}" is not ${labelList(f.labels)}` });
      return code;
    }
    case "orgnr": {
      const orgnr = normalizeOrgnr(raw);
      if (!isValidOrgnr(orgnr)) problems.push({ line, column, message: `"${raw}" is not a valid organisation number` });
      return orgnr;
    }
    case "integer": {
      const n = Number(cell);
      if (f.min !== undefined && n < f.min) problems.push({ line, column, message: `must be at least ${f.min}` });
      if (f.max !== undefined && n > f.max) problems.push({ line, column, message: `must be at most ${f.max}` });
      return n;
    }
    case "text":
      if (raw.length > (f.max ?? 300)) problems.push({ line, column, message: `longer than ${f.max ?? 300} characters` });
      return raw;
    case "date":
      return raw;
  }
}

function rowValues(d: LogDescriptor, v: Record<string, CsvValue>, line: number, problems: RowProblem[]): LogValues | null {
  const start = problems.length;
  const values: LogValues = {};
  for (const [name, f] of Object.entries(d.fields)) values[name] = fieldValue(f, v[name] ?? null, line, problems);
  const id = v.id ?? null;
  if (id !== null && !isUuid(String(id))) problems.push({ line, column: "ID", message: `"${id}" is not an id from an export` });
  return problems.length > start ? null : values;
}

/** Imports all or nothing; re-importing the same file (or an export) changes nothing. */
export async function importLogCsv(
  db: DbOrTx,
  b: LogBinding,
  actor: Actor,
  bytes: Uint8Array,
  opts: { fileName?: string } = {},
): Promise<ImportSummary> {
  const d = b.descriptor;
  const table = readCsvOrReject(bytes, csvColumnsOf(d));
  const problems: RowProblem[] = [...table.errors];
  const incoming = [];
  for (const row of table.rows) {
    const values = rowValues(d, row.values, row.line, problems);
    const id = row.values.id ?? null;
    if (values) incoming.push({ line: row.line, id: id === null ? null : String(id), key: naturalKeyOf(d, values), values });
  }
  const existing = (await findLogRows(db, b)).map((r) => ({ id: r.id, key: naturalKeyOf(d, r.values), values: r.values }));
  const plan = planImport(incoming, existing);
  problems.push(...plan.errors);
  rejectIfProblems(problems);
  const { batchId, counts } = await recordImportBatch(db, actor, {
    kind: d.importKind,
    fileName: opts.fileName,
    encoding: table.encoding,
    rowsRead: table.rows.length,
    plan,
  });
  for (let i = 0; i < plan.inserts.length; i += 500) await insertLogRows(db, b, plan.inserts.slice(i, i + 500), batchId);
  for (const u of plan.updates) await updateLogRow(db, b, u.id, u.after, batchId);
  await recordAudit(db, actor, {
    action: `${d.entity}.import`,
    entityType: "import_batch",
    entityId: batchId,
    after: {
      fileName: opts.fileName ?? null,
      ...counts,
      updated: plan.updates.map((u) => ({ id: u.id, before: u.before, after: u.after })),
    },
  });
  return { batchId, encoding: table.encoding, ...counts };
}
