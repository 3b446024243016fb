import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePlanDocument } from "../core/plan/parse.js";
import { cli, cliDataDirForFile } from "../test/helpers/cli.js";
import { openDatabase } from "./db/client.js";
import { verifyPassword } from "./lib/password.js";
import { findUserByEmail } from "./modules/users/users.service.js";

const ASKER = fileURLToPath(new URL("../test/fixtures/plans/asker-mini.yaml", import.meta.url));

const dataDir = cliDataDirForFile("nk-cli-");

describe("CLI", () => {
  it("refuses a malformed plan file with file:line messages and imports nothing", async () => {
    const bad = path.join(dataDir(), "bad.yaml");
    const text = fs.readFileSync(ASKER, "utf8").replace(/per: year/, "per: fortnight");
    const line = text.split("\n").findIndex((l) => l.includes("per: fortnight")) + 1;
    fs.writeFileSync(bad, text);
    const r = await cli("plan", "import", bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${bad}:line ${line}:`);
    expect(r.err).toContain("nothing was imported");
    expect((await cli("plan", "list")).out).toBe("");
  });

  it("imports a plan, lists it and exports it back to an equal document", async () => {
    const imported = await cli("plan", "import", ASKER);
    expect(imported.code).toBe(0);
    expect(imported.out).toMatch(/Imported plan asker-mini/);
    expect((await cli("plan", "list")).out).toMatch(/^asker-mini\tdraft\t/);
    const outFile = path.join(dataDir(), "export.json");
    expect((await cli("plan", "export", "asker-mini", "--format", "json", "--out", outFile)).code).toBe(0);
    const original = parsePlanDocument(fs.readFileSync(ASKER, "utf8"));
    const exported = parsePlanDocument(fs.readFileSync(outFile, "utf8"));
    expect(original.ok && exported.ok).toBe(true);
    if (original.ok && exported.ok) expect(exported.plan).toEqual(original.plan);
  });

  it("starts a revision of a plan as a draft with a new key", async () => {
    const r = await cli("plan", "revise", "asker-mini", "--key", "asker-mini-2", "--version", "2.0");
    expect(r.code).toBe(0);
    expect((await cli("plan", "list")).out).toMatch(/^asker-mini-2\tdraft\t2\.0\t/m);
  });

  it("refuses to import the same plan twice", async () => {
    const again = await cli("plan", "import", ASKER);
    expect(again.code).not.toBe(0);
  });

  it("adds users with a generated password, and refuses a short one", async () => {
    const added = await cli("user", "add", "--email", "Anne@Baerum.Kommune.no", "--name", "Anne", "--role", "editor");
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^Created editor anne@baerum\.kommune\.no with password \S{20}$/);
    expect((await cli("user", "add", "--email", "b@x.no", "--name", "B", "--role", "reader", "--password", "short")).code).toBe(2);
    expect((await cli("user", "add", "--email", "c@x.no", "--name", "C", "--role", "boss")).code).toBe(2);
    expect((await cli("user", "list")).out).toContain("anne@baerum.kommune.no\teditor\tAnne");
  });

  it("sets a new password, generated or given, and refuses unknown users and short passwords", async () => {
    const generated = await cli("user", "password", "anne@baerum.kommune.no");
    expect(generated.code).toBe(0);
    expect(generated.out).toMatch(/^New password for anne@baerum\.kommune\.no: \S{20}$/);
    expect((await cli("user", "password", "anne@baerum.kommune.no", "--password", "et nytt langt passord")).code).toBe(0);
    const database = await openDatabase({ dataDir: dataDir() });
    try {
      const anne = await findUserByEmail(database.db, "anne@baerum.kommune.no");
      expect(await verifyPassword("et nytt langt passord", anne?.passwordHash ?? "")).toBe(true);
    } finally {
      await database.close();
    }
    expect((await cli("user", "password", "nobody@x.no")).code).toBe(2);
    expect((await cli("user", "password", "anne@baerum.kommune.no", "--password", "kort")).code).toBe(2);
  });
});
