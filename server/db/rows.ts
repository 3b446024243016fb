import type { SQL } from "drizzle-orm";
import { isRecord } from "../../core/guards.js";
import type { DbOrTx } from "./client.js";

/** Runs raw SQL and returns its rows (PGlite and node-postgres shape their results alike, typed loosely by drizzle). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const rows = rowsOf(await db.execute(query));
  // The caller names the row shape of its own SQL; nothing here can check it.
  return rows as T[];
}

function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  if (isRecord(result) && Array.isArray(result.rows)) return result.rows;
  throw new Error("unexpected result shape from db.execute: no rows");
}
