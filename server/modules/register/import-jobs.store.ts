import { and, desc, eq, inArray } from "drizzle-orm";
import type { ImportJob, ImportJobState } from "../../../core/api/register.js";
import type { DbOrTx } from "../../db/client.js";
import { registerImportJobs } from "../../db/schema/index.js";

/** Upload import jobs as rows (server/db/schema/register.ts): every query on them lives here. */

export type ImportJobRow = typeof registerImportJobs.$inferSelect;
export type NewImportJob = typeof registerImportJobs.$inferInsert;

/** States from which a job may be run again or given up. */
export const RESUMABLE_STATES: readonly ImportJobState[] = ["interrupted", "failed"];

export function toImportJobView(r: ImportJobRow): ImportJob {
  return {
    id: r.id,
    status: r.status,
    fileName: r.fileName,
    bytesRead: r.bytesRead,
    totalBytes: r.totalBytes,
    records: r.records,
    startedAt: (r.startedAt ?? r.createdAt).toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
    createdBy: r.createdBy,
    options: r.options,
    summary: r.summary,
    error: r.error,
    canResume: RESUMABLE_STATES.includes(r.status) && r.uploadPath !== null,
  };
}

export async function insertImportJob(db: DbOrTx, job: NewImportJob): Promise<ImportJobRow> {
  const [row] = await db.insert(registerImportJobs).values(job).returning();
  if (!row) throw new Error("insert into register_import_jobs returned no row");
  return row;
}

export async function selectImportJob(db: DbOrTx, id: string): Promise<ImportJobRow | null> {
  const [row] = await db.select().from(registerImportJobs).where(eq(registerImportJobs.id, id));
  return row ?? null;
}

export async function selectImportJobs(db: DbOrTx, limit: number): Promise<ImportJobRow[]> {
  return db.select().from(registerImportJobs).orderBy(desc(registerImportJobs.createdAt), desc(registerImportJobs.id)).limit(limit);
}

/** Updates a job; with `from`, only while it is in one of those states (null: it was not). */
export async function updateImportJob(
  db: DbOrTx,
  id: string,
  set: Partial<Omit<NewImportJob, "id" | "createdAt">>,
  from?: readonly ImportJobState[],
): Promise<ImportJobRow | null> {
  const where = from ? and(eq(registerImportJobs.id, id), inArray(registerImportJobs.status, [...from])) : eq(registerImportJobs.id, id);
  const [row] = await db
    .update(registerImportJobs)
    .set({ ...set, updatedAt: new Date() })
    .where(where)
    .returning();
  return row ?? null;
}

/** Jobs a stopped process left queued or running become interrupted; returns them. */
export async function interruptUnfinishedImportJobs(db: DbOrTx): Promise<ImportJobRow[]> {
  return db
    .update(registerImportJobs)
    .set({
      status: "interrupted",
      error: { message: "The server stopped before the import finished; resume it or discard it.", line: null },
      finishedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(inArray(registerImportJobs.status, ["queued", "running"]))
    .returning();
}
