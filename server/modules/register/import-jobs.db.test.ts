import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db.js";
import type { Database } from "../../db/client.js";
import { SYSTEM_ACTOR } from "../audit/audit.service.js";
import {
  createImportJob,
  discardImportJob,
  getImportJob,
  recoverImportJobs,
  resumeImportJob,
  runImportJob,
  uploadsDir,
} from "./import-jobs.service.js";
import { updateImportJob } from "./import-jobs.store.js";

const FILE = "test/fixtures/brreg/synthetic-enheter-problems.json";

let database: Database;
let dataDir: string;
beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-jobs-"));
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** An upload recorded as a job, then "running" as the import would make it. */
async function runningJob(fileName: string) {
  const job = await createImportJob(database.db, {
    dataDir,
    body: fs.createReadStream(FILE),
    fileName,
    options: { nace: "SN2007", asOf: "2024-01-02" },
    actor: SYSTEM_ACTOR,
  });
  await updateImportJob(database.db, job.id, { status: "running", startedAt: new Date(), records: 3 });
  return job;
}

const uploadOf = (id: string) => path.join(uploadsDir(dataDir), `register-${id}`);

describe("register import jobs", () => {
  it("keeps a job across a restart as interrupted and resumes it from its kept upload", async () => {
    const job = await runningJob("enheter.json");
    expect(fs.existsSync(uploadOf(job.id))).toBe(true);

    // A restart: the startup recovery runs again on the same database.
    expect(await recoverImportJobs(database.db)).toBe(1);
    const interrupted = await getImportJob(database.db, job.id);
    expect(interrupted).toMatchObject({
      status: "interrupted",
      fileName: "enheter.json",
      totalBytes: fs.statSync(FILE).size,
      records: 3,
      createdBy: SYSTEM_ACTOR.label,
      options: { nace: "SN2007", asOf: "2024-01-02" },
      canResume: true,
    });
    expect(interrupted.error?.message).toMatch(/stopped/);

    expect((await resumeImportJob(database.db, job.id)).status).toBe("queued");
    const done = await runImportJob(database.db, job.id, SYSTEM_ACTOR);
    expect(done).toMatchObject({ status: "succeeded", error: null, canResume: false, summary: { kind: "enheter", asOf: "2024-01-02" } });
    expect(done.finishedAt).not.toBeNull();
    expect(fs.existsSync(uploadOf(job.id))).toBe(false);
  });

  it("discards an interrupted job and deletes its upload", async () => {
    const job = await runningJob("cut.json");
    await recoverImportJobs(database.db);
    const discarded = await discardImportJob(database.db, job.id);
    expect(discarded).toMatchObject({ status: "discarded", canResume: false });
    expect(fs.existsSync(uploadOf(job.id))).toBe(false);
    await expect(resumeImportJob(database.db, job.id)).rejects.toMatchObject({ code: "conflict" });
  });
});
