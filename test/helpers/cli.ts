import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { runCli } from "../../server/cli.js";
import { prepareEmbeddedDataDir } from "./db.js";

/**
 * Points the CLI at an embedded database in a fresh temporary DATA_DIR for this test file (and
 * restores the environment after). Returns a getter for the directory. The directory starts with
 * a copy of the suite's migrated database when there is one, so the first command does not wait
 * for initdb (a first start is server/main.db.test.ts's subject).
 */
export function cliDataDirForFile(prefix: string): () => string {
  let dir = "";
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    await prepareEmbeddedDataDir(dir);
    process.env.DATA_DIR = dir;
    process.env.DATABASE_URL = "";
  });
  afterAll(() => {
    process.env.DATA_DIR = saved.DATA_DIR;
    process.env.DATABASE_URL = saved.DATABASE_URL;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}

/** Runs one CLI command and collects its exit code and output. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}
