// `npm test`: unit tests and the database suite on embedded PGlite, then the browser tests when
// Debian's Chromium is installed (/usr/bin/chromium). Exits non-zero if any part fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const run = (args, env = {}) => {
  const r = spawnSync("npx", ["vitest", "run", ...args], { stdio: "inherit", env: { ...process.env, ...env } });
  return r.status ?? 1;
};

// The database suite must not pick up a PostgreSQL URL from the environment here.
let status = run(["--project", "unit", "--project", "db"], { TEST_DATABASE_URL: "" });
const hasE2e = fs.existsSync("test/e2e") && fs.readdirSync("test/e2e").some((f) => f.endsWith(".spec.ts"));
if (status === 0 && hasE2e) {
  if (fs.existsSync("/usr/bin/chromium")) {
    const build = spawnSync("npm", ["run", "build:web"], { stdio: "inherit" });
    status = build.status === 0 ? run(["--project", "e2e"]) : 1;
  } else {
    console.log("\nBrowser tests skipped: /usr/bin/chromium is not installed (apt-get install chromium).");
  }
}
process.exit(status);
