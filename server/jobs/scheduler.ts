import { sql } from "drizzle-orm";
import type { Config } from "../config.js";
import type { Db, DbOrTx } from "../db/client.js";
import { findJobRun, recordJobRun } from "./job-runs.js";

const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * A job the app runs on a schedule: its name (also its row in job_runs and its advisory lock), its
 * schedule and its handler. `run` gets an open transaction; when it returns, the runner records the
 * run and its result in job_runs in the same transaction: that row is how every process knows when
 * the job last ran. A job that fails records nothing and is tried again at the next check.
 */
export interface ScheduledJob {
  name: string;
  /** Run when the last run is at least this old (or there is none). */
  everyMs: number;
  run(db: DbOrTx, now: Date, config: Config): Promise<unknown>;
}

const registry = new Map<string, ScheduledJob>();

/** Adds a job to the registry the scheduler runs (modules declare their jobs; main.ts registers them). */
export function registerJob(job: ScheduledJob): void {
  const known = registry.get(job.name);
  if (known && known !== job) throw new Error(`Two scheduled jobs are named ${job.name}`);
  registry.set(job.name, job);
}

/** The registered jobs, in the order they were registered. */
export function registeredJobs(): readonly ScheduledJob[] {
  return [...registry.values()];
}

export type JobOutcome =
  | { job: string; status: "ran"; result: unknown }
  | { job: string; status: "not_due" | "locked" }
  | { job: string; status: "failed"; error: string };

export interface JobLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerOptions {
  db: Db;
  config: Config;
  /** The clock; injectable for tests. */
  now?: () => Date;
  /** Calls `fn` every `ms` and returns a cancel function; injectable for tests. */
  setTimer?: (fn: () => void, ms: number) => () => void;
  log?: JobLog;
  /** The jobs to run (default: the registered ones). */
  jobs?: readonly ScheduledJob[];
  /** How often to look for due jobs (default hourly; each job decides by its own interval). */
  checkEveryMs?: number;
}

export interface Scheduler {
  /** The run at start. */
  ready: Promise<JobOutcome[]>;
  /** Runs the jobs that are due now (what the timer calls). */
  runDue(): Promise<JobOutcome[]>;
  /** Stops the timer and waits for a run in progress. Call before closing the database. */
  stop(): Promise<void>;
}

const defaultTimer = (fn: () => void, ms: number): (() => void) => {
  const handle = setInterval(fn, ms);
  handle.unref();
  return () => clearInterval(handle);
};

const consoleLog: JobLog = {
  info: (obj, msg) => console.log(msg, JSON.stringify(obj)),
  error: (obj, msg) => console.error(msg, obj),
};

/** A stable 32-bit lock id per job name (FNV-1a), for pg_try_advisory_xact_lock. */
export function jobLockId(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

async function tryLock(tx: DbOrTx, name: string): Promise<boolean> {
  const res = await tx.execute(sql`select pg_try_advisory_xact_lock(${jobLockId(name)}) as got`);
  const rows = (Array.isArray(res) ? res : (res as { rows: unknown[] }).rows) as { got: boolean }[];
  return rows[0]?.got === true;
}

/**
 * Runs one job if it is due, in a transaction that holds the job's advisory lock: on PostgreSQL
 * with several app processes only one runs it; the others see the lock taken ("locked") or, once
 * it is committed, the fresh job_runs row ("not_due"). PGlite is one process; the same SQL works.
 */
export async function runJobIfDue(db: Db, job: ScheduledJob, now: Date, config: Config): Promise<JobOutcome> {
  return db.transaction(async (tx): Promise<JobOutcome> => {
    if (!(await tryLock(tx, job.name))) return { job: job.name, status: "locked" };
    const last = await findJobRun(tx, job.name);
    if (last && now.getTime() - Date.parse(last.lastRunAt) < job.everyMs) return { job: job.name, status: "not_due" };
    const result = await job.run(tx, now, config);
    await recordJobRun(tx, job.name, now, result);
    return { job: job.name, status: "ran", result };
  });
}

/**
 * Starts the scheduled jobs: runs those that are due at once, then looks again every hour.
 * A failing job is logged and tried again at the next check; it never stops the app.
 */
export function startScheduledJobs(options: SchedulerOptions): Scheduler {
  const { db, config } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? consoleLog;
  const jobs = options.jobs ?? registeredJobs();
  let running: Promise<JobOutcome[]> | null = null;

  async function runAll(): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (const job of jobs) {
      try {
        const outcome = await runJobIfDue(db, job, now(), config);
        if (outcome.status === "ran") log.info({ job: job.name, result: outcome.result }, `scheduled job ${job.name} ran`);
        outcomes.push(outcome);
      } catch (err) {
        log.error({ err, job: job.name }, `scheduled job ${job.name} failed; it runs again at the next check`);
        outcomes.push({ job: job.name, status: "failed", error: err instanceof Error ? err.message : String(err) });
      }
    }
    return outcomes;
  }

  function runDue(): Promise<JobOutcome[]> {
    // One run at a time per process: a check that comes during a run joins it.
    if (!running) running = runAll().finally(() => (running = null));
    return running;
  }

  const ready = runDue();
  const cancel = (options.setTimer ?? defaultTimer)(() => void runDue(), options.checkEveryMs ?? HOUR_MS);
  return {
    ready,
    runDue,
    async stop() {
      cancel();
      if (running) await running;
    },
  };
}
