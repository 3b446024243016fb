import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { engagements } from "../../db/schema/index.js";
import { loadSeries } from "../indicators/series.service.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import type { EvaluatedTarget, PlanTree } from "../plans/plan-tree.service.js";
import { AS1, AS2, AS3, ENK, logEngagement, seedCompanies, visit } from "./engagements.fixtures.js";

/** The counting rules (docs/engagements.md) as the Bærum plan's targets see them. */

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  await seedCompanies(t);
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.database.db.delete(engagements);
});

async function target(key: string, asOf: string): Promise<Pick<EvaluatedTarget, "status" | "period"> & { text: string }> {
  const tree = (await t.app.inject({ url: `/api/plans/baerum-2015?asOf=${asOf}` })).json() as PlanTree;
  const all = tree.focusAreas.flatMap((a) => [...a.targets, ...a.goals.flatMap((g) => g.targets), ...a.measures.flatMap((m) => m.targets)]);
  const found = all.find((x) => x.key === key);
  if (!found) throw new Error(`no target ${key}`);
  return { status: found.status, period: found.period, text: found.explanation.text.replace(/[\u00a0\u202f]/g, " ") };
}

/** The indicator's total for a year. */
async function yearTotal(key: string, year: number): Promise<number> {
  const series = await loadSeries(t.database.db, [key], { areaCode: "3201", range: { start: `${year}-01-01`, end: `${year}-12-31` } });
  return (series.get(key) ?? []).filter((v) => v.period.startsWith(String(year))).reduce((s, v) => s + (v.value ?? 0), 0);
}

describe("company visits count one company on one day once", () => {
  it("counts the same company on the same day in two engagements once, and on another day again", async () => {
    await logEngagement(t, editor, visit("2017-03-01", [AS1], { participants: [{ role: "political_leadership" }] }));
    await logEngagement(t, editor, visit("2017-03-01", [AS1], { title: "Samme besøk, ført av næringsavdelingen" }));
    expect(await yearTotal("company-visits", 2017)).toBe(1);
    await logEngagement(t, editor, visit("2017-03-02", [AS1]));
    expect(await yearTotal("company-visits", 2017)).toBe(2);
  });

  it("counts each company of a meeting with several companies", async () => {
    await logEngagement(t, editor, visit("2017-05-10", [AS1, AS2, AS3, ENK]));
    expect(await yearTotal("company-visits", 2017)).toBe(4);
  });

  it("counts only company visits, not contact or dialogue meetings, events or welcomes", async () => {
    await logEngagement(t, editor, { ...visit("2017-05-10", [AS1]), kind: "contact_meeting" });
    await logEngagement(t, editor, { ...visit("2017-05-11", [AS1]), kind: "event" });
    await logEngagement(t, editor, { ...visit("2017-05-12", [AS1]), kind: "welcome" });
    expect(await yearTotal("company-visits", 2017)).toBe(0);
  });

  it("puts a visit on 31 December in that year and one on 1 January in the next", async () => {
    await logEngagement(t, editor, visit("2017-12-31", [AS1]));
    await logEngagement(t, editor, visit("2018-01-01", [AS1]));
    await logEngagement(t, editor, visit("2018-01-01", [AS2]));
    expect(await yearTotal("company-visits", 2017)).toBe(1);
    expect(await yearTotal("company-visits", 2018)).toBe(2);
  });

  it("dates a visit logged late on 31 December UTC by the Norwegian day (1 January)", async () => {
    const { createEngagement } = await import("./engagements.service.js");
    const { todayInOslo } = await import("../../../core/periods.js");
    const today = todayInOslo(new Date("2017-12-31T23:30:00Z"));
    expect(today).toBe("2018-01-01");
    const view = await t.database.db.transaction((tx) =>
      createEngagement(
        tx,
        { userId: editor.userId, label: editor.email, role: "editor" },
        { kind: "company_visit", title: "Nyttårsbesøk", companies: [{ orgnr: AS3 }] },
        { retentionDays: 730, today },
      ),
    );
    expect(view.date).toBe("2018-01-01");
    expect(await yearTotal("company-visits", 2017)).toBe(0);
    expect(await yearTotal("company-visits", 2018)).toBe(1);
  });

  it("counts visits with political and with administrative leadership", async () => {
    await logEngagement(t, editor, visit("2017-03-01", [AS1], { participants: [{ role: "business_development_staff" }] }));
    await logEngagement(t, editor, visit("2017-03-01", [AS1], { participants: [{ role: "political_leadership", name: "Ordfører" }] }));
    await logEngagement(t, editor, visit("2017-04-01", [AS2, AS3], { participants: [{ role: "administrative_leadership" }] }));
    expect(await yearTotal("company-visits", 2017)).toBe(3);
    expect(await yearTotal("company-visits-political-leadership", 2017)).toBe(1);
    expect(await yearTotal("company-visits-administrative-leadership", 2017)).toBe(2);
    expect(await target("a2-political-leadership-visits-per-year", "2017-12-31")).toMatchObject({ status: "achieved", period: "2017" });
  });

  it("counts dialogue meetings, advocacy actions per measure and welcomes", async () => {
    await logEngagement(t, editor, {
      kind: "dialogue_meeting",
      date: "2017-02-01",
      title: "Dialogmøte",
      organisationKeys: ["baerum-naeringsrad"],
    });
    await logEngagement(t, editor, {
      kind: "dialogue_meeting",
      date: "2017-09-01",
      title: "Dialogmøte",
      organisationKeys: ["asker-kommune"],
    });
    await logEngagement(t, editor, { kind: "advocacy", date: "2017-02-01", title: "Møte om E18", measureKeys: ["a7-m1"] });
    await logEngagement(t, editor, {
      kind: "advocacy",
      date: "2017-03-01",
      title: "Uttalelse om Fornebubanen",
      measureKeys: ["a7-m3", "a7-m6"],
    });
    expect(await yearTotal("dialogue-meetings", 2017)).toBe(2);
    expect(await yearTotal("advocacy-actions", 2017)).toBe(2);
    expect(await yearTotal("advocacy-actions-e18-e16", 2017)).toBe(1);
    expect(await yearTotal("advocacy-actions-public-transport", 2017)).toBe(1);
    expect(await yearTotal("advocacy-actions-with-business", 2017)).toBe(1);
    expect(await yearTotal("advocacy-actions-mobile-coverage", 2017)).toBe(0);
    expect(await target("a2-dialogue-meetings-per-year", "2017-12-31")).toMatchObject({ status: "off_track", period: "2017" });
    expect(await target("a7-advocacy-e18-e16-per-year", "2017-12-31")).toMatchObject({ status: "achieved" });
  });
});

describe('the "at least 15 company visits every year" target', () => {
  it("has no data before the log is used, then moves with every visit", async () => {
    expect(await target("a1-company-visits-per-year", "2017-06-30")).toMatchObject({ status: "no_data" });
    for (let i = 1; i <= 7; i++) await logEngagement(t, editor, visit(`2017-0${(i % 6) + 1}-1${i}`, [AS1]));
    const half = await target("a1-company-visits-per-year", "2017-06-30");
    expect(half).toMatchObject({ period: "2017" });
    expect(half.text).toContain("7 av 15");
    for (let i = 1; i <= 8; i++) await logEngagement(t, editor, visit(`2017-06-2${i}`, [AS2]));
    expect(await target("a1-company-visits-per-year", "2017-06-30")).toMatchObject({ status: "achieved", period: "2017" });
    // The next year starts from a real 0.
    expect((await target("a1-company-visits-per-year", "2018-02-01")).text).toContain("0 av 15");
  });
});
