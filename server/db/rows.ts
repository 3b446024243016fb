import type { SQL } from "drizzle-orm";
import type { DbOrTx } from "./client.js";

/** Runs raw SQL and returns its rows (PGlite and node-postgres shape their results alike, typed loosely by drizzle). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}
