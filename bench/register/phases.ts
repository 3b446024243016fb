// One phase of the register benchmark, run by bench/register/run.ts in its own Node process so
// each phase's peak RSS is its own: `node --import tsx bench/register/phases.ts <phase> <json options>`.
// Progress goes to stderr; the last stdout line is `RESULT {json}`.
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { sql } from "drizzle-orm";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { REGISTER_ROW_COLUMNS } from "../../core/register/types.js";
import type { Db } from "../../server/db/client.js";
// The product's modules are imported per phase (dynamic import), so a floor's process loads only
// what it uses.

export interface PhaseOptions {
  file: string;
  csvFile: string;
  databaseUrl?: string;
  runs: number;
  areaCode: string;
  /** The PGlite data directory (created by the pglite-create phase). */
  pgliteDir?: string;
}

export interface Latency {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

export interface PhaseResult {
  phase: string;
  seconds: number;
  /** Peak resident set of this process (VmHWM) in MiB, read right after the timed part. */
  peakRssMiB: number;
  /** User + system CPU seconds of this process during the timed part. */
  cpuSeconds: number;
  records?: number;
  engineVersion?: string;
  detail?: Record<string, unknown>;
  analysis?: Latency;
  ranking?: Latency;
}

/** Peak RSS of this process (Linux VmHWM), else getrusage's maxrss. */
function peakRssMiB(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024;
}

function timer() {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  return () => {
    const c = process.cpuUsage(c0);
    return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6 };
  };
}

