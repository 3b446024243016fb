import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ImportJob, ImportJobOptions, ImportSummary } from "../../../core/api/register.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import type { Actor } from "../audit/index.js";
import { importRegisterFile } from "./import.service.js";
import {
  type ImportJobRow,
  insertImportJob,
  interruptUnfinishedImportJobs,
  RESUMABLE_STATES,
  selectImportJob,
  selectImportJobs,
  toImportJobView,
  updateImportJob,
} from "./import-jobs.store.js";

/**
 * Upload imports as database rows: an upload is written to DATA_DIR/uploads, a job row is made
 * (queued), and the import runs in the background, saving its progress. A failed job keeps its
 * upload so it can be resumed; success or discarding removes the file. After a restart the jobs
 * the stopped process left running are marked interrupted (`recoverImportJobs`, at start).
 */

/** How often (at most) the background import writes its progress to the job row. */
const PROGRESS_EVERY_MS = 500;
/** The summary's problem list is cut to this length in the job (the snapshot keeps 1000). */
const JOB_PROBLEMS = 200;

export const uploadsDir = (dataDir: string) => path.join(dataDir, "uploads");

/** A name safe to show and store (the client's file name). */
export const safeFileName = (name: string | undefined) => (name ?? "upload").replace(/[^\w.\-æøåÆØÅ ]/g, "_");

/** Streams an upload into DATA_DIR/uploads and records it as a queued job. */
export async function createImportJob(
  db: Db,
  o: { dataDir: string; body: Readable; fileName?: string; options: ImportJobOptions; actor: Actor },
): Promise<ImportJob> {
  const dir = uploadsDir(o.dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const id = randomUUID();
  const file = path.join(dir, `register-${id}`);
  try {
    await pipeline(o.body, fs.createWriteStream(file));
  } catch (err) {
    fs.rmSync(file, { force: true });
    throw err;
  }
  const row = await insertImportJob(db, {
    id,
    status: "queued",
    fileName: safeFileName(o.fileName),
    uploadPath: file,
    options: o.options,
    totalBytes: fs.statSync(file).size,
    createdBy: o.actor.label,
    createdById: o.actor.userId,
  });
  return toImportJobView(row);
}

/** Runs a queued job to its end (succeeded or failed); never throws for a failed import. */
export async function runImportJob(db: Db, id: string, actor: Actor): Promise<ImportJob> {
  const job = await updateImportJob(
    db,
    id,
    { status: "running", startedAt: new Date(), finishedAt: null, bytesRead: 0, records: 0, summary: null, error: null },
    ["queued"],
  );
  if (!job) throw new AppError("conflict", "This import is not queued");
  const file = job.uploadPath;
  if (!file || !fs.existsSync(file)) return toImportJobView(await fail(db, job, { message: "The uploaded file is gone", line: null }));
  let lastWrite = 0;
  let writing: Promise<unknown> = Promise.resolve();
  try {
    const summary = await importRegisterFile(db, file, {
      kind: job.options.kind,
      asOf: job.options.asOf,
      scope: job.options.scope,
      naceVersion: job.options.nace,
      actor,
      sourceName: job.fileName,
      onProgress: (p) => {
        const now = Date.now();
        if (now - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = now;
        writing = writing
          .then(() => updateImportJob(db, id, { bytesRead: p.bytesRead, records: p.records }, ["running"]))
          .catch(() => undefined);
      },
    });
    await writing;
    fs.rmSync(file, { force: true });
    const done = await updateImportJob(db, id, {
      status: "succeeded",
      bytesRead: job.totalBytes,
      records: summary.read,
      summary: cutProblems(summary),
      uploadPath: null,
      finishedAt: new Date(),
    });
    return toImportJobView(done ?? job);
  } catch (err) {
    await writing;
    return toImportJobView(await fail(db, job, errorOf(err)));
  }
}

async function fail(db: Db, job: ImportJobRow, error: { message: string; line: number | null }): Promise<ImportJobRow> {
  return (await updateImportJob(db, job.id, { status: "failed", error, finishedAt: new Date() })) ?? job;
}

function cutProblems(s: ImportSummary): ImportSummary {
  return { ...s, problems: s.problems.slice(0, JOB_PROBLEMS) };
}

function errorOf(err: unknown): { message: string; line: number | null } {
  if (err instanceof Error) {
    const line = "line" in err && typeof err.line === "number" ? err.line : null;
    return { message: err.message, line };
  }
  return { message: String(err), line: null };
}

export async function getImportJob(db: Db, id: string): Promise<ImportJob> {
  const row = await selectImportJob(db, id);
  if (!row) throw new AppError("not_found", "No such import");
  return toImportJobView(row);
}

export async function findImportJobs(db: Db, limit = 50): Promise<ImportJob[]> {
  return (await selectImportJobs(db, limit)).map(toImportJobView);
}

/** Queues an interrupted or failed job again (its upload must still be there); run it with runImportJob. */
export async function resumeImportJob(db: Db, id: string): Promise<ImportJob> {
  const row = await selectImportJob(db, id);
  if (!row) throw new AppError("not_found", "No such import");
  if (!RESUMABLE_STATES.includes(row.status)) throw new AppError("conflict", `An import that is ${row.status} cannot be resumed`);
  if (!row.uploadPath || !fs.existsSync(row.uploadPath))
    throw new AppError("conflict", "The uploaded file of this import is gone: upload it again");
  const queued = await updateImportJob(db, id, { status: "queued", error: null, finishedAt: null }, RESUMABLE_STATES);
  if (!queued) throw new AppError("conflict", "The import changed state meanwhile");
  return toImportJobView(queued);
}

/** Gives up an interrupted or failed job: its upload is deleted, the row stays as the record. */
export async function discardImportJob(db: Db, id: string): Promise<ImportJob> {
  const row = await selectImportJob(db, id);
  if (!row) throw new AppError("not_found", "No such import");
  if (!RESUMABLE_STATES.includes(row.status)) throw new AppError("conflict", `An import that is ${row.status} cannot be discarded`);
  if (row.uploadPath) fs.rmSync(row.uploadPath, { force: true });
  const discarded = await updateImportJob(db, id, { status: "discarded", uploadPath: null, finishedAt: new Date() }, RESUMABLE_STATES);
  if (!discarded) throw new AppError("conflict", "The import changed state meanwhile");
  return toImportJobView(discarded);
}

/** At start: jobs a stopped process left queued or running become interrupted (their uploads are kept). */
export async function recoverImportJobs(db: Db): Promise<number> {
  return (await interruptUnfinishedImportJobs(db)).length;
}
