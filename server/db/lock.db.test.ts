import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prepareEmbeddedDataDir } from "../../test/helpers/db.js";
import { type Database, openDatabase } from "./client.js";

/**
 * The embedded database directory may be opened by one process only. These tests always use an
 * embedded database in a temporary directory, whatever TEST_DATABASE_URL says, and real child
 * processes (test/helpers/hold-db.ts) as the other holder.
 */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const HOLD_SCRIPT = path.join(REPO_ROOT, "test", "helpers", "hold-db.ts");

const tempDirs: string[] = [];
const children: ChildProcess[] = [];
const opened: Database[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-lock-test-"));
  tempDirs.push(dir);
  return dir;
}

const lockFile = (dir: string) => path.join(dir, "pglite.lock");

/**
 * A directory with a migrated embedded database, made once (from the suite's template, or by a
 * first open: initdb costs seconds). Tests start from copies of it, so opening one only reopens
 * an existing database.
 */
let template = "";
beforeAll(async () => {
  template = tempDir();
  if (await prepareEmbeddedDataDir(template)) return;
  const database = await openDatabase({ dataDir: template });
  await database.close();
  expect(fs.existsSync(lockFile(template))).toBe(false);
});

/** A temporary DATA_DIR holding a copy of the template's database (and no lock file). */
function preparedDir(): string {
  const dir = tempDir();
  fs.cpSync(path.join(template, "pgdata"), path.join(dir, "pgdata"), { recursive: true });
  return dir;
}

async function open(dir: string): Promise<Database> {
  const database = await openDatabase({ dataDir: dir });
  opened.push(database);
  return database;
}

async function closeAll(): Promise<void> {
  while (opened.length > 0) await opened.pop()?.close();
}

/** Starts a process that opens the database in `dir` and holds it; resolves once it says READY. */
function holdDatabase(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", HOLD_SCRIPT, dir], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("READY")) resolve(child);
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => reject(new Error(`holder exited early (code ${code}, signal ${signal}):\n${out}\n${err}`)));
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    // Wait for "exit": only then has Node reaped the process, so its pid is really gone.
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** The pid of a process that has run and exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  const pid = child.pid;
  await new Promise<void>((resolve) => child.once("exit", () => resolve()));
  if (pid === undefined) throw new Error("no pid");
  return pid;
}

afterEach(async () => {
  await closeAll();
  for (const child of children.splice(0)) await killHard(child);
});

afterAll(() => {
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("the embedded database directory lock", () => {
  it("refuses a second process at once, naming the holder's pid and DATABASE_URL as the way out", async () => {
    const dir = preparedDir();
    const holder = await holdDatabase(dir);
    expect(fs.existsSync(lockFile(dir))).toBe(true);

    const started = Date.now();
    const error = await openDatabase({ dataDir: dir }).then(
      (db) => {
        opened.push(db);
        return null;
      },
      (err: unknown) => err,
    );
    const elapsed = Date.now() - started;

    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: "database_locked" });
    const message = (error as Error).message;
    expect(message).toContain(`in use by process ${holder.pid}`);
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain(dir);
    // Behaviour, not a benchmark: it fails instead of waiting for the lock.
    expect(elapsed).toBeLessThan(5_000);
  });

  it("takes over the lock of a killed process, works, and removes the lock on close", async () => {
    const dir = preparedDir();
    const holder = await holdDatabase(dir);
    await killHard(holder);
    // SIGKILL runs no cleanup: the lock file is left behind.
    expect(fs.existsSync(lockFile(dir))).toBe(true);
    expect(fs.readFileSync(lockFile(dir), "utf8")).toContain(String(holder.pid));

    const database = await open(dir);
    const lock = JSON.parse(fs.readFileSync(lockFile(dir), "utf8")) as { pid: number };
    expect(lock.pid).toBe(process.pid);
    const result = await database.db.execute(sql`select 1 as one`);
    const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
    expect(rows).toEqual([{ one: 1 }]);

    opened.pop();
    await database.close();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
  });

  it("is released on close, so the same process can open the directory again", async () => {
    const dir = preparedDir();
    const first = await open(dir);
    opened.pop();
    await first.close();
    expect(fs.existsSync(lockFile(dir))).toBe(false);
    const again = await open(dir);
    expect(again.kind).toBe("pglite");
  });

  it.each([
    ["text that is not JSON", () => "not a lock at all"],
    ["an empty file", () => ""],
    ["JSON that is not a lock", () => "{}"],
    ["a bare number", () => "42"],
    [
      "a lock with a non-positive pid",
      () => JSON.stringify({ pid: 0, startTicks: null, hostname: os.hostname(), createdAt: "2020-01-01T00:00:00Z" }),
    ],
  ])("does not let a lock file with garbage content (%s) block", async (_label, content) => {
    const dir = preparedDir();
    fs.writeFileSync(lockFile(dir), content());
    const database = await open(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(dir), "utf8"))).toMatchObject({ pid: process.pid });
    expect(database.kind).toBe("pglite");
  });

  it("does not let the lock of a process that has exited block", async () => {
    const dir = preparedDir();
    const pid = await deadPid();
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid, startTicks: null, hostname: os.hostname(), createdAt: new Date().toISOString() }),
    );
    const database = await open(dir);
    expect(JSON.parse(fs.readFileSync(lockFile(dir), "utf8"))).toMatchObject({ pid: process.pid });
    expect(database.kind).toBe("pglite");
  });

  it.skipIf(!fs.existsSync("/proc/self/stat"))("does not let a lock whose pid now belongs to a later process block", async () => {
    const dir = preparedDir();
    // Our own pid, but with a start time that is not ours: the pid was reused after the holder died.
    fs.writeFileSync(
      lockFile(dir),
      JSON.stringify({ pid: process.pid, startTicks: "1", hostname: os.hostname(), createdAt: new Date().toISOString() }),
    );
    const database = await open(dir);
    expect(database.kind).toBe("pglite");
  });
});
