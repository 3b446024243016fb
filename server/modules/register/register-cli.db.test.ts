import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../cli.js";
import { openDatabase } from "../../db/client.js";
import { BUNDLED_REGISTER_DIR } from "./bundled-register.js";

const ENHETER = path.join(BUNDLED_REGISTER_DIR, "enheter_2022-06_utvalg_10288.json.gz");
let dir: string;
const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };

beforeAll(() => {
  // The CLI works on the embedded database in a temporary DATA_DIR.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-cli-register-"));
  process.env.DATA_DIR = dir;
  process.env.DATABASE_URL = "";
});
afterAll(() => {
  process.env.DATA_DIR = saved.DATA_DIR;
  process.env.DATABASE_URL = saved.DATABASE_URL;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    args,
    (s) => out.push(s),
    (s) => err.push(s),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("CLI import brreg", () => {
  it("checks its options before touching the database", async () => {
    expect((await cli("import", "brreg")).err).toContain("--file");
    expect((await cli("import", "brreg", "--file", ENHETER, "--kind", "companies")).code).toBe(2);
    expect((await cli("import", "brreg", "--file", ENHETER, "--as-of", "1.1.2022")).err).toContain("--as-of");
  });

  it("imports a file and prints the summary; the same file again changes nothing", async () => {
    const r = await cli("import", "brreg", "--file", ENHETER, "--scope", "national");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Snapshot \d+: enheter, as of 2022-06-16, scope national/);
    expect(r.out).toContain("read 10288, loaded 10288, rejected 0");
    expect(r.out).toContain("split_municipality: 96");
    const again = await cli("import", "brreg", "--file", ENHETER, "--scope", "national");
    expect(again.out).toContain("already imported");
    expect((await cli("register", "snapshots")).out.split("\n")).toHaveLength(1);
  });

  it("says what to do when the server has the embedded database open", async () => {
    const server = await openDatabase({ dataDir: dir });
    try {
      const r = await cli("import", "brreg", "--file", ENHETER);
      expect(r.code).toBe(1);
      expect(r.err).toContain("stop the server");
      expect(r.err).toContain("/api/register/imports");
    } finally {
      await server.close();
    }
  });
});
