/**
 * Global setup of the database suite: one migrated PGlite data directory, dumped to a tar file once
 * per run. `createTestDatabase` (test/helpers/db.ts) starts each file's database from it, which
 * skips initdb and the migrations (about a second instead of three per database). Not used with
 * TEST_DATABASE_URL (npm run test:pg): there each file gets a database on the server.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import type { TestProject } from "vitest/node";
import { MIGRATIONS_DIR } from "../../server/db/client.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** The migrated PGlite data directory as a tar file, or "" when the suite runs on PostgreSQL. */
    pgliteTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) {
    project.provide("pgliteTemplate", "");
    return () => undefined;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-pglite-template-"));
  const file = path.join(dir, "migrated.tar");
  const client = new PGlite();
  await client.waitReady;
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_DIR });
  const dump = await client.dumpDataDir("none");
  await client.close();
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