const log = (msg: string) => process.stderr.write(`  [${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

/** Floor 1: gunzip, split the array into records, JSON.parse each; count. Nothing else. */
async function parseFloor(o: PhaseOptions): Promise<PhaseResult> {
  const { splitJsonArray } = await import("../../server/importers/brreg/json-array-stream.js");
  const stop = timer();
  let records = 0;
  const bytes = fs.createReadStream(o.file, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 20 }));
  for await (const items of splitJsonArray(bytes)) {
    for (const item of items) if (item.value) records++;
  }
  return { phase: "parse", ...stop(), peakRssMiB: peakRssMiB(), records };
}

/** The rows as COPY CSV for floor 2 (untimed preparation; see copy-rows.ts). */
async function prepareCsv(o: PhaseOptions): Promise<PhaseResult> {
  const { writeCopyCsv } = await import("./copy-rows.js");
  const { ROOT } = await import("./generate.js");
  const stop = timer();
  const rows = await writeCopyCsv(ROOT, o.file, `${o.csvFile}.partial`);
  fs.renameSync(`${o.csvFile}.partial`, o.csvFile);
  return { phase: "prepare-csv", ...stop(), peakRssMiB: peakRssMiB(), records: rows };
}

function databaseUrlFor(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Drops a database once its sessions have gone: a closed pool's backends can take a moment to
 * exit, and dropping WITH (FORCE) under them would hand the closing clients a FATAL error.
 */
async function dropWhenIdle(admin: pg.Client, name: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const n = Number(
      (await admin.query<{ n: string }>("select count(*) as n from pg_stat_activity where datname = $1", [name])).rows[0]?.n,
    );
    if (n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await admin.query(`drop database if exists ${name} with (force)`);
}

/** Creates a fresh database on the server of `url`, runs `fn` against it, drops it. */
async function withFreshDatabase<T>(url: string, label: string, fn: (dbUrl: string, version: string) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `nk_bench_${label}_${process.pid}`;
  try {
    const version = (await admin.query<{ server_version: string }>("show server_version")).rows[0]?.server_version ?? "?";
    await admin.query(`drop database if exists ${name}`);
    await admin.query(`create database ${name}`);
    try {
      return await fn(databaseUrlFor(url, name), version);
    } finally {
      await dropWhenIdle(admin, name);
    }
  } finally {
    await admin.end();
  }
}

/** Floor 2: COPY the prepared CSV into an empty, logged table without indexes (same columns and types as register_rows). */
async function copyFloor(o: PhaseOptions): Promise<PhaseResult> {
  if (!o.databaseUrl) throw new Error("copy needs DATABASE_URL");
  return withFreshDatabase(o.databaseUrl, "copy", async (dbUrl, version) => {
    const { openDatabase } = await import("../../server/db/client.js");
    const migrated = await openDatabase({ databaseUrl: dbUrl });
    await migrated.close();
    const client = new pg.Client({ connectionString: dbUrl });
    await client.connect();
    try {
      await client.query("create table copy_floor (like register_rows including defaults)");
      await client.query("alter table copy_floor alter column snapshot_id set default 1");
      const stop = timer();
      const copy = client.query(copyFrom(`copy copy_floor (${REGISTER_ROW_COLUMNS.join(", ")}) from stdin with (format csv)`));
      await pipeline(fs.createReadStream(o.csvFile, { highWaterMark: 1 << 20 }), copy);
      const t = stop();
      const n = Number((await client.query<{ n: string }>("select count(*) as n from copy_floor")).rows[0]?.n);
      return { phase: "copy", ...t, peakRssMiB: peakRssMiB(), records: n, engineVersion: `PostgreSQL ${version}` };
    } finally {
      await client.end();
    }
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

async function measure(runs: number, fn: () => Promise<unknown>): Promise<Latency> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { runs, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1) as number };
}

const REPORT_EVERY = 200_000;

async function importAndQuery(db: Db, o: PhaseOptions, phase: string): Promise<PhaseResult> {
  const { importRegisterFile } = await import("../../server/modules/register/import.service.js");
  const { analyseMunicipality, rankMunicipalities } = await import("../../server/modules/register/analysis.service.js");
  const { SYSTEM_ACTOR } = await import("../../server/modules/audit/audit.service.js");
  const rssBefore = process.memoryUsage.rss() / 1048576;
  let nextReport = REPORT_EVERY;
  const stop = timer();
  const summary = await importRegisterFile(db, o.file, {
    actor: SYSTEM_ACTOR,
    onProgress: (p) => {
      if (p.records >= nextReport) {
        log(`${phase}: ${p.records.toLocaleString("en-US")} records`);
        nextReport = p.records + REPORT_EVERY;
      }
    },
  });
  const t = stop();
  const peak = peakRssMiB();
  log(`${phase}: imported ${summary.loaded} rows in ${t.seconds.toFixed(1)} s; measuring latency (${o.runs} runs each)`);
  const analysis = await measure(o.runs, () => analyseMunicipality(db, { areaCode: o.areaCode }));
  const ranking = await measure(o.runs, () => rankMunicipalities(db, { metric: "firms" }));
  const firms = (await analyseMunicipality(db, { areaCode: o.areaCode })).firms?.total ?? null;
  const ranked = (await rankMunicipalities(db, { metric: "firms" })).rows.length;
  return {
    phase,
    ...t,
    peakRssMiB: peak,
    records: summary.loaded,
    analysis,
    ranking,
    detail: {
      rssBeforeImportMiB: Math.round(rssBefore),
      read: summary.read,
      rejected: summary.rejected,
      warnings: summary.warnings,
      problemCounts: summary.problemCounts,
      scope: summary.scope,
      asOf: summary.asOf,
      naceVersion: summary.naceVersion,
      firmsInArea: firms,
      municipalitiesRanked: ranked,
    },
  };
}

/**
 * Creates and migrates the PGlite directory (untimed; its own process, because PGlite's first
 * start — initdb — peaks near 900 MiB RSS, which is database creation, not import).
 */
async function createPglite(o: PhaseOptions): Promise<PhaseResult> {
  if (!o.pgliteDir) throw new Error("pglite-create needs pgliteDir");
  const { openDatabase } = await import("../../server/db/client.js");
  const stop = timer();
  const database = await openDatabase({ dataDir: o.pgliteDir });
  await database.close();
  return { phase: "pglite-create", ...stop(), peakRssMiB: peakRssMiB() };
}

/** The import into the PGlite directory made by pglite-create, opened as the app opens it at start. */
async function importPglite(o: PhaseOptions): Promise<PhaseResult> {
  if (!o.pgliteDir) throw new Error("pglite needs pgliteDir");
  const { openDatabase } = await import("../../server/db/client.js");
  const database = await openDatabase({ dataDir: o.pgliteDir });
  try {
    const { queryRows } = await import("../../server/db/rows.js");
    const [v] = await queryRows<{ server_version: string }>(database.db, sql`show server_version`);
    const r = await importAndQuery(database.db, o, "pglite");
    return {
      ...r,
      engineVersion: `PGlite (PostgreSQL ${v?.server_version ?? "?"})`,
      detail: { ...r.detail, dataDirMiB: Math.round(dirSize(o.pgliteDir) / 1048576) },
    };
  } finally {
    await database.close();
  }
}

async function importPostgres(o: PhaseOptions): Promise<PhaseResult> {
  if (!o.databaseUrl) throw new Error("postgres needs DATABASE_URL");
  return withFreshDatabase(o.databaseUrl, "import", async (dbUrl, version) => {
    const { openDatabase } = await import("../../server/db/client.js");
    const database = await openDatabase({ databaseUrl: dbUrl });
    try {
      const r = await importAndQuery(database.db, o, "postgres");
      return { ...r, engineVersion: `PostgreSQL ${version}` };
    } finally {
      await database.close();
    }
  });
}

function dirSize(dir: string): number {
  let total = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) total += fs.statSync(path.join(e.parentPath, e.name)).size;
  }
  return total;
}

const PHASES: Record<string, (o: PhaseOptions) => Promise<PhaseResult>> = {
  parse: parseFloor,
  "prepare-csv": prepareCsv,
  "pglite-create": createPglite,
  copy: copyFloor,
  pglite: importPglite,
  postgres: importPostgres,
};

async function main() {
  const [name, json] = process.argv.slice(2);
  const run = name ? PHASES[name] : undefined;
  if (!run || !json) throw new Error(`usage: phases.ts <${Object.keys(PHASES).join("|")}> <json options>`);
  const result = await run(JSON.parse(json) as PhaseOptions);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
