import { isRecord } from "../guards.js";

/**
 * The upsert rule every log's CSV import follows, as a pure function (the database part only
 * writes what this decides):
 *
 * - A row with an id updates the record with that id, or creates it with that id when there is
 *   none (an exported file round-trips, also into another installation).
 * - A row without an id is matched by the log's natural key (e.g. date + kind + title + home
 *   municipality): no match creates a record, one match updates it, several are an error.
 * - A row whose values equal the record's is unchanged (a re-import changes nothing).
 * - Two rows in one file with the same id or the same natural key are an error, as is a row with an
 *   id whose natural key belongs to another record.
 */
export interface IncomingRow<T> {
  line: number;
  id: string | null;
  key: string;
  values: T;
}

export interface ExistingRow<T> {
  id: string;
  key: string;
  values: T;
}

export interface ImportPlan<T> {
  inserts: { line: number; id: string | null; key: string; values: T }[];
  updates: { line: number; id: string; before: T; after: T }[];
  unchanged: { line: number; id: string }[];
  errors: { line: number; message: string }[];
}

/** Counts an import reports (and the import batch row stores). */
export type { ImportSummary } from "./import-schemas.js";

/** Structural equality of plain values (primitives, arrays, plain objects). */
export function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValues(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && sameValues(a[k], b[k]));
  }
  return false;
}

export function planImport<T>(incoming: readonly IncomingRow<T>[], existing: readonly ExistingRow<T>[]): ImportPlan<T> {
  const plan: ImportPlan<T> = { inserts: [], updates: [], unchanged: [], errors: [] };
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byKey = new Map<string, ExistingRow<T>[]>();
  for (const e of existing) byKey.set(e.key, [...(byKey.get(e.key) ?? []), e]);
  const seenIds = new Map<string, number>();
  const seenKeys = new Map<string, number>();

  for (const row of incoming) {
    const idLine = row.id ? seenIds.get(row.id) : undefined;
    if (idLine !== undefined) {
      plan.errors.push({ line: row.line, message: `the same id as line ${idLine}` });
      continue;
    }
    const keyLine = seenKeys.get(row.key);
    if (keyLine !== undefined) {
      plan.errors.push({ line: row.line, message: `the same record as line ${keyLine}; combine the rows or tell them apart` });
      continue;
    }
    if (row.id) seenIds.set(row.id, row.line);
    seenKeys.set(row.key, row.line);
    const sameKey = byKey.get(row.key) ?? [];
    let target: ExistingRow<T> | undefined;
    if (row.id) {
      target = byId.get(row.id);
      const other = sameKey.find((e) => e.id !== row.id);
      if (other) {
        plan.errors.push({ line: row.line, message: `another record (${other.id}) already has these key fields` });
        continue;
      }
    } else if (sameKey.length > 1) {
      plan.errors.push({ line: row.line, message: `${sameKey.length} records match; export them and import with the id column` });
      continue;
    } else {
      target = sameKey[0];
    }
    if (!target) plan.inserts.push({ line: row.line, id: row.id, key: row.key, values: row.values });
    else if (sameValues(target.values, row.values)) plan.unchanged.push({ line: row.line, id: target.id });
    else plan.updates.push({ line: row.line, id: target.id, before: target.values, after: row.values });
  }
  return plan;
}
