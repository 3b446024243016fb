import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db.js";
import { loadConfig } from "../config.js";
import type { Database } from "../db/client.js";
import { PURGE_JOB } from "../modules/privacy/purge.service.js";
import { jobLockId, runJobIfDue, type ScheduledJob } from "./scheduler.js";

/*
 * PostgreSQL only (run by `npm run test:pg`): PGlite is one connection, so a second transaction
 * waits for the first instead of finding the lock taken — there is no "other process" to race.
 */
let database: Database;
const config = loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "test" });
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.close());

describe("scheduled jobs on a shared PostgreSQL", () => {
  // PGlite is one connection: a second transaction would wait for the first instead of finding the lock taken.
  it("skips a job whose lock another process holds", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => {
      locked = r;
    });
    const holder = database.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${jobLockId(PURGE_JOB)})`);
      locked();
      await held;
    });
    await lockTaken;
    const job: ScheduledJob = { name: PURGE_JOB, everyMs: 0, run: async () => "ran" };
    expect(await runJobIfDue(database.db, job, new Date(), config)).toEqual({ job: PURGE_JOB, status: "locked" });
    release();
    await holder;
  });
});
