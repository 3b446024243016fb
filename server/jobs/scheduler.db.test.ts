import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/helpers/db.js";
import { loadConfig } from "../config.js";
import type { Database } from "../db/client.js";
import { privacyJobs } from "../modules/privacy/privacy.jobs.js";
import { PURGE_JOB } from "../modules/privacy/purge.service.js";
import { findJobRun } from "./job-runs.js";
import { type JobLog, jobLockId, registeredJobs, registerJob, type ScheduledJob, startScheduledJobs } from "./scheduler.js";

let database: Database;
const config = loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "test" });
beforeAll(async () => {
  database = await createTestDatabase();
  // As main.ts does: the privacy module's purge is the registered job these tests run.
  for (const job of privacyJobs) registerJob(job);
});
afterAll(async () => database?.close());

/** A clock the test moves, and a timer the test fires. */
function fakes(start: string) {
  let now = new Date(start);
  const timers: { fn: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    now: () => now,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    setTimer: (fn: () => void, ms: number) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    timers,
  };
}

const logged: string[] = [];
const log: JobLog = { info: (_o, msg) => logged.push(msg), error: (_o, msg) => logged.push(msg) };
const HOUR = 3_600_000;

describe("scheduled jobs", () => {
  it("runs the purge at start, then only when a day has passed since the last run", async () => {
    const f = fakes("2018-03-15T02:00:00Z");
    const scheduler = startScheduledJobs({ db: database.db, config, now: f.now, setTimer: f.setTimer, log });
    expect(await scheduler.ready).toEqual([{ job: PURGE_JOB, status: "ran", result: { asOf: "2018-03-15", purged: 0, remaining: 0 } }]);
    expect(f.timers).toHaveLength(1);
    expect(f.timers[0]?.ms).toBe(HOUR);

    f.advance(23 * HOUR);
    f.timers[0]?.fn();
    expect(await scheduler.runDue()).toEqual([{ job: PURGE_JOB, status: "not_due" }]);

    f.advance(HOUR);
    expect(await scheduler.runDue()).toEqual([expect.objectContaining({ status: "ran" })]);
    expect(await findJobRun(database.db, PURGE_JOB)).toMatchObject({ lastRunAt: "2018-03-16T02:00:00.000Z" });

    await scheduler.stop();
    expect(f.timers[0]?.cancelled).toBe(true);
  });

  it("does not run a job again at start when another process ran it less than a day ago", async () => {
    const f = fakes("2018-03-16T10:00:00Z");
    const scheduler = startScheduledJobs({ db: database.db, config, now: f.now, setTimer: f.setTimer, log });
    expect(await scheduler.ready).toEqual([{ job: PURGE_JOB, status: "not_due" }]);
    await scheduler.stop();
  });

  it("logs a failing job, keeps going, and tries it again at the next check", async () => {
    const f = fakes("2018-03-16T10:00:00Z");
    let calls = 0;
    const flaky: ScheduledJob = {
      name: "test.flaky",
      everyMs: 24 * HOUR,
      run: async () => {
        calls++;
        throw new Error("boom");
      },
    };
    const scheduler = startScheduledJobs({ db: database.db, config, now: f.now, setTimer: f.setTimer, log, jobs: [flaky] });
    expect(await scheduler.ready).toEqual([{ job: "test.flaky", status: "failed", error: "boom" }]);
    expect(logged.some((m) => m.includes("test.flaky failed"))).toBe(true);
    expect(await findJobRun(database.db, "test.flaky")).toBeNull();
    await scheduler.runDue();
    expect(calls).toBe(2);
    await scheduler.stop();
  });

  it("records the last run and the result of every job in job_runs", async () => {
    const f = fakes("2018-03-16T10:00:00Z");
    const counter: ScheduledJob = { name: "test.counter", everyMs: HOUR, run: async () => ({ counted: 3 }) };
    const scheduler = startScheduledJobs({ db: database.db, config, now: f.now, setTimer: f.setTimer, log, jobs: [counter] });
    expect(await scheduler.ready).toEqual([{ job: "test.counter", status: "ran", result: { counted: 3 } }]);
    expect(await findJobRun(database.db, "test.counter")).toEqual({
      job: "test.counter",
      lastRunAt: "2018-03-16T10:00:00.000Z",
      lastResult: { counted: 3 },
      lastRunBy: null,
    });
    await scheduler.stop();
  });

  it("refuses a second job under a name already registered", () => {
    const twin: ScheduledJob = { name: PURGE_JOB, everyMs: HOUR, run: async () => null };
    expect(() => registerJob(twin)).toThrow(/Two scheduled jobs are named/);
    for (const job of privacyJobs) registerJob(job);
    expect(registeredJobs().map((j) => j.name)).toEqual([PURGE_JOB]);
  });

  it("gives each job its own stable advisory-lock id", () => {
    expect(jobLockId(PURGE_JOB)).toBe(jobLockId("privacy.purge-personal-data"));
    expect(jobLockId(PURGE_JOB)).not.toBe(jobLockId("test.flaky"));
    expect(Number.isInteger(jobLockId(PURGE_JOB))).toBe(true);
  });
});
