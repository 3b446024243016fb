import { asc, eq } from "drizzle-orm";
import type { JobRunView } from "../../core/api/privacy.js";
import type { DbOrTx } from "../db/client.js";
import { jobRuns } from "../db/schema/index.js";

/** The last run of each scheduled job, shared by every app process through the database. */
export type { JobRunView };

type JobRunRow = typeof jobRuns.$inferSelect;

const toView = (r: JobRunRow): JobRunView => ({
  job: r.job,
  lastRunAt: r.lastRunAt.toISOString(),
  lastResult: r.lastResult,
  lastRunBy: r.lastRunBy,
});

export async function recordJobRun(db: DbOrTx, job: string, at: Date, result: unknown, byUserId: string | null = null): Promise<void> {
  const values = { lastRunAt: at, lastResult: result ?? null, lastRunBy: byUserId };
  await db
    .insert(jobRuns)
    .values({ job, ...values })
    .onConflictDoUpdate({ target: jobRuns.job, set: values });
}

export async function findJobRun(db: DbOrTx, job: string): Promise<JobRunView | null> {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.job, job)).limit(1);
  return row ? toView(row) : null;
}

export async function findJobRuns(db: DbOrTx): Promise<JobRunView[]> {
  return (await db.select().from(jobRuns).orderBy(asc(jobRuns.job))).map(toView);
}
