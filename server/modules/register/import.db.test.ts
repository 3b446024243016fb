import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dropTestDatabase, prepareEmbeddedDataDir } from "../../../test/helpers/db.js";
import { type Database, openDatabase } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { RegisterFileError } from "../../importers/brreg/errors.js";
import { SYSTEM_ACTOR } from "../audit/audit.service.js";
import { computeSnapshotAggregates } from "./aggregates.js";
import { analyseMunicipality } from "./analysis.service.js";
import { BUNDLED_REGISTER_DIR } from "./bundled-register.js";
import { findCompany, topEmployers } from "./companies.service.js";
import { importRegisterFile } from "./import.service.js";
import { cleanupIncompleteSnapshots } from "./snapshot-store.js";

/*
 * Expected numbers were established with jq and Python's csv module on the original files in
 * shared/data/brreg (not with this code):
 *   jq '[.[] | select((.forretningsadresse.kommunenummer // .postadresse.kommunenummer)=="3024")] | length'  → 304
 *   (290 by forretningsadresse + 14 by postadresse); of them 166 in the 29 KIS divisions of SN2007;
 *   23 with 00.000.
 *   underenheter, beliggenhetsadresse.kommunenummer == 3201: 459 units; 54 with antallAnsatte (all ≥ 5,
 *   sum 1469); 81 with harRegistrertAntallAnsatte=true and no count (1–4); 324 without employees;
 *   classes 5-9: 22, 10-19: 14, 20-49: 11, 50-99: 4, 100-249: 3, 250+: 0.
 *   Largest by overordnetEnhet (sum of counts ≥ 5): 996345734 (230), 918777474 (113), 913642457 (112).
 */
const ENHETER = path.join(BUNDLED_REGISTER_DIR, "enheter_2022-06_utvalg_10288.json.gz");
const UNDERENHETER = path.join(BUNDLED_REGISTER_DIR, "underenheter_utvalg_20000.csv.gz");

let database: Database;
let tmp: string;
beforeAll(async () => {
  database = await createTestDatabase();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nk-register-"));
});
afterAll(async () => {
  await database?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(database.db, q))[0]?.n);

