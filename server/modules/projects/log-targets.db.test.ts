import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { liaPlacements, projects } from "../../db/schema/index.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import type { EvaluatedTarget, PlanTree } from "../plans/plan-tree.service.js";

/** End to end: the office logs entries, and the Bærum plan's targets move with the right explanation. */

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());
// Each test starts with empty logs (the plan stays).
beforeEach(async () => {
  await t.database.db.delete(projects);
  await t.database.db.delete(liaPlacements);
});

async function target(key: string, asOf: string): Promise<Pick<EvaluatedTarget, "status" | "period"> & { text: string }> {
  const tree = (await t.app.inject({ url: `/api/plans/baerum-2015?asOf=${asOf}` })).json() as PlanTree;
  const all = tree.focusAreas.flatMap((a) => [...a.targets, ...a.goals.flatMap((g) => g.targets), ...a.measures.flatMap((m) => m.targets)]);
  const found = all.find((x) => x.key === key);
  if (!found) throw new Error(`no target ${key}`);
  // nb-NO formatting uses non-breaking spaces ("0 %"); compare with plain ones.
  return { status: found.status, period: found.period, text: found.explanation.text.replace(/[\u00a0\u202f]/g, " ") };
}

async function post(url: string, payload: object): Promise<string> {
  const res = await t.app.inject({ method: "POST", url, headers: editor.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

const procurement = (key: string, establishedDate: string, status = "ongoing") =>
  post("/api/projects", { key, kind: "innovative_procurement", title: `Innkjøp ${key}`, status, establishedDate, measureKey: "a2-m5" });

describe("delivery logs drive the Bærum plan's targets", () => {
  it("LIA: at least 250 placements per school year", async () => {
    expect(await target("a4-lia-placements-250", "2017-06-01")).toMatchObject({ status: "no_data" });
    await post("/api/placements", {
      schoolYear: "2016/17",
      companyName: "Bærum kommune",
      sector: "municipal",
      school: "Rud vgs",
      placements: 180,
    });
    expect(await target("a4-lia-placements-250", "2017-06-01")).toEqual({
      status: "at_risk",
      period: "2016/17",
      text: "180 av 250 praksisplasser i skoleåret 2016/17; 70 gjenstår, 9 uker igjen av skoleåret.",
    });
    await post("/api/placements", { schoolYear: "2016/17", companyName: "Rema 1000", sector: "private", placements: 80 });
    expect(await target("a4-lia-placements-250", "2017-06-01")).toEqual({
      status: "achieved",
      period: "2016/17",
      text: "260 av 250 praksisplasser i skoleåret 2016/17 – målet er nådd.",
    });
    // A new school year without entries is a real 0, not "no data".
    expect(await target("a4-lia-placements-250", "2017-10-01")).toEqual({
      status: "off_track",
      period: "2017/18",
      text: "0 av 250 praksisplasser i skoleåret 2017/18; 250 gjenstår, 10 måneder igjen av skoleåret.",
    });
  });

  it("FutureBuilt: at least one new project by the end of 2017", async () => {
    expect(await target("a2-futurebuilt-project-2017", "2017-06-30")).toMatchObject({ status: "no_data" });
    // Once the project log is in use, no FutureBuilt project is a real 0: behind schedule, not "no data".
    await procurement("ii-2015", "2015-10-01");
    expect(await target("a2-futurebuilt-project-2017", "2017-06-30")).toEqual({
      status: "off_track",
      period: "2015-01-01..2017-12-31",
      text: "Fremdrift 0 %, forventet 83,2 % nå; frist 31.12.2017 (6 måneder igjen).",
    });
    const id = await post("/api/projects", {
      key: "fb-1",
      kind: "futurebuilt",
      title: "Fornebu",
      status: "ongoing",
      establishedDate: "2016-09-01",
    });
    expect(await target("a2-futurebuilt-project-2017", "2017-06-30")).toEqual({
      status: "achieved",
      period: "2015-01-01..2017-12-31",
      text: "Nådd 01.09.2016, innen fristen 31.12.2017.",
    });
    await t.app.inject({ method: "PATCH", url: `/api/projects/${id}`, headers: editor.headers, payload: { status: "cancelled" } });
    // A cancelled project does not count: the deadline has passed without one.
    expect(await target("a2-futurebuilt-project-2017", "2018-01-15")).toEqual({
      status: "off_track",
      period: "2015-01-01..2017-12-31",
      text: "Ikke nådd; fristen 31.12.2017 er passert (fremdrift 0 %).",
    });
  });

  it("Innovative procurements: 6–10 over the plan period", async () => {
    await procurement("ii-2015", "2015-10-01");
    await procurement("ii-2016a", "2016-03-01");
    expect(await target("a2-innovative-procurements-6-10", "2016-12-31")).toEqual({
      status: "off_track",
      period: "2015-01-01..2018-12-31",
      text: "2 hittil i planperioden 2015–2018; målet er 6–10, 24 måneder igjen.",
    });
    await procurement("ii-2016b", "2016-11-01");
    expect(await target("a2-innovative-procurements-6-10", "2016-12-31")).toEqual({
      status: "at_risk",
      period: "2015-01-01..2018-12-31",
      text: "3 hittil i planperioden 2015–2018; målet er 6–10, 24 måneder igjen.",
    });
    for (const d of ["2017-02-01", "2017-05-01", "2018-01-10", "2018-06-01"]) await procurement(`ii-${d}`, d);
    await procurement("ii-cancelled", "2018-07-01", "cancelled");
    // The cancelled one does not count: 7, within 6–10 once the plan period is over.
    expect(await target("a2-innovative-procurements-6-10", "2019-02-01")).toEqual({
      status: "achieved",
      period: "2015-01-01..2018-12-31",
      text: "7 i planperioden 2015–2018; målet er 6–10.",
    });
    for (const d of ["2018-08-01", "2018-09-01", "2018-10-01", "2018-11-01"]) await procurement(`ii-late-${d}`, d);
    expect(await target("a2-innovative-procurements-6-10", "2019-02-01")).toEqual({
      status: "off_track",
      period: "2015-01-01..2018-12-31",
      text: "11 i planperioden 2015–2018; over målet på 6–10.",
    });
  });
});
