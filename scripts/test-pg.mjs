// `npm run test:pg`: the database suite against real PostgreSQL. Needs DATABASE_URL pointing at
// a server where the user may create databases; each test file gets its own database.
import { spawnSync } from "node:child_process";

const url = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
if (!url) {
  console.error("test:pg needs DATABASE_URL (e.g. postgres://user:pw@127.0.0.1:5432/postgres); .ci/run sets it up.");
  process.exit(2);
}
const r = spawnSync("npx", ["vitest", "run", "--project", "db"], {
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: url, DATABASE_URL: "" },
});
process.exit(r.status ?? 1);
