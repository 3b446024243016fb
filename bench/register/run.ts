// `npm run bench:register`: the national register import benchmark (issue #4, "Performance").
//
// Generates the synthetic national file if it is missing (bench/register/generate.ts), then runs
// each phase in its own Node process (so each has its own peak RSS) on the same file:
//   1. parse floor: gunzip + split the JSON array + JSON.parse each record, counting;
//   2. raw COPY floor (PostgreSQL): the rows the import stores, pre-encoded as COPY CSV (untimed),
//      COPY FROM STDIN into an empty logged table like register_rows, without indexes;
//   3. the product's import (importRegisterFile) into a fresh PGlite directory and a fresh
//      PostgreSQL database — only the import is timed (not creating or migrating the database);
//   4. latency: p50/p95 of the municipality analysis (3201 Bærum) and of the national ranking,
//      after each import.
// PostgreSQL phases need DATABASE_URL (a server where the user may create databases).
//
// Options: --count N (default 1 100 000), --file FILE, --skip-generate (fail if the file is
// missing), --regenerate, --runs N (latency runs, default 60), --phases parse,copy,pglite,postgres,
// --json (print the results as JSON too).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_COUNT, defaultFile, generateRegisterFile, ROOT } from "./generate.js";
import type { PhaseOptions, PhaseResult } from "./phases.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const argValue = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const TARGETS = {
  embeddedImportRatio: 3,
  embeddedPeakMiB: 1024,
  postgresImportRatio: 1.5,
  analysisP95Ms: 50,
  rankingMs: 200,
};

function runPhase(phase: string, o: PhaseOptions): Promise<PhaseResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(HERE, "phases.ts"), phase, JSON.stringify(o)], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith("RESULT "));
      if (code !== 0 || !line) reject(new Error(`phase ${phase} failed (exit ${code})${out ? `:\n${out}` : ""}`));
      else resolve(JSON.parse(line.slice(7)) as PhaseResult);
    });
  });
}

function machineFacts(): Record<string, string> {
  const cpuinfo = fs.existsSync("/proc/cpuinfo") ? fs.readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? "?";
  return {
    cpu: model.trim(),
    cores: String(os.availableParallelism()),
    ram: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load: os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(" "),
  };
}

const s = (x: number) => x.toFixed(1);
const ms = (x: number) => x.toFixed(1);
const mib = (x: number) => Math.round(x).toString();
const yes = (ok: boolean) => (ok ? "yes" : "**no**");

function table(results: Map<string, PhaseResult>): string {
  const rows: string[][] = [];
  const parse = results.get("parse");
  const copy = results.get("copy");
  if (parse) rows.push(["Parse floor (gunzip + split + JSON.parse)", s(parse.seconds), mib(parse.peakRssMiB), "1.0×", "—", "—"]);
  if (copy)
    rows.push(["Raw COPY floor, PostgreSQL (CSV → logged table, no indexes)", s(copy.seconds), mib(copy.peakRssMiB), "1.0×", "—", "—"]);
  const pgl = results.get("pglite");
  if (pgl) {
    const ratio = parse ? pgl.seconds / parse.seconds : null;
    const okRatio = ratio !== null && ratio <= TARGETS.embeddedImportRatio;
    const okRss = pgl.peakRssMiB <= TARGETS.embeddedPeakMiB;
    rows.push([
      "Import, PGlite",
      s(pgl.seconds),
      mib(pgl.peakRssMiB),
      ratio === null ? "?" : `${ratio.toFixed(2)}× parse`,
      `≤ ${TARGETS.embeddedImportRatio}× parse, ≤ 1 GB RSS`,
      `${yes(okRatio)} / ${yes(okRss)}`,
    ]);
  }
  const pgi = results.get("postgres");
  if (pgi) {
    const ratio = copy ? pgi.seconds / copy.seconds : null;
    rows.push([
      "Import, PostgreSQL",
      s(pgi.seconds),
      `${mib(pgi.peakRssMiB)} (Node)`,
      ratio === null ? "?" : `${ratio.toFixed(2)}× COPY`,
      `≤ ${TARGETS.postgresImportRatio}× COPY`,
      ratio === null ? "?" : yes(ratio <= TARGETS.postgresImportRatio),
    ]);
  }
  for (const [key, label] of [
    ["pglite", "PGlite"],
    ["postgres", "PostgreSQL"],
  ] as const) {
    const r = results.get(key);
    if (r?.analysis) {
      const a = r.analysis;
      rows.push([
        `Municipality analysis 3201, ${label}`,
        `p50 ${ms(a.p50)} ms · p95 ${ms(a.p95)} ms`,
        "",
        "",
        `p95 ≤ ${TARGETS.analysisP95Ms} ms`,
        yes(a.p95 <= TARGETS.analysisP95Ms),
      ]);
    }
    if (r?.ranking) {
      const a = r.ranking;
      rows.push([
        `National ranking (357, firms), ${label}`,
        `p50 ${ms(a.p50)} ms · p95 ${ms(a.p95)} ms`,
        "",
        "",
        `p95 ≤ ${TARGETS.rankingMs} ms`,
        yes(a.p95 <= TARGETS.rankingMs),
      ]);
    }
  }
  const head = ["Phase", "Wall (s)", "Peak RSS (MiB)", "Ratio to floor", "Target", "Met?"];
  return [head, head.map(() => "---"), ...rows].map((r) => `| ${r.join(" | ")} |`).join("\n");
}

