import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngagementView } from "../../../core/api/engagements.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadConfig } from "../../config.js";
import { startScheduledJobs } from "../../jobs/scheduler.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import { privacyJobs } from "../privacy/privacy.jobs.js";
import { PURGE_JOB } from "../privacy/purge.service.js";
import { AS1, ENK, logEngagement, seedCompanies, UNKNOWN, visit } from "./engagements.fixtures.js";

/**
 * The retention rule on the engagement log, run by the scheduled purge job on a fake clock: contact
 * persons and sole proprietorships' numbers and names go once the engagement is
 * PERSONAL_DATA_RETENTION_DAYS old (here the default 730 days); the visits keep counting.
 */

let t: TestApp;
let editor: SignedIn;
let admin: SignedIn;
const config = loadConfig({ LOG_LEVEL: "silent", NODE_ENV: "test" });
let early: EngagementView;
let late: EngagementView;

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  await seedCompanies(t);
  editor = await signInAs(t, "editor");
  admin = await signInAs(t, "admin");
  early = await logEngagement(
    t,
    editor,
    visit("2016-03-15", [AS1, ENK, UNKNOWN], { contacts: [{ name: "Ola Nordmann", email: "ola@example.no" }] }),
  );
  late = await logEngagement(t, editor, visit("2016-09-01", [ENK], { contacts: [{ name: "Kari Nordmann" }] }));
});
afterAll(async () => t?.close());

const view = async (id: string) =>
  (await t.app.inject({ url: `/api/engagements/${id}`, headers: { cookie: editor.cookie } })).json() as EngagementView;
const visits2016 = async () => {
  const { loadSeries } = await import("../indicators/series.service.js");
  const s = await loadSeries(t.database.db, ["company-visits"], { areaCode: "3201", range: { start: "2016-01-01", end: "2016-12-31" } });
  return (s.get("company-visits") ?? []).reduce((n, v) => n + (v.value ?? 0), 0);
};

function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (iso: string) => (now = new Date(iso)), setTimer: () => () => {} };
}

describe("the scheduled purge of the engagement log's personal data", () => {
  it("dates the purge from the engagement's date", () => {
    expect(early.purgeAfter).toBe("2018-03-15");
    expect(late.purgeAfter).toBe("2018-09-01");
  });

  it("keeps everything until the day comes, then purges contacts and personal numbers while the visits keep counting", async () => {
    expect(await visits2016()).toBe(4);
    const c = clock("2018-03-14T12:00:00Z");
    const scheduler = startScheduledJobs({
      db: t.database.db,
      config,
      now: c.now,
      setTimer: c.setTimer,
      log: { info() {}, error() {} },
      jobs: privacyJobs,
    });
    // 2 contacts + ENK twice + the unknown company = 5 personal items.
    expect(await scheduler.ready).toEqual([{ job: PURGE_JOB, status: "ran", result: { asOf: "2018-03-14", purged: 0, remaining: 5 } }]);
    expect((await view(early.id)).contacts).toHaveLength(1);

    // A day later, at 23:30 UTC on 14 March = 15 March in Norway.
    c.set("2018-03-15T23:30:00Z");
    expect(await scheduler.runDue()).toEqual([{ job: PURGE_JOB, status: "ran", result: { asOf: "2018-03-16", purged: 3, remaining: 2 } }]);
    const purged = await view(early.id);
    expect(purged.contacts).toEqual([]);
    expect(purged.companies).toEqual([
      { orgnr: AS1, name: "Fornebu Energi AS", foundInRegister: true, personalData: false, purged: false },
      { orgnr: null, name: null, foundInRegister: true, personalData: true, purged: true },
      { orgnr: null, name: null, foundInRegister: false, personalData: true, purged: true },
    ]);
    expect(purged.personalDataPurgedAt).toBe("2018-03-15T23:30:00.000Z");
    expect((await view(late.id)).companies).toMatchObject([{ orgnr: ENK }]);
    // The purged companies still count as visits.
    expect(await visits2016()).toBe(4);

    c.set("2018-09-02T12:00:00Z");
    expect(await scheduler.runDue()).toEqual([{ job: PURGE_JOB, status: "ran", result: { asOf: "2018-09-02", purged: 2, remaining: 0 } }]);
    await scheduler.stop();

    const all = JSON.stringify(await (await t.app.inject({ url: "/api/engagements", headers: { cookie: admin.cookie } })).body);
    for (const secret of [ENK, UNKNOWN, "Ola Nordmann", "Kari Nordmann", "ola@example.no"]) expect(all).not.toContain(secret);
    const csv = (await t.app.inject({ url: "/api/engagements.csv", headers: { cookie: admin.cookie } })).body;
    for (const secret of [ENK, UNKNOWN, "Kari Nordmann"]) expect(csv).not.toContain(secret);
    const status = await t.app.inject({ url: "/api/privacy/status", headers: { cookie: admin.cookie } });
    expect(status.json()).toMatchObject({ engagementPersonalDataStored: 0 });
    // Editing a purged engagement keeps the purged companies (and their visit).
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/engagements/${early.id}`,
      headers: editor.headers,
      payload: { companies: [{ orgnr: AS1 }] },
    });
    expect((res.json() as EngagementView).companies).toHaveLength(3);
    expect(await visits2016()).toBe(4);
  });
});
