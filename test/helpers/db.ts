import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../server/db/client.js";

/**
 * The migrated data directory test/setup/pglite-template.ts dumped for this run (read once per
 * worker), for openDatabase's loadDataDir; undefined without the global setup or on PostgreSQL.
 */
let template: Blob | undefined;
export function pgliteTemplate(): Blob | undefined {
  const file = inject("pgliteTemplate");
  if (!file) return undefined;
  template ??= new Blob([fs.readFileSync(file)]);
  return template;
}

/**
 * Puts a copy of the migrated template into `dataDir` as its embedded database (DATA_DIR/pgdata),
 * so that opening it reopens instead of running initdb. Returns false (and writes nothing) when
 * there is no template.
 */
export async function prepareEmbeddedDataDir(dataDir: string): Promise<boolean> {
  const loadDataDir = pgliteTemplate();
  if (!loadDataDir) return false;
  fs.mkdirSync(dataDir, { recursive: true });
  const copy = new PGlite({ dataDir: path.join(dataDir, "pgdata"), loadDataDir });
  await copy.waitReady;
  await copy.close();
  return true;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default (started from the
 * suite's migrated template when the global setup made one), or a new database on the PostgreSQL
 * server in TEST_DATABASE_URL (npm run test:pg), dropped again on close.
 */
export async function createTestDatabase(): Promise<Database> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openDatabase({ loadDataDir: pgliteTemplate() });
  const name = `nk_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString() });
  return {
    ...database,
    async close() {
      await database.close();
      await dropTestDatabase(serverUrl, name);
    },
  };
}

export const engineName = () => (process.env.TEST_DATABASE_URL ? "postgres" : "pglite");

/**
 * Drops a test database. `with (force)` ends the test's own leftover connections, but fails when
 * the server's autovacuum happens to be working in that database (a non-superuser may not signal
 * it); a plain drop then cancels autovacuum itself, so retry that way.
 */
export async function dropTestDatabase(serverUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(attempt === 0 ? `drop database if exists ${name} with (force)` : `drop database if exists ${name}`);
        return;
      } catch (e) {
        if (attempt >= 5) throw e;
        await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
      }
    }
  } finally {
    await c.end();
  }
}