async function main() {
  const count = Number(argValue("--count") ?? DEFAULT_COUNT);
  if (!Number.isInteger(count) || count <= 0) throw new Error("--count must be a positive whole number");
  const file = path.resolve(argValue("--file") ?? defaultFile(count));
  const runs = Number(argValue("--runs") ?? 60);
  const phases = (argValue("--phases") ?? "parse,copy,pglite,postgres").split(",");
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const started = new Date();
  const loadAtStart = os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");

  if (args.includes("--regenerate") || !fs.existsSync(file)) {
    if (args.includes("--skip-generate")) throw new Error(`${file} is missing (and --skip-generate was given)`);
    console.error(`Generating ${count.toLocaleString("en-US")} records → ${path.relative(ROOT, file)} …`);
    const g = await generateRegisterFile({ count, out: file });
    console.error(
      `  ${(g.bytes / 1048576).toFixed(1)} MiB gzip (${(g.rawBytes / 1048576).toFixed(1)} MiB JSON) in ${g.seconds.toFixed(1)} s`,
    );
  }
  const csvFile = `${file.replace(/\.json\.gz$/, "")}.copy.csv`;
  const o: PhaseOptions = { file, csvFile, databaseUrl, runs, areaCode: "3201" };
  const results = new Map<string, PhaseResult>();
  const notes: string[] = [];
  const wantPg = phases.includes("copy") || phases.includes("postgres");
  if (wantPg && !databaseUrl)
    notes.push("PostgreSQL phases skipped: DATABASE_URL is not set (a server where the user may create databases).");

  for (const phase of phases) {
    if ((phase === "copy" || phase === "postgres") && !databaseUrl) continue;
    if (phase === "copy" && !(fs.existsSync(csvFile) && fs.statSync(csvFile).mtimeMs >= fs.statSync(file).mtimeMs)) {
      console.error("Preparing the COPY CSV (untimed) …");
      const p = await runPhase("prepare-csv", o);
      console.error(`  ${p.records} rows, ${(fs.statSync(csvFile).size / 1048576).toFixed(1)} MiB in ${p.seconds.toFixed(1)} s`);
    }
    if (phase === "pglite") {
      o.pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-bench-pglite-"));
      const c = await runPhase("pglite-create", o);
      console.error(
        `PGlite directory created and migrated (untimed) in ${c.seconds.toFixed(1)} s, peak RSS ${Math.round(c.peakRssMiB)} MiB`,
      );
    }
    console.error(`Phase ${phase} …`);
    let r: PhaseResult;
    try {
      r = await runPhase(phase, o);
    } catch (err) {
      // Keep going: one failed phase should not lose the others' numbers.
      console.error(err instanceof Error ? err.message : err);
      notes.push(`Phase ${phase} failed; see the output above.`);
      process.exitCode = 1;
      continue;
    } finally {
      if (phase === "pglite" && o.pgliteDir) fs.rmSync(o.pgliteDir, { recursive: true, force: true });
    }
    console.error(
      `  ${r.seconds.toFixed(1)} s, peak RSS ${Math.round(r.peakRssMiB)} MiB, CPU ${r.cpuSeconds.toFixed(1)} s, ${r.records ?? "?"} records`,
    );
    results.set(phase, r);
  }

  const facts = machineFacts();
  const engines = [...results.values()].map((r) => r.engineVersion).filter((v, i, a) => v && a.indexOf(v) === i);
  const finished = new Date();
  const lines = [
    `Register import benchmark — ${count.toLocaleString("en-US")} synthetic hovedenheter (${path.relative(ROOT, file)}, ${(fs.statSync(file).size / 1048576).toFixed(1)} MiB gzip)`,
    `Date: ${started.toISOString().slice(0, 16).replace("T", " ")} UTC (finished ${finished.toISOString().slice(11, 16)})`,
    `Machine: ${facts.cpu}, ${facts.cores} cores, ${facts.ram} RAM; ${facts.os}; Node ${facts.node}; ${engines.join("; ")}`,
    `Load average (1/5/15 min) at the start: ${loadAtStart}; at the end: ${facts.load} (the machine may be shared: compare wall and CPU seconds)`,
    "",
    table(results),
    "",
    "CPU seconds (user + system of the Node process) during each timed part:",
    ...[...results.values()].map((r) => `- ${r.phase}: ${r.cpuSeconds.toFixed(1)} s CPU for ${r.seconds.toFixed(1)} s wall`),
    "Peak RSS is the whole Node process (VmHWM) up to the end of the timed part; for PGlite it includes the embedded engine, for PostgreSQL only the client side.",
    ...notes,
  ];
  console.log(lines.join("\n"));
  for (const r of results.values()) if (r.detail) console.log(`${r.phase} detail: ${JSON.stringify(r.detail)}`);
  if (args.includes("--json")) console.log(JSON.stringify({ count, file, facts, results: Object.fromEntries(results) }, null, 2));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
