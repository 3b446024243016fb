import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LinkView, SessionView } from "../../../core/api/entrepreneurs.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { findJobRun } from "../../jobs/job-runs.js";
import { PURGE_JOB, purgePersonalData } from "./purge.service.js";

let t: TestApp;
let editor: SignedIn;
let admin: SignedIn;
let reader: SignedIn;
let sessionId: string;
beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
  admin = await signInAs(t, "admin");
  reader = await signInAs(t, "reader");
  const s = await t.app.inject({
    method: "POST",
    url: "/api/entrepreneurs/sessions",
    headers: editor.headers,
    payload: { date: "2016-03-15", kind: "guidance", participants: 1, homeMunicipality: "3201" },
  });
  sessionId = (s.json() as SessionView).id;
});
afterAll(async () => t?.close());

const link = (payload: object) => t.app.inject({ method: "POST", url: "/api/entrepreneurs/links", headers: editor.headers, payload });
const links = async () =>
  (await t.app.inject({ url: "/api/entrepreneurs/links", headers: { cookie: editor.cookie } })).json() as LinkView[];
const auditText = async () => JSON.stringify(await t.database.db.query.auditLog.findMany());

// Valid organisation numbers (modulus 11).
const ENK = "974760673";
const UNKNOWN = "923609016";
const AS = "100000040";

describe("entrepreneur links and the retention rule", () => {
  it("accepts only valid organisation numbers", async () => {
    const res = await link({ orgnr: "974760674" });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "validation_failed", details: [{ path: "orgnr" }] });
  });

  it("treats sole proprietorships and unknown forms as personal data and dates the purge from the session or registration", async () => {
    const enk = (await link({ orgnr: "974 760 673", organisationForm: "ENK", sessionId })).json() as LinkView;
    const unknown = (await link({ orgnr: UNKNOWN, registeredDate: "2016-06-01" })).json() as LinkView;
    const as = (await link({ orgnr: AS, organisationForm: "AS", sessionId })).json() as LinkView;
    expect(enk).toMatchObject({ orgnr: ENK, personalData: true, purgeAfter: "2018-03-15" });
    expect(unknown).toMatchObject({ personalData: true, purgeAfter: "2018-06-01" });
    expect(as).toMatchObject({ personalData: false });
  });

  it("never writes an organisation number to the audit log", async () => {
    const text = await auditText();
    expect(text).toContain("entrepreneur_link.create");
    for (const orgnr of [ENK, UNKNOWN, AS]) expect(text).not.toContain(orgnr);
  });

  it("shows links to editors and admins only", async () => {
    expect((await t.app.inject({ url: "/api/entrepreneurs/links" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/entrepreneurs/links", headers: { cookie: reader.cookie } })).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/entrepreneurs/links", headers: reader.headers, payload: { orgnr: AS } })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: "/api/privacy/status", headers: { cookie: editor.cookie } })).statusCode).toBe(403);
  });

  it("purges nothing before the retention has run out, and records the run", async () => {
    const result = await purgePersonalData(t.database.db, new Date("2018-03-14T12:00:00Z"));
    expect(result).toEqual({ asOf: "2018-03-14", purged: 0, remaining: 2 });
    expect((await links()).filter((l) => l.orgnr !== null)).toHaveLength(3);
    expect(await findJobRun(t.database.db, PURGE_JOB)).toMatchObject({ lastRunAt: "2018-03-14T12:00:00.000Z", lastResult: result });
  });

  it("purges each personal number on its purge date (Norwegian day), keeps companies' numbers, audits counts only", async () => {
    // 23:30 UTC on 14 March is 15 March in Norway.
    const now = new Date("2018-03-14T23:30:00Z");
    expect(await purgePersonalData(t.database.db, now)).toEqual({ asOf: "2018-03-15", purged: 1, remaining: 1 });
    const after = await links();
    expect(after.find((l) => l.purgedAt !== null)).toMatchObject({ orgnr: null, purgeAfter: null, purgedAt: now.toISOString() });
    expect(
      after
        .filter((l) => l.orgnr !== null)
        .map((l) => l.orgnr)
        .sort(),
    ).toEqual([AS, UNKNOWN].sort());

    expect(await purgePersonalData(t.database.db, new Date("2030-01-01T12:00:00Z"))).toMatchObject({ purged: 1, remaining: 0 });
    expect((await links()).map((l) => l.orgnr)).toEqual([null, null, AS]);
    const entries = (await t.database.db.query.auditLog.findMany()).filter((a) => a.action === "privacy.purge");
    expect(entries.map((e) => e.after)).toEqual([
      { asOf: "2018-03-15", purged: 1, remaining: 1 },
      { asOf: "2030-01-01", purged: 1, remaining: 0 },
    ]);
    const text = await auditText();
    for (const orgnr of [ENK, UNKNOWN]) expect(text).not.toContain(orgnr);
    const rows = await t.database.db.execute(sql`select count(*)::int as n from entrepreneur_links where orgnr in (${ENK}, ${UNKNOWN})`);
    const n = (Array.isArray(rows) ? rows : (rows as { rows: { n: number }[] }).rows)[0] as { n: number };
    expect(n.n).toBe(0);
  });

  it("lets an admin see the rule and the last run, and run the purge now", async () => {
    const status = await t.app.inject({ url: "/api/privacy/status", headers: { cookie: admin.cookie } });
    expect(status.json()).toMatchObject({ retentionDays: 730, personalOrgnrsStored: 0, jobs: [{ job: PURGE_JOB }] });
    const run = await t.app.inject({ method: "POST", url: "/api/privacy/purge", headers: admin.headers });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ purged: 0, remaining: 0 });
    expect(await findJobRun(t.database.db, PURGE_JOB)).toMatchObject({ lastRunBy: admin.userId });
  });

  it("keeps the purge date of links already purged when they are edited", async () => {
    const purged = (await links()).find((l) => l.purgedAt !== null) as LinkView;
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/entrepreneurs/links/${purged.id}`,
      headers: editor.headers,
      payload: { registeredDate: "2017-01-01" },
    });
    expect(res.json()).toMatchObject({ orgnr: null, purgeAfter: null });
  });
});
