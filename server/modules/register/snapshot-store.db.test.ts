import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/helpers/db.js";
import { registerRow, seedRegisterSnapshot } from "../../../test/helpers/register.js";
import type { Database } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { beginSnapshotLoad, cleanupIncompleteSnapshots, encodeCopyLine, partitionName } from "./snapshot-store.js";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const count = async (q: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(database.db, q))[0]?.n);

describe("register snapshots", () => {
  it("loads rows into their own partition, aggregates them and records changes against the previous snapshot of the same scope", async () => {
    const db = database.db;
    const first = await seedRegisterSnapshot(db, {
      kind: "enheter",
      asOf: "2023-01-01",
      rows: [
        { orgnr: "910000001", employees: 12, sizeClass: "10-19" },
        { orgnr: "910000002", sizeClass: "1-4" },
        { orgnr: "910000003", areaCode: "0301" },
      ],
    });
    const second = await seedRegisterSnapshot(db, {
      kind: "enheter",
      asOf: "2024-01-01",
      rows: [
        { orgnr: "910000001", employees: 30, sizeClass: "20-49" },
        { orgnr: "910000003", areaCode: "3201" },
        { orgnr: "910000004", registeredOn: "2023-06-01" },
      ],
    });
    expect(await count(sql`select count(*)::int as n from register_rows where snapshot_id = ${first}`)).toBe(3);
    expect(await count(sql`select count(*)::int as n from ${sql.raw(partitionName(second))}`)).toBe(3);
    expect(
      await count(
        sql`select entities as n from register_aggregates where snapshot_id = ${first} and area_code = '3201' and dimension = 'total'`,
      ),
    ).toBe(2);
    expect(
      await count(
        sql`select employees_5plus as n from register_aggregates where snapshot_id = ${second} and area_code = '3201' and dimension = 'total'`,
      ),
    ).toBe(30);
    const changes = await queryRows<{
      orgnr: string;
      change: string;
      area_code: string | null;
      previous_area_code: string | null;
      occurred_on: string;
    }>(
      db,
      sql`select orgnr, change, area_code, previous_area_code, occurred_on::text from register_changes where snapshot_id = ${second} order by orgnr, change`,
    );
    expect(changes).toEqual([
      { orgnr: "910000001", change: "employees", area_code: "3201", previous_area_code: "3201", occurred_on: "2024-01-01" },
      { orgnr: "910000002", change: "deleted", area_code: null, previous_area_code: "3201", occurred_on: "2024-01-01" },
      { orgnr: "910000003", change: "moved", area_code: "3201", previous_area_code: "0301", occurred_on: "2024-01-01" },
      { orgnr: "910000004", change: "registered", area_code: "3201", previous_area_code: null, occurred_on: "2023-06-01" },
    ]);
  });

  it("drops what an interrupted load left behind and keeps the complete snapshots", async () => {
    const db = database.db;
    const before = await count(sql`select count(*)::int as n from register_rows`);
    const load = await beginSnapshotLoad(db, {
      kind: "enheter",
      source: "x",
      sourceFormat: "json",
      contentSha256: null,
      createdBy: "test",
    });
    await load.writer.write(`${encodeCopyLine(registerRow({ orgnr: "910000005" }))}\n`);
    await load.writer.close();
    await load.release(); // as if the process died here
    expect(await count(sql`select count(*)::int as n from register_rows`)).toBe(before);
    expect(await cleanupIncompleteSnapshots(db)).toBe(1);
    expect(await count(sql`select count(*)::int as n from pg_class where relname = ${partitionName(load.snapshotId)}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from register_snapshots where status = 'failed'`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from register_rows`)).toBe(before);
  });
});
