import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInOslo } from "../../../core/periods.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import type { PlanTree, TreeMeasure } from "../plans/plan-tree.service.js";

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());

async function tree(asOf?: string): Promise<PlanTree> {
  return (await t.app.inject({ url: `/api/plans/baerum-2015${asOf ? `?asOf=${asOf}` : ""}` })).json() as PlanTree;
}

function findMeasure(p: PlanTree, pred: (m: TreeMeasure) => boolean): TreeMeasure {
  const m = p.focusAreas.flatMap((a) => a.measures).find(pred);
  if (!m) throw new Error("measure not found");
  return m;
}

describe("measure status updates", () => {
  it("appear in the timeline, change the measure and move the overview counts", async () => {
    const before = await tree();
    const m = findMeasure(before, (x) => x.status === "planned");
    const res = await t.app.inject({
      method: "POST",
      url: `/api/measures/${m.id}/updates`,
      headers: editor.headers,
      payload: { status: "in_progress", progress: 40, comment: "Første møte holdt" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: "in_progress", progress: 40, author: editor.email, date: todayInOslo() });

    const detail = (await t.app.inject({ url: `/api/measures/${m.id}` })).json() as TreeMeasure & { updates: { comment: string }[] };
    expect(detail.status).toBe("in_progress");
    expect(detail.progress).toBe(40);
    expect(detail.updates[0]?.comment).toBe("Første møte holdt");

    const after = await tree();
    expect(after.counts.measures.in_progress).toBe(before.counts.measures.in_progress + 1);
    expect(after.counts.measures.planned).toBe(before.counts.measures.planned - 1);
  });

  it("a back-dated update joins the history without replacing the newer status", async () => {
    const m = findMeasure(await tree(), (x) => x.status === "planned");
    const post = (payload: object) =>
      t.app.inject({ method: "POST", url: `/api/measures/${m.id}/updates`, headers: editor.headers, payload });
    expect((await post({ status: "in_progress", progress: 60, date: "2024-05-01" })).statusCode).toBe(201);
    expect((await post({ status: "planned", progress: 10, date: "2023-01-15" })).statusCode).toBe(201);
    const detail = (await t.app.inject({ url: `/api/measures/${m.id}` })).json() as TreeMeasure & { updates: { date: string }[] };
    expect(detail.progress).toBe(60);
    expect(detail.updates.map((u) => u.date)).toEqual(["2024-05-01", "2023-01-15"]);
  });

  it("rejects a completed status without 100 % progress, naming the field", async () => {
    const m = findMeasure(await tree(), () => true);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/measures/${m.id}/updates`,
      headers: editor.headers,
      payload: { status: "completed", progress: 80 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "validation_failed", details: [{ path: "progress" }] });
  });

  it("rejects an update dated in the future", async () => {
    const m = findMeasure(await tree(), () => true);
    const res = await t.app.inject({
      method: "POST",
      url: `/api/measures/${m.id}/updates`,
      headers: editor.headers,
      payload: { status: "in_progress", progress: 10, date: "2999-01-01" },
    });
    expect(res.statusCode).toBe(400);
  });

  it("completing the city-bike measure before its deadline achieves its milestone, later counts as late", async () => {
    const bike = findMeasure(await tree("2016-06-01"), (x) => x.text.includes("bysykkel"));
    expect(bike.targets[0]?.type).toBe("milestone");
    const res = await t.app.inject({
      method: "POST",
      url: `/api/measures/${bike.id}/updates`,
      headers: editor.headers,
      payload: { status: "completed", progress: 100, date: "2016-09-15", comment: "Bysykler på plass" },
    });
    expect(res.statusCode).toBe(201);
    const done = findMeasure(await tree("2017-01-10"), (x) => x.id === bike.id).targets[0];
    expect(done?.status).toBe("achieved");
    expect(done?.explanation.text).toBe("Nådd 15.09.2016, innen fristen 31.12.2016.");
  });

  it("edits a measure's owner and due date, with an audit entry", async () => {
    const m = findMeasure(await tree(), () => true);
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/measures/${m.id}`,
      headers: editor.headers,
      payload: { owner: "Næringssjefen", dueDate: "2018-06-30" },
    });
    expect(res.statusCode).toBe(200);
    const detail = (await t.app.inject({ url: `/api/measures/${m.id}` })).json() as TreeMeasure;
    expect(detail.owner).toBe("Næringssjefen");
    expect(detail.dueDate).toBe("2018-06-30");
    const audit = (
      await t.app.inject({ url: `/api/audit?entityType=measure&entityId=${m.id}`, headers: { cookie: editor.cookie } })
    ).json() as { action: string; before: { owner: unknown } }[];
    expect(audit[0]).toMatchObject({ action: "measure.update", before: { owner: null } });
  });
});
