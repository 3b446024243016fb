import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { signInAs, type TestApp } from "../../../test/helpers/app.js";
import { createTestDatabase } from "../../../test/helpers/db.js";
import { brregFixture, emptyFeedPage, type FakeBrreg, type FakeResponse, startFakeBrreg } from "../../../test/helpers/fake-brreg.js";
import { seedRegisterSnapshot } from "../../../test/helpers/register.js";
import { buildApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import type { Database } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { typed } from "../../http.js";
import { type BrregClient, createBrregClient } from "../../importers/brreg/feed/client.js";
import { BrregApiError } from "../../importers/brreg/feed/errors.js";
import { SYSTEM_ACTOR } from "../audit/audit.service.js";
import { registerFeedRoutes } from "./feed.routes.js";
import { syncRegisterFeed } from "./feed.service.js";
import { dropSnapshot } from "./snapshot-store.js";

let database: Database;
let fake: FakeBrreg;
beforeAll(async () => {
  [database, fake] = await Promise.all([createTestDatabase(), startFakeBrreg()]);
});
afterAll(async () => {
  await Promise.all([database?.close(), fake?.close()]);
});

/** Each test starts from an empty register (the cursor and the "latest snapshot" are per kind). */
beforeEach(async () => {
  fake.reset();
  const db = database.db;
  for (const s of await rows<{ id: number }>(sql`select id from register_snapshots where status = 'complete'`))
    await dropSnapshot(db, Number(s.id));
  await db.execute(sql`delete from register_snapshots`);
  await db.execute(sql`delete from register_feed_cursors`);
  await db.execute(sql`delete from register_feed_events`);
  await db.execute(sql`delete from register_changes`);
});

const rows = <T>(q: SQL) => queryRows<T>(database.db, q);
const ok = (body: unknown): FakeResponse => ({ status: 200, body });
const client = (): BrregClient => createBrregClient({ baseUrl: fake.baseUrl, retries: 0 });
const sync = (kind: "enheter" | "underenheter" = "enheter", c: BrregClient = client()) =>
  syncRegisterFeed(database.db, { kind, client: c, actor: SYSTEM_ACTOR });

/** A feed page of events (shaped like Brreg's, for events that were not recorded). */
function feedPage(events: { id: number; orgnr: string; type: string; dato: string; endringer?: unknown[] }[]): FakeResponse {
  return ok({
    _embedded: {
      oppdaterteEnheter: events.map((e) => ({
        oppdateringsid: e.id,
        dato: e.dato,
        organisasjonsnummer: e.orgnr,
        endringstype: e.type,
        ...(e.endringer ? { endringer: e.endringer } : {}),
      })),
    },
    page: { size: 1000, totalElements: events.length, totalPages: 1, number: 0 },
  });
}

async function snapshotRows(snapshotId: number) {
  return rows<{ orgnr: string; name: string; employees: number | null; size_class: string | null; area_code: string | null }>(
    sql`select orgnr, name, employees, size_class, area_code from register_rows where snapshot_id = ${snapshotId} order by orgnr`,
  );
}
const orgnrs = async (snapshotId: number) => (await snapshotRows(snapshotId)).map((r) => r.orgnr);
async function completeSnapshots() {
  return (
    await rows<{ id: number; as_of: string; source: string; based_on: number | null; scope: string }>(
      sql`select id, as_of::text as as_of, source, based_on, scope from register_snapshots where status = 'complete' order by as_of, id`,
    )
  ).map((s) => ({ ...s, id: Number(s.id), based_on: s.based_on === null ? null : Number(s.based_on) }));
}
async function cursor() {
  const [c] = await rows<{ last: string; snapshot_id: number }>(
    sql`select last_oppdateringsid::text as last, snapshot_id from register_feed_cursors where kind = 'enheter'`,
  );
  return c ? { last: Number(c.last), snapshotId: Number(c.snapshot_id) } : null;
}

/** The recorded enheter feed: the includeChanges page (descending) first, then the mixed page. */
function serveRecordedEnheterFeed() {
  fake.feed.enheter = (q) => {
    if (!q.has("dato")) return emptyFeedPage();
    if (q.get("page") === "0") return ok(brregFixture("oppdateringer_enheter_includeChanges.json"));
    if (q.get("page") === "1") return ok(brregFixture("oppdateringer_enheter_mixed_endringstyper.json"));
    return emptyFeedPage(Number(q.get("page")));
  };
  fake.entities["enheter/938282382"] = ok(brregFixture("synthetic/enhet_938282382.json"));
  fake.entities["enheter/923609016"] = ok(brregFixture("enhet_923609016.json"));
}

const BASE_ROWS = [
  { orgnr: "923609016", name: "EQUINOR ASA", employees: 21000, sizeClass: "250+" as const, areaCode: "1103" },
  { orgnr: "984851006", employees: 240, sizeClass: "100-249" as const },
  { orgnr: "917549249", employees: 3, sizeClass: "1-4" as const },
  { orgnr: "936127088", employees: 12, sizeClass: "10-19" as const },
  { orgnr: "910000001" },
];

describe("sync brreg (the update feed)", () => {
  it("applies the recorded enheter feed in ascending oppdateringsid order onto a copy of the latest snapshot", async () => {
    const older = await seedRegisterSnapshot(database.db, { kind: "enheter", asOf: "2026-06-30", rows: BASE_ROWS });
    const base = await seedRegisterSnapshot(database.db, { kind: "enheter", asOf: "2026-08-01", rows: BASE_ROWS });
    serveRecordedEnheterFeed();

    const s = await sync();

    // First run: from midnight in Oslo of the base's date.
    expect(s.start).toEqual({ fromDato: "2026-07-31T22:00:00.000Z" });
    expect(s.byType).toEqual({ Endring: 3, Sletting: 1, Ny: 1, Fjernet: 1, Ukjent: 1 });
    expect(s.fetched).toBe(2); // the Ny and the Ukjent; the Endringer were applied from their patches
    expect(s.outcomes).toMatchObject({ inserted: 1, updated: 3, unchanged: 1, deleted: 1, removed: 1, out_of_scope: 0, rejected: 0 });
    expect(s.asOf).toBe("2026-09-05");
    const snaps = await completeSnapshots();
    expect(snaps.map((x) => [x.id, x.as_of, x.source, x.based_on, x.scope])).toEqual([
      [older, "2026-06-30", "test", null, "national"],
      [base, "2026-08-01", "test", null, "national"],
      [s.snapshotId, "2026-09-05", "feed", base, "national"],
    ]);
    const after = await snapshotRows(s.snapshotId as number);
    expect(after.map((r) => r.orgnr)).toEqual(["910000001", "923609016", "938282382", "984851006"]);
    const byOrgnr = Object.fromEntries(after.map((r) => [r.orgnr, r]));
    // Endring antallAnsatte 240 → 7488: employees and size class.
    expect(byOrgnr["984851006"]).toMatchObject({ employees: 7488, size_class: "250+" });
    // Equinor: Endring to 21239 (id 25067148), then the Ukjent (25166200) fetched the entity: 21408.
    // Applied in descending order, 21239 would have been last.
    expect(byOrgnr["923609016"]).toMatchObject({ name: "EQUINOR ASA", employees: 21408, size_class: "250+", area_code: "1103" });
    // Ny: fetched and normalised.
    expect(byOrgnr["938282382"]).toMatchObject({ name: "SYNTETISK NYETABLERING AS", employees: 0, size_class: "0", area_code: "3201" });
    // Sletting: gone from the new snapshot only.
    expect(await orgnrs(base)).toContain("917549249");
    // Fjernet: gone from every snapshot, every change and the feed log.
    expect(await orgnrs(base)).not.toContain("936127088");
    expect(await orgnrs(older)).not.toContain("936127088");
    expect(await rows(sql`select 1 from register_changes where orgnr = '936127088'`)).toEqual([]);
    const events = await rows<{ oppdateringsid: string; orgnr: string; endringstype: string }>(
      sql`select oppdateringsid::text as oppdateringsid, orgnr, endringstype from register_feed_events order by oppdateringsid`,
    );
    expect(events.map((e) => [Number(e.oppdateringsid), e.orgnr, e.endringstype])).toEqual([
      [25067148, "923609016", "Endring"],
      [25083754, "984851006", "Endring"],
      [25107591, "923609016", "Endring"],
      [25165743, "917549249", "Sletting"],
      [25165745, "938282382", "Ny"],
      [25166125, "", "Fjernet"],
      [25166200, "923609016", "Ukjent"],
    ]);
    // The older snapshots' aggregates no longer count it (3201: 917549249, 936127088→gone, 984851006, 910000001).
    const [agg] = await rows<{ entities: number }>(
      sql`select entities from register_aggregates where snapshot_id = ${older} and area_code = '3201' and dimension = 'total'`,
    );
    expect(agg?.entities).toBe(3);
    // Changes come from diffing the new snapshot against the base.
    const changes = await rows<{ orgnr: string; change: string }>(
      sql`select orgnr, change from register_changes where snapshot_id = ${s.snapshotId} order by orgnr, change`,
    );
    expect(changes).toEqual([
      { orgnr: "917549249", change: "deleted" },
      { orgnr: "923609016", change: "employees" },
      { orgnr: "938282382", change: "registered" },
      { orgnr: "984851006", change: "employees" },
    ]);
    expect(await cursor()).toEqual({ last: 25166200, snapshotId: s.snapshotId });
    const audit = await rows<{ actor: string }>(
      sql`select actor from audit_log where action = 'register.sync' and entity_id = ${String(s.snapshotId)}`,
    );
    expect(audit).toEqual([{ actor: "system" }]);
  });

  it("continues from the cursor; with no new events a second sync changes nothing", async () => {
    await seedRegisterSnapshot(database.db, { kind: "enheter", asOf: "2026-08-01", rows: BASE_ROWS });
    serveRecordedEnheterFeed();
    const first = await sync();
    const before = { snaps: await completeSnapshots(), cursor: await cursor(), rows: await snapshotRows(first.snapshotId as number) };
    fake.requests.length = 0;

    const second = await sync();

    expect(fake.requests).toEqual([
      "/enhetsregisteret/api/oppdateringer/enheter?oppdateringsid=25166201&size=1000&page=0&includeChanges=true",
    ]);
    expect(second.snapshotId).toBeNull();
    expect(second.events).toBe(0);
    expect(await completeSnapshots()).toEqual(before.snaps);
    expect(await cursor()).toEqual(before.cursor);
    expect(await snapshotRows(first.snapshotId as number)).toEqual(before.rows);
    expect(await rows(sql`select 1 from register_snapshots where status <> 'complete'`)).toEqual([]);
  });

  it("an Endring to the value a row already has leaves it unchanged (the same fingerprint as the bulk load wrote)", async () => {
    const base = await seedRegisterSnapshot(database.db, { kind: "enheter", asOf: "2026-08-01", rows: BASE_ROWS });
    fake.feed.enheter = () =>
      feedPage([
        {
          id: 25170000,
          orgnr: "984851006",
          type: "Endring",
          dato: "2026-08-20T08:00:00.000Z",
          endringer: [{ op: "replace", path: "/navn", value: "Firma 984851006" }],
        },
        {
          id: 25170001,
          orgnr: "923609016",
          type: "Endring",
          dato: "2026-08-20T08:00:00.000Z",
          endringer: [{ op: "replace", path: "/navn", value: "NYTT NAVN ASA" }],
        },
      ]);
    const s = await sync();
    expect(s.outcomes).toMatchObject({ unchanged: 1, updated: 1 });
    const same = await rows<{ orgnr: string }>(sql`
      select n.orgnr from register_rows n join register_rows b on b.orgnr = n.orgnr and b.snapshot_id = ${base}
      where n.snapshot_id = ${s.snapshotId} and n.row_hash = b.row_hash order by n.orgnr`);
    expect(same.map((r) => r.orgnr)).toEqual(["910000001", "917549249", "936127088", "984851006"]);
  });

  it("keeps one feed snapshot per month: a later sync in the same month replaces the previous feed snapshot, the month's last one stays", async () => {
    const base = await seedRegisterSnapshot(database.db, { kind: "enheter", asOf: "2026-08-01", rows: BASE_ROWS });
    serveRecordedEnheterFeed();
    const september5 = (await sync()).snapshotId as number;
    const antall = (value: number) => [{ op: "replace", path: "/antallAnsatte", value }];
    fake.feed.enheter = (q) =>
      q.get("oppdateringsid") === "25166201"
        ? feedPage([{ id: 25170000, orgnr: "984851006", type: "Endring", dato: "2026-09-20T08:00:00.000Z", endringer: antall(7500) }])
        : feedPage([{ id: 25180000, orgnr: "984851006", type: "Endring", dato: "2026-10-02T08:00:00.000Z", endringer: antall(7600) }]);

    const september20 = await sync();
    expect(september20.droppedSnapshotId).toBe(september5);
    expect((await completeSnapshots()).map((x) => [x.as_of, x.source])).toEqual([
      ["2026-08-01", "test"],
      ["2026-09-20", "feed"],
    ]);
    // The changes of the surviving snapshot are now counted from the bulk snapshot before it.
    const changes = await rows<{ orgnr: string; previous_snapshot_id: number }>(
      sql`select orgnr, previous_snapshot_id from register_changes where snapshot_id = ${september20.snapshotId} and orgnr = '938282382'`,
    );
    expect(changes.map((c) => Number(c.previous_snapshot_id))).toEqual([base]);

    const october = await sync();
    expect(october.droppedSnapshotId).toBeNull();
    expect((await completeSnapshots()).map((x) => [x.as_of, x.source])).toEqual([
      ["2026-08-01", "test"],
      ["2026-09-20", "feed"],
      ["2026-10-02", "feed"],
    ]);
    const [row] = await rows<{ employees: number }>(
      sql`select employees from register_rows where snapshot_id = ${october.snapshotId} and orgnr = '984851006'`,
    );
    expect(row?.employees).toBe(7600);
  });

  it("fetches an Ukjent entity again: HTTP 410 removes it everywhere, a slettedato deletes it from the new snapshot", async () => {
    const base = await seedRegisterSnapshot(database.db, {
      kind: "enheter",
      asOf: "2026-09-01",
      rows: [{ orgnr: "936127088" }, { orgnr: "981276957", name: "DNB ASA", orgForm: "ASA" }, { orgnr: "910000001" }],
    });
    fake.feed.enheter = () =>
      feedPage([
        { id: 30000002, orgnr: "981276957", type: "Ukjent", dato: "2026-09-05T10:00:00.000Z" },
        { id: 30000001, orgnr: "936127088", type: "Ukjent", dato: "2026-09-05T09:00:00.000Z" },
      ]);
    fake.entities["enheter/936127088"] = { status: 410, body: brregFixture("enhet_fjernet_410_936127088.json") };
    fake.entities["enheter/981276957"] = ok(brregFixture("enhet_slettet_981276957.json"));

    const s = await sync();

    expect(s.fetched).toBe(2);
    expect(s.outcomes).toMatchObject({ removed: 1, deleted: 1 });
    expect(await orgnrs(s.snapshotId as number)).toEqual(["910000001"]);
    expect(await orgnrs(base)).toEqual(["910000001", "981276957"]);
    const events = await rows<{ orgnr: string }>(sql`select orgnr from register_feed_events order by oppdateringsid`);
    expect(events.map((e) => e.orgnr)).toEqual(["", "981276957"]);
  });

  it("reports Brreg's 400 error body clearly and writes nothing", async () => {
    await seedRegisterSnapshot(database.db, { kind: "enheter", asOf: "2026-08-01", rows: BASE_ROWS });
    fake.feed.enheter = () => ({ status: 400, body: brregFixture("error_400_oppdateringer_bad_date.json") });
    const before = await completeSnapshots();

    const err = await sync().catch((e: unknown) => e);

    expect(err).toBeInstanceOf(BrregApiError);
    expect((err as Error).message).toMatch(
      /^Brreg answered 400 for GET http:\/\/127\.0\.0\.1:\d+\/enhetsregisteret\/api\/oppdateringer\/enheter\?dato=.*: Feilaktig forespørsel; updatedBefore "2026-08-13": Dato må være en gyldig dato/,
    );
    expect(await completeSnapshots()).toEqual(before);
    expect(await rows(sql`select 1 from register_snapshots where status <> 'complete'`)).toEqual([]);
    expect(await cursor()).toBeNull();
  });

  it("says to import a bulk file first when there is no snapshot to build on", async () => {
    await expect(sync("underenheter")).rejects.toThrow(/no underenheter snapshot .* import a bulk file first/);
    expect(fake.requests).toEqual([]);
  });

  it("a crash in the middle leaves the previous snapshot and the cursor intact, and the next sync completes", async () => {
    await seedRegisterSnapshot(database.db, { kind: "enheter", asOf: "2026-08-01", rows: BASE_ROWS });
    serveRecordedEnheterFeed();
    const first = await sync();
    const before = { snaps: await completeSnapshots(), cursor: await cursor(), rows: await snapshotRows(first.snapshotId as number) };
    fake.feed.enheter = () =>
      feedPage([
        { id: 25170001, orgnr: "910000001", type: "Sletting", dato: "2026-09-06T08:00:00.000Z" },
        { id: 25170002, orgnr: "984851006", type: "Fjernet", dato: "2026-09-06T08:01:00.000Z" },
        { id: 25170003, orgnr: "938282382", type: "Ukjent", dato: "2026-09-06T08:02:00.000Z" },
      ]);
    const real = client();
    const crashing: BrregClient = {
      ...real,
      fetchEntity: async () => {
        throw new Error("simulated crash while fetching");
      },
    };

    await expect(sync("enheter", crashing)).rejects.toThrow("simulated crash while fetching");

    expect(await completeSnapshots()).toEqual(before.snaps);
    expect(await cursor()).toEqual(before.cursor);
    expect(await snapshotRows(first.snapshotId as number)).toEqual(before.rows); // 910000001 and 984851006 still there
    expect(await rows(sql`select 1 from register_feed_events where oppdateringsid >= 25170001`)).toEqual([]);
    expect(await rows(sql`select 1 from register_snapshots where status = 'loading'`)).toEqual([]);
    expect(
      await rows(sql`select relname from pg_class where relname ~ '^register_rows_[0-9]+$' and not relispartition and relkind = 'r'`),
    ).toEqual([]);

    const again = await sync("enheter", real);
    expect(again.start).toEqual({ afterOppdateringsid: 25166200 });
    expect(await orgnrs(again.snapshotId as number)).toEqual(["923609016", "938282382"]);
    expect(await cursor()).toEqual({ last: 25170003, snapshotId: again.snapshotId });
  });

  it("syncs underenheter into a municipality-scoped snapshot: out-of-scope units are skipped, unknown ones reported", async () => {
    const base = await seedRegisterSnapshot(database.db, {
      kind: "underenheter",
      asOf: "2022-07-04",
      scope: "3201",
      rows: [
        { orgnr: "111111111" },
        { orgnr: "222222222" },
        { orgnr: "333333333", employees: 7, sizeClass: "5-9" },
        { orgnr: "777777777" },
        { orgnr: "910000001" },
      ],
    });
    fake.feed.underenheter = (q) =>
      q.get("page") === "0" ? ok(brregFixture("oppdateringer_underenheter_anonymized.json")) : emptyFeedPage();
    fake.entities["underenheter/333333333"] = ok(brregFixture("synthetic/underenhet_333333333.json"));
    fake.entities["underenheter/666666666"] = ok(brregFixture("synthetic/underenhet_666666666.json"));

    const s = await sync("underenheter");

    expect(s.start).toEqual({ fromDato: "2022-07-03T22:00:00.000Z" });
    expect(s.byType).toEqual({ Fjernet: 1, Sletting: 5, Endring: 4 });
    // Endringer without changes are fetched: 333333333 (in Bærum), 666666666 (Oslo: out of scope), 888…/999… (unknown).
    expect(s.fetched).toBe(4);
    expect(s.outcomes).toMatchObject({ removed: 1, deleted: 2, unchanged: 3, updated: 1, out_of_scope: 1, not_found: 2 });
    expect(s.asOf).toBe("2022-07-05");
    const after = await snapshotRows(s.snapshotId as number);
    expect(after.map((r) => [r.orgnr, r.employees, r.size_class, r.area_code])).toEqual([
      ["333333333", 12, "10-19", "3201"],
      ["910000001", null, "0", "3201"],
    ]);
    expect(await orgnrs(base)).toEqual(["222222222", "333333333", "777777777", "910000001"]);
    expect((await completeSnapshots()).at(-1)).toMatchObject({ scope: "3201", source: "feed" });
    expect(fake.requests.filter((r) => r.startsWith("/enhetsregisteret/api/underenheter/"))).toEqual([
      "/enhetsregisteret/api/underenheter/333333333",
      "/enhetsregisteret/api/underenheter/666666666",
      "/enhetsregisteret/api/underenheter/888888888",
      "/enhetsregisteret/api/underenheter/999999999",
    ]);
  });
});

describe("POST /api/register/sync", () => {
  let t: TestApp;
  beforeAll(async () => {
    const config = loadConfig({
      LOG_LEVEL: "silent",
      DATA_DIR: "/nonexistent",
      NODE_ENV: "test",
      TRUST_PROXY: "true",
      BRREG_BASE_URL: fake.baseUrl,
    });
    const app = await buildApp({ config, database });
    // Until server/app.ts lists registerFeedRoutes with the other route plugins.
    if (!app.hasRoute({ method: "POST", url: "/api/register/sync" })) registerFeedRoutes(typed(app), { config, db: database.db });
    await app.ready();
    t = { app, database, close: () => app.close() };
  });
  afterAll(async () => {
    await t?.close();
  });

  it("lets an admin sync from BRREG_BASE_URL, audited; others are refused", async () => {
    await seedRegisterSnapshot(database.db, { kind: "enheter", asOf: "2026-08-01", rows: BASE_ROWS });
    serveRecordedEnheterFeed();
    const editor = await signInAs(t, "editor");
    const refused = await t.app.inject({ method: "POST", url: "/api/register/sync", headers: editor.headers, payload: {} });
    expect(refused.statusCode).toBe(403);
    expect(fake.requests).toEqual([]);

    const admin = await signInAs(t, "admin");
    const res = await t.app.inject({ method: "POST", url: "/api/register/sync", headers: admin.headers, payload: { kind: "enheter" } });
    expect(res.statusCode).toBe(200);
    const [summary] = res.json() as { snapshotId: number; events: number; byType: Record<string, number> }[];
    expect(summary?.events).toBe(7);
    const audit = await rows<{ actor: string }>(
      sql`select actor from audit_log where action = 'register.sync' and entity_id = ${String(summary?.snapshotId)}`,
    );
    expect(audit).toEqual([{ actor: admin.email }]);
    const cursors = await t.app.inject({ method: "GET", url: "/api/register/sync", headers: admin.headers });
    expect(cursors.json()).toMatchObject([{ kind: "enheter", lastOppdateringsid: 25166200, snapshotId: summary?.snapshotId }]);
  });

  it("answers 502 with Brreg's error and 409 without a snapshot to build on", async () => {
    const admin = await signInAs(t, "admin");
    const none = await t.app.inject({ method: "POST", url: "/api/register/sync", headers: admin.headers, payload: {} });
    expect(none.statusCode).toBe(409);
    expect(none.json().message).toContain("import a bulk file first");

    await seedRegisterSnapshot(database.db, { kind: "enheter", asOf: "2026-08-01", rows: BASE_ROWS });
    fake.feed.enheter = () => ({ status: 400, body: brregFixture("error_400_oppdateringer_bad_date.json") });
    const bad = await t.app.inject({ method: "POST", url: "/api/register/sync", headers: admin.headers, payload: {} });
    expect(bad.statusCode).toBe(502);
    expect(bad.json()).toMatchObject({ code: "upstream_failed" });
    expect(bad.json().message).toContain("Feilaktig forespørsel; updatedBefore");
  });
});
