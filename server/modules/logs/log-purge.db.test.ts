import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineLog } from "../../../core/logs/descriptor.js";
import { placementsLog } from "../../../core/logs/descriptors/placements.js";
import { createTestApp, type TestApp } from "../../../test/helpers/app.js";
import { liaPlacements } from "../../db/schema/index.js";
import { purgeLogPersonalData } from "./log-purge.js";

/** The generic purge, on a descriptor that declares the placement log's orgnr personal (none does today). */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const personal = defineLog({ ...placementsLog, privacy: { personal: ["orgnr"], purgeAfterDays: 365, by: "schoolYear" } });

describe("purge of a described log's personal fields", () => {
  it("empties them once the school year ended more than the retention ago, and counts what is left", async () => {
    const db = t.database.db;
    const row = { companyName: "Rema 1000", sector: "private", placements: 2, orgnr: "974760673" };
    await db.insert(liaPlacements).values([
      { ...row, schoolYear: "2015/16" },
      { ...row, schoolYear: "2016/17" },
    ]);
    const binding = { descriptor: personal, table: liaPlacements };
    // 2017-09-01 minus 365 days is in 2016/17: only 2015/16 has ended before it.
    expect(await purgeLogPersonalData(db, [binding], "2017-09-01", new Date())).toEqual({ purged: 1, remaining: 1 });
    const rows = await db.select().from(liaPlacements).orderBy(liaPlacements.schoolYear);
    expect(rows.map((r) => [r.schoolYear, r.orgnr, r.placements])).toEqual([
      ["2015/16", null, 2],
      ["2016/17", "974760673", 2],
    ]);
    expect(await purgeLogPersonalData(db, [{ descriptor: placementsLog, table: liaPlacements }], "2030-01-01", new Date())).toEqual({
      purged: 0,
      remaining: 0,
    });
  });
});
