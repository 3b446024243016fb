// `npm run bench:web`: how heavy and how fast the overview page is. Builds nothing: run
// `npm run build:web` first.
//
//  1. First-load JavaScript: parses dist/web/index.html for the entry module and its
//     modulepreload imports, and gzips each file with node:zlib (level 9, like a CDN would).
//  2. Largest Contentful Paint of the overview (`/`): starts the real server as a child process
//     (`tsx server/main.ts`, temporary DATA_DIR, the bundled Bærum plan), loads the page in
//     Debian's Chromium through playwright-core in a fresh browser context each time (cold cache),
//     reads LCP from a PerformanceObserver, and reports the median of N loads (default 5).
//
// Options: --runs N, --json (machine-readable output), --keep (leave the data directory).
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist", "web");
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf("--runs") + 1]) > 0 && args.includes("--runs") ? Number(args[args.indexOf("--runs") + 1]) : 5;
const asJson = args.includes("--json");
const CHROMIUM = "/usr/bin/chromium";
const BUDGET_KB = 250;

const kb = (bytes) => bytes / 1024;
const fmt = (n, digits = 1) => n.toFixed(digits);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function gzipSize(file) {
  const buf = fs.readFileSync(file);
  return { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

/** The entry module and the modules index.html preloads: what the first page needs before it can run. */
function firstLoadAssets() {
  const indexPath = path.join(dist, "index.html");
  if (!fs.existsSync(indexPath)) {
    console.error("dist/web/index.html is missing: run `npm run build:web` first.");
    process.exit(2);
  }
  const html = fs.readFileSync(indexPath, "utf8");
  const attr = (tag, name) => tag.match(new RegExp(`${name}="([^"]+)"`))?.[1];
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const js = [];
  const css = [];
  for (const tag of tags) {
    if (tag.startsWith("<script") && attr(tag, "type") === "module" && attr(tag, "src")) js.push({ file: attr(tag, "src"), kind: "entry" });
    if (tag.startsWith("<link") && attr(tag, "rel") === "modulepreload") js.push({ file: attr(tag, "href"), kind: "modulepreload" });
    if (tag.startsWith("<link") && attr(tag, "rel") === "stylesheet") css.push({ file: attr(tag, "href"), kind: "stylesheet" });
  }
  const sized = (list) => list.map((a) => ({ ...a, ...gzipSize(path.join(dist, a.file.replace(/^\//, ""))) }));
  return { js: sized(js), css: sized(css) };
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-bench-web-"));
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      ADMIN_PASSWORD: "bench-passord-123",
      DATABASE_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: false,
  });
  let log = "";
  child.stdout.on("data", (d) => {
    log += d;
  });
  child.stderr.on("data", (d) => {
    log += d;
  });
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped:\n${log}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() - started > 60_000) throw new Error(`the server did not start in 60 s:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      if (!args.includes("--keep")) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const OBSERVER = `
  window.__lcp = null;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    const last = entries[entries.length - 1];
    window.__lcp = { time: last.startTime, element: last.element ? last.element.tagName.toLowerCase() + (last.element.className ? "." + String(last.element.className).split(" ")[0] : "") : null, size: last.size };
  }).observe({ type: "largest-contentful-paint", buffered: true });
`;

async function measureLcp(base) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const results = [];
  try {
    // One warm-up load so the server's first plan evaluation is not counted as page speed.
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "nb-NO" });
      await context.addInitScript(OBSERVER);
      const page = await context.newPage();
      await page.goto(`${base}/`, { waitUntil: "load" });
      await page.getByRole("heading", { level: 1 }).waitFor();
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(300);
      const m = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        const scripts = performance
          .getEntriesByType("resource")
          .filter((r) => r.initiatorType === "script" || r.name.endsWith(".js"))
          .map((r) => new URL(r.name).pathname);
        return { lcp: window.__lcp, fcp: fcp?.startTime ?? null, load: nav?.loadEventEnd ?? null, scripts };
      });
      await context.close();
      if (i > 0) results.push(m);
    }
  } finally {
    await browser.close();
  }
  return results;
}

const assets = firstLoadAssets();
const jsGzip = assets.js.reduce((s, a) => s + a.gzip, 0);
const jsRaw = assets.js.reduce((s, a) => s + a.raw, 0);
const cssGzip = assets.css.reduce((s, a) => s + a.gzip, 0);

if (!fs.existsSync(CHROMIUM)) {
  console.error(`${CHROMIUM} is missing: only the bundle sizes can be reported.`);
}
let loads = [];
if (fs.existsSync(CHROMIUM)) {
  const server = await startServer();
  try {
    loads = await measureLcp(server.base);
  } finally {
    await server.stop();
  }
}
const lcps = loads.map((l) => l.lcp?.time).filter((x) => typeof x === "number");
const fcps = loads.map((l) => l.fcp).filter((x) => typeof x === "number");
const loadedJs = [...new Set(loads.flatMap((l) => l.scripts))];
const loadedJsGzip = loadedJs.reduce((s, p) => {
  const f = path.join(dist, p.replace(/^\//, ""));
  return s + (fs.existsSync(f) ? gzipSize(f).gzip : 0);
}, 0);

const summary = {
  date: new Date().toISOString(),
  machine: { cpus: os.cpus().length, memoryGiB: Number(fmt(os.totalmem() / 1024 ** 3)), node: process.version },
  firstLoadJs: {
    files: assets.js.map(({ file, kind, raw, gzip }) => ({ file, kind, raw, gzip })),
    rawBytes: jsRaw,
    gzipBytes: jsGzip,
    budgetKiB: BUDGET_KB,
  },
  css: { gzipBytes: cssGzip },
  overviewLoadedJs: { files: loadedJs, gzipBytes: loadedJsGzip },
  lcp: {
    runs: lcps.length,
    medianMs: lcps.length ? median(lcps) : null,
    minMs: lcps.length ? Math.min(...lcps) : null,
    maxMs: lcps.length ? Math.max(...lcps) : null,
    element: loads[0]?.lcp?.element ?? null,
  },
  fcp: { medianMs: fcps.length ? median(fcps) : null },
};

if (asJson) {
  console.log(JSON.stringify(summary, null, 2));
} else {
  const rows = [["What", "Value"]];
  rows.push(["First-load JS files (entry + modulepreload)", String(assets.js.length)]);
  rows.push(["First-load JS, raw", `${fmt(kb(jsRaw))} KiB`]);
  rows.push(["First-load JS, gzip", `${fmt(kb(jsGzip))} KiB (budget ${BUDGET_KB} KiB)`]);
  rows.push(["CSS, gzip", `${fmt(kb(cssGzip))} KiB`]);
  rows.push(["JS the overview loaded (incl. lazy figure), gzip", `${fmt(kb(loadedJsGzip))} KiB in ${loadedJs.length} files`]);
  if (lcps.length) {
    rows.push([
      `LCP, median of ${lcps.length} cold loads`,
      `${fmt(summary.lcp.medianMs, 0)} ms (min ${fmt(summary.lcp.minMs, 0)}, max ${fmt(summary.lcp.maxMs, 0)})`,
    ]);
    rows.push(["LCP element", String(summary.lcp.element)]);
    rows.push(["FCP, median", `${fmt(summary.fcp.medianMs, 0)} ms`]);
  }
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(
    `\nNæringskompass web – overview page (${summary.machine.cpus} CPUs, ${summary.machine.memoryGiB} GiB, Node ${summary.machine.node})\n`,
  );
  for (const [i, [a, b]] of rows.entries()) {
    console.log(`  ${a.padEnd(w)}  ${b}`);
    if (i === 0) console.log(`  ${"-".repeat(w)}  ${"-".repeat(30)}`);
  }
  console.log("\n  First-load files:");
  for (const a of assets.js)
    console.log(
      `    ${a.file.padEnd(44)} ${a.kind.padEnd(14)} ${fmt(kb(a.raw)).padStart(7)} KiB raw ${fmt(kb(a.gzip)).padStart(7)} KiB gzip`,
    );
  console.log("");
}
if (kb(jsGzip) > BUDGET_KB) {
  console.error(`First-load JS is ${fmt(kb(jsGzip))} KiB gzip, over the ${BUDGET_KB} KiB budget.`);
  process.exitCode = 1;
}
