import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, cliDataDirForFile } from "../../../test/helpers/cli.js";
import { openDatabase } from "../../db/client.js";
import { BUNDLED_REGISTER_DIR } from "./bundled-register.js";

const ENHETER = path.join(BUNDLED_REGISTER_DIR, "enheter_2022-06_utvalg_10288.json.gz");
const dataDir = cliDataDirForFile("nk-cli-register-");

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
    const server = await openDatabase({ dataDir: dataDir() });
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
