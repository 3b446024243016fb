import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { acquireDirLock } from "./lock.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/** The one database type the app is written against; PGlite and node-postgres both satisfy it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: services accept either. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Where the data lives, for messages (directory, "memory" or the URL without password). */
  location: string;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");
/** Serialises migrations when several app processes start against one PostgreSQL. */
const MIGRATION_LOCK_ID = 7_312_024;

export interface DbOptions {
  databaseUrl?: string;
  /** Directory for the embedded database; omit for an in-memory database (tests). */
  dataDir?: string;
  /** In-memory only: start from this dumped data directory (PGlite's dumpDataDir) instead of initdb. */
  loadDataDir?: Blob;
}

export async function openDatabase(options: DbOptions): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const client = await pool.connect();
    try {
      await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => undefined);
      client.release();
    }
    const url = new URL(options.databaseUrl);
    url.password = "";
    return {
      db: drizzlePg(pool, { schema }),
      kind: "postgres",
      location: url.toString(),
      close: () => pool.end(),
    };
  }

  let lock: { release(): void } | undefined;
  let client: PGlite;
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    lock = acquireDirLock(path.join(options.dataDir, "pglite.lock"), options.dataDir);
    try {
      client = new PGlite(path.join(options.dataDir, "pgdata"));
      await client.waitReady;
    } catch (err) {
      lock.release();
      throw err;
    }
  } else {
    client = new PGlite({ loadDataDir: options.loadDataDir });
    await client.waitReady;
  }
  const db = drizzlePglite(client, { schema });
  try {
    await migratePglite(db, { migrationsFolder: MIGRATIONS_DIR });
  } catch (err) {
    await client.close();
    lock?.release();
    throw err;
  }
  return {
    db,
    kind: "pglite",
    location: options.dataDir ?? "memory",
    async close() {
      await client.close();
      lock?.release();
    },
  };
}
