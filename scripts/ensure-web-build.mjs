// Runs before `npm start`: builds the web app into dist/web when it is missing or older than
// its sources, so `npm ci && npm start` serves the whole product without a separate build step.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const out = "dist/web/index.html";
const sources = ["web", "core", "index.html", "vite.config.ts", "package-lock.json"];

function newest(p) {
  if (!fs.existsSync(p)) return 0;
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((f) => newest(path.join(p, f))));
}

if (!fs.existsSync("web")) process.exit(0);
const built = fs.existsSync(out) ? fs.statSync(out).mtimeMs : 0;
if (built >= Math.max(...sources.map(newest))) process.exit(0);
console.log("Building the web app (dist/web)…");
const r = spawnSync("npx", ["vite", "build", "--logLevel", "warn"], { stdio: "inherit" });
process.exit(r.status ?? 1);