describe("importing the real Brreg extracts", () => {
  it("loads the hovedenheter file (gzip JSON, SN2007, 2020–2023 numbers) and counts Bærum's 3024 firms under 3201", async () => {
    const s = await importRegisterFile(database.db, ENHETER, { actor: SYSTEM_ACTOR, scope: "national" });
    expect(s.kind).toBe("enheter");
    expect(s.naceVersion).toBe("SN2007");
    expect(s.read).toBe(10_288);
    expect(s.loaded + s.rejected).toBe(10_288);
    expect(s.asOf.startsWith("2022-06")).toBe(true);
    const a = await analyseMunicipality(database.db, { areaCode: "3201", asOf: "2022-12-31" });
    expect(a.firms?.total).toBe(304);
    expect(a.firms?.knowledgeIntensive).toBe(157);
    expect(a.area.predecessors).toEqual(expect.arrayContaining(["3024", "0219"]));
  });

  it("loads the underenheter file (CSV, SN2025) and counts employment by beliggenhetsadresse", async () => {
    const s = await importRegisterFile(database.db, UNDERENHETER, { actor: SYSTEM_ACTOR, scope: "national" });
    expect(s.kind).toBe("underenheter");
    expect(s.naceVersion).toBe("SN2025");
    expect(s.read).toBe(20_000);
    const a = await analyseMunicipality(database.db, { areaCode: "3201" });
    const e = a.employment;
    expect(e?.units).toBe(459);
    expect(e?.employees5plus).toBe(1469);
    expect(e?.units1to4).toBe(81);
    expect(e?.employeesRange).toEqual([1469 + 81, 1469 + 4 * 81]);
    const cls = Object.fromEntries((e?.sizeClasses ?? []).map((c) => [c.sizeClass, c.units]));
    expect(cls).toMatchObject({ "0": 324, "1-4": 81, "5-9": 22, "10-19": 14, "20-49": 11, "50-99": 4, "100-249": 3, "250+": 0 });
    expect(e?.over100).toBe(3);
    expect(e?.over250).toBe(0);
    const top = await topEmployers(database.db, { areaCode: "3201", asOf: "2026-12-31", limit: 3 });
    expect(top?.rows.map((r) => [r.orgnr, r.employees])).toEqual([
      ["996345734", 230],
      ["918777474", 113],
      ["913642457", 112],
    ]);
  });

  it("accumulates the same figures while reading as SQL computes from the stored rows", async () => {
    const snapshots = await queryRows<{ id: number }>(
      database.db,
      sql`select id from register_snapshots where status = 'complete' order by id`,
    );
    expect(snapshots).toHaveLength(2);
    const read = async (id: number) =>
      queryRows<Record<string, unknown>>(
        database.db,
        sql`select area_code, dimension, key, entities, employees_5plus, units_1_4, units_unknown from register_aggregates
            where snapshot_id = ${id} order by area_code, dimension, key`,
      );
    for (const { id } of snapshots) {
      const whileReading = await read(Number(id));
      expect(whileReading.length).toBeGreaterThan(1000);
      await database.db.transaction((tx) => computeSnapshotAggregates(tx, Number(id)));
      expect(await read(Number(id))).toEqual(whileReading);
    }
  });

  it("finds a company with its register facts", async () => {
    const c = await findCompany(database.db, "913460197");
    expect(c?.name).toBe("-MINUS AS");
    expect(c?.areaCode).toBe("0301");
    expect(c?.naceCode).toBe("62.020");
    expect(c?.personal).toBe(false);
  });

  it("changes nothing when the same file is imported twice", async () => {
    const before = await count(sql`select count(*)::int as n from register_snapshots`);
    const s = await importRegisterFile(database.db, ENHETER, { actor: SYSTEM_ACTOR, scope: "national" });
    expect(s.alreadyImported).toBe(true);
    expect(await count(sql`select count(*)::int as n from register_snapshots`)).toBe(before);
  });

  it("rejects a truncated gzip file with a line number and leaves the previous snapshot intact", async () => {
    const bytes = fs.readFileSync(ENHETER);
    const cut = path.join(tmp, "truncated.json.gz");
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const rows = await count(sql`select count(*)::int as n from register_rows`);
    const err = await importRegisterFile(database.db, cut, { actor: SYSTEM_ACTOR, asOf: "2022-07-01" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegisterFileError);
    expect((err as RegisterFileError).line).toBeGreaterThan(1);
    expect(await count(sql`select count(*)::int as n from register_rows`)).toBe(rows);
    expect(await count(sql`select count(*)::int as n from register_snapshots where status = 'loading'`)).toBe(0);
    const a = await analyseMunicipality(database.db, { areaCode: "3201", asOf: "2022-12-31" });
    expect(a.firms?.total).toBe(304);
  });

  it("reports rejected rows with their line numbers and loads the rest", async () => {
    const text = gunzipSync(fs.readFileSync(ENHETER)).toString("utf8");
    // Break the check digit of the first record (line 3 holds its organisation number).
    const broken = text.replace('"organisasjonsnummer" : "911963582"', '"organisasjonsnummer" : "911963583"');
    const file = path.join(tmp, "one-bad.json.gz");
    fs.writeFileSync(file, gzipSync(broken));
    const s = await importRegisterFile(database.db, file, { actor: SYSTEM_ACTOR, asOf: "2022-06-30", scope: "national" });
    expect(s.rejected).toBe(1);
    expect(s.loaded).toBe(10_287);
    expect(s.problems.find((p) => p.severity === "error")).toMatchObject({ line: 2, code: "invalid_orgnr" });
    // Against the snapshot of 2022-06: one firm gone (the rejected one), nothing else changed.
    expect(s.removed).toBe(1);
    expect(s.inserted).toBe(0);
    expect(s.unchanged).toBe(10_287);
  });
});

/** A database another process can open: a PGlite directory, or a new database on the test server. */
async function sharedDatabase(): Promise<{ where: string; open: () => Promise<Database>; drop: () => Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const dataDir = path.join(tmp, "killed");
    // Migrated already, so the child gets to the import without waiting for initdb.
    await prepareEmbeddedDataDir(dataDir);
    return { where: dataDir, open: () => openDatabase({ dataDir }), drop: async () => {} };
  }
  const name = `nk_kill_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    where: url.toString(),
    open: () => openDatabase({ databaseUrl: url.toString() }),
    drop: () => dropTestDatabase(server, name),
  };
}

describe("an import killed mid-way", () => {
  it("leaves no trace after a restart, and running it again completes", async () => {
    const shared = await sharedDatabase();
    const child = spawn(process.execPath, ["--import", "tsx", "test/fixtures/register/import-and-hang.ts", shared.where, UNDERENHETER], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes("loading")) resolve();
      });
      child.on("exit", (code) => reject(new Error(`child exited early with ${code}`)));
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));

    const db2 = await shared.open();
    try {
      const partial = Number(
        (await queryRows<{ n: number }>(db2.db, sql`select count(*)::int as n from register_snapshots where status = 'loading'`))[0]?.n,
      );
      expect(partial).toBe(1);
      expect(await cleanupIncompleteSnapshots(db2.db)).toBe(1);
      expect(Number((await queryRows<{ n: number }>(db2.db, sql`select count(*)::int as n from register_rows`))[0]?.n)).toBe(0);
      const s = await importRegisterFile(db2.db, UNDERENHETER, { actor: SYSTEM_ACTOR, scope: "national" });
      expect(s.loaded + s.rejected).toBe(20_000);
      expect(Number((await queryRows<{ n: number }>(db2.db, sql`select count(*)::int as n from register_rows`))[0]?.n)).toBe(s.loaded);
    } finally {
      await db2.close();
      await shared.drop();
    }
  });
});
