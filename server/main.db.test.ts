import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The real first start, as `npm start` does it (minus the web build): a fresh DATA_DIR, the
 * embedded database, migrations, the first admin, the bundled plan and land areas.
 */
let dir: string;
let child: ChildProcess;
let base: string;
let output = "";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-start-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), DATABASE_URL: "", LOG_LEVEL: "warn", ADMIN_PASSWORD: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Started once it says so and has printed the first admin's sign-in (a separate write after
  // the "runs at" line); an early exit fails at once (the hook timeout bounds the rest).
  await new Promise<void>((resolve, reject) => {
    const collect = (d: Buffer) => {
      output += d.toString();
      if (output.includes("Næringskompass runs at") && output.includes("Sign in at")) resolve();
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.once("exit", () => reject(new Error(`server did not start:\n${output}`)));
  });
});

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("first start", () => {
  it("prints how to sign in with a generated admin password that works", async () => {
    const m = output.match(/created admin (\S+) with password (\S+)/);
    expect(m).not.toBeNull();
    const res = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: m?.[1], password: m?.[2] }),
    });
    expect(res.status).toBe(200);
  });

  it("serves the bundled plan and the business areas it names", async () => {
    expect(output).toContain("Loaded bundled plan baerum-2015: 7 focus areas");
    const plans = (await (await fetch(`${base}/api/plans`)).json()) as { key: string }[];
    expect(plans.map((p) => p.key)).toContain("baerum-2015");
    const areas = (await (await fetch(`${base}/api/land-bank/areas`)).json()) as unknown[];
    expect(areas).toHaveLength(11);
  });

  it("holds the embedded database's lock while it runs, and releases it on SIGTERM", async () => {
    expect(fs.existsSync(path.join(dir, "pglite.lock"))).toBe(true);
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
    expect(fs.existsSync(path.join(dir, "pglite.lock"))).toBe(false);
  });
});
