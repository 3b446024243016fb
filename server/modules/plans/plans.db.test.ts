import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanDocument } from "../../../core/plan/document.js";
import { parsePlanDocument } from "../../../core/plan/parse.js";
import { createTestApp, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { createTestDatabase } from "../../../test/helpers/db.js";
import { measures, plans } from "../../db/schema/index.js";
import { SYSTEM_ACTOR } from "../audit/audit.service.js";
import { BUNDLED_PLANS_DIR, loadBundledPlans } from "./bundled-plans.js";
import { exportPlanDocument } from "./plan-export.service.js";
import { importPlanDocument } from "./plan-import.service.js";
import type { PlanTree } from "./plan-tree.service.js";

const ASKER = new URL("../../../test/fixtures/plans/asker-mini.yaml", import.meta.url);

function parseOrThrow(text: string): PlanDocument {
  const r = parsePlanDocument(text);
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 5)));
  return r.plan;
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  await importPlanDocument(t.database.db, SYSTEM_ACTOR, parseOrThrow(fs.readFileSync(ASKER, "utf8")));
});
afterAll(async () => t?.close());

describe("bundled plan", () => {
  it("is served with 7 focus areas and every target evaluated and explained", async () => {
    const res = await t.app.inject({ url: "/api/plans/baerum-2015?asOf=2017-11-26" });
    expect(res.statusCode).toBe(200);
    const tree = res.json() as PlanTree;
    expect(tree.focusAreas.map((a) => a.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const all = tree.focusAreas.flatMap((a) => [
      ...a.targets,
      ...a.goals.flatMap((g) => g.targets),
      ...a.measures.flatMap((m) => m.targets),
    ]);
    expect(all.length).toBeGreaterThanOrEqual(20);
    for (const target of all) {
      expect(["achieved", "on_track", "at_risk", "off_track", "not_due", "no_data"]).toContain(target.status);
      expect(target.explanation.key).toMatch(/\./);
      expect(target.explanation.text.length).toBeGreaterThan(5);
      expect(target.explanation.text).not.toContain("{");
    }
    const counted = Object.values(tree.counts.targets).reduce((a, b) => a + b, 0);
    expect(counted).toBe(all.length);
  });

  it("evaluates the Kommune-NM target from the baseline the plan states (2nd place)", async () => {
    const tree = (await t.app.inject({ url: "/api/plans/baerum-2015?asOf=2016-06-01" })).json() as PlanTree;
    const nm = tree.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.targets)).find((x) => x.indicator === "nho-kommune-nm-rank");
    expect(nm?.status).toBe("achieved");
    expect(nm?.latestAvailable).toBe(true);
    expect(nm?.period).toBe("2014");
    expect(nm?.explanation.text).toContain("2. plass i 2014");
  });

  it("renders explanations in English on request", async () => {
    const tree = (await t.app.inject({ url: "/api/plans/baerum-2015?asOf=2016-06-01&lang=en" })).json() as PlanTree;
    const nm = tree.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.targets)).find((x) => x.indicator === "nho-kommune-nm-rank");
    expect(nm?.explanation.text).toContain("Ranked 2 in 2014");
  });

  it("loads only once and never overwrites later edits", async () => {
    const db = t.database.db;
    const [m] = await db.select().from(measures).limit(1);
    if (!m) throw new Error("no measure");
    await db.update(measures).set({ text: "Redigert tekst" }).where(eq(measures.id, m.id));
    expect(await loadBundledPlans(db)).toEqual([]);
    const [after] = await db.select().from(measures).where(eq(measures.id, m.id));
    expect(after?.text).toBe("Redigert tekst");
    await db.update(measures).set({ text: m.text }).where(eq(measures.id, m.id));
  });
});

describe("plan export and import", () => {
  it("exports the bundled plan as the same document it was loaded from", async () => {
    const bundled = parseOrThrow(fs.readFileSync(`${BUNDLED_PLANS_DIR}/baerum-2015.yaml`, "utf8"));
    const exported = await exportPlanDocument(t.database.db, "baerum-2015");
    expect(parseOrThrow(JSON.stringify(exported))).toEqual(bundled);
  });

  it("imports an export into an empty database deep-equal, for both plans", async () => {
    const empty = await createTestDatabase();
    try {
      for (const key of ["baerum-2015", "asker-mini"]) {
        const first = await exportPlanDocument(t.database.db, key);
        await importPlanDocument(empty.db, SYSTEM_ACTOR, parseOrThrow(JSON.stringify(first)));
        const second = await exportPlanDocument(empty.db, key);
        expect(second).toEqual(first);
      }
    } finally {
      await empty.close();
    }
  });

  it("serves the export as YAML that parses back to the plan", async () => {
    const res = await t.app.inject({ url: "/api/plans/baerum-2015/export" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("yaml");
    expect(parseOrThrow(res.body).focusAreas).toHaveLength(7);
  });

  it("refuses a malformed plan with the line of the problem and writes nothing", async () => {
    const editor = await signInAs(t, "editor");
    const before = await t.database.db.select({ id: plans.id }).from(plans);
    const text = fs
      .readFileSync(ASKER, "utf8")
      .replace("key: asker-mini\n", "key: asker-broken\n")
      .replace(/value: (\d+)/, "value: mange");
    const badLine = text.split("\n").findIndex((l) => l.includes("value: mange")) + 1;
    const res = await t.app.inject({ method: "POST", url: "/api/plans", headers: editor.headers, payload: { document: text } });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; details: { path: string; line?: number }[] };
    expect(body.code).toBe("invalid_plan");
    expect(body.details.some((d) => d.line === badLine)).toBe(true);
    expect(await t.database.db.select({ id: plans.id }).from(plans)).toHaveLength(before.length);
  });

  it("rolls back a plan whose import fails half-way", async () => {
    const doc = parseOrThrow(fs.readFileSync(ASKER, "utf8"));
    const broken: PlanDocument = { ...doc, key: "asker-half", previousVersion: "does-not-exist" };
    await expect(importPlanDocument(t.database.db, SYSTEM_ACTOR, broken)).rejects.toThrow(/previousVersion/);
    const dup: PlanDocument = { ...doc, key: "asker-dup" };
    // Same focus area number twice passes the schema but breaks the database's unique constraint mid-way.
    const firstArea = dup.focusAreas[0];
    if (!firstArea) throw new Error("fixture has no area");
    dup.focusAreas = [...dup.focusAreas, { ...firstArea, key: "copy-area", goals: [], measures: [], targets: [] }];
    await expect(importPlanDocument(t.database.db, SYSTEM_ACTOR, dup)).rejects.toThrow();
    const rows = await t.database.db.select({ key: plans.key }).from(plans);
    expect(rows.map((r) => r.key)).not.toContain("asker-dup");
    expect(rows.map((r) => r.key)).not.toContain("asker-half");
  });

  it("imports a valid plan through the API for an editor", async () => {
    const editor = await signInAs(t, "editor");
    const text = fs.readFileSync(ASKER, "utf8").replace("key: asker-mini\n", "key: asker-api\n");
    const res = await t.app.inject({ method: "POST", url: "/api/plans", headers: editor.headers, payload: { document: text } });
    expect(res.statusCode).toBe(201);
  });
});

describe("ids that cannot exist", () => {
  it.each(["/api/measures/not-a-uuid", "/api/targets/42", "/api/plans/no-such-plan", "/api/indicators/no-such-indicator"])(
    "%s answers 404, not 500",
    async (url) => {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: "not_found" });
    },
  );
});

describe("visibility", () => {
  it("shows adopted plans to anyone but drafts only to signed-in users", async () => {
    const anon = (await t.app.inject({ url: "/api/plans" })).json() as { key: string; status: string }[];
    expect(anon.every((p) => p.status !== "draft")).toBe(true);
    expect(anon.map((p) => p.key)).toContain("baerum-2015");
    expect((await t.app.inject({ url: "/api/plans/asker-mini" })).statusCode).toBe(404);
    const reader = await signInAs(t, "reader");
    const signedIn = (await t.app.inject({ url: "/api/plans", headers: { cookie: reader.cookie } })).json() as { key: string }[];
    expect(signedIn.map((p) => p.key)).toContain("asker-mini");
    expect((await t.app.inject({ url: "/api/plans/asker-mini", headers: { cookie: reader.cookie } })).statusCode).toBe(200);
  });

  it("hides a draft plan's export, measures and indicators from anonymous visitors", async () => {
    expect((await t.app.inject({ url: "/api/plans/asker-mini/export" })).statusCode).toBe(404);
    const reader = await signInAs(t, "reader");
    const tree = (await t.app.inject({ url: "/api/plans/asker-mini", headers: { cookie: reader.cookie } })).json() as PlanTree;
    const measureId = tree.focusAreas[0]?.measures[0]?.id;
    expect((await t.app.inject({ url: `/api/measures/${measureId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: "/api/indicators?plan=asker-mini" })).statusCode).toBe(404);
  });
});

describe("revising a plan", () => {
  it("starts version 2.0 as a draft with the same keys, pointing back, and leaves 1.1 untouched", async () => {
    const editor = await signInAs(t, "editor");
    const before = await exportPlanDocument(t.database.db, "baerum-2015");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/plans/baerum-2015/revisions",
      headers: editor.headers,
      payload: { key: "baerum-2016", version: "2.0", periodStart: "2016-07-01", periodEnd: "2020-12-31" },
    });
    expect(res.statusCode).toBe(201);
    const v2 = await exportPlanDocument(t.database.db, "baerum-2016");
    expect(v2).toMatchObject({
      version: "2.0",
      status: "draft",
      previousVersion: "baerum-2015",
      period: { start: "2016-07-01", end: "2020-12-31" },
    });
    const keys = (d: PlanDocument) => d.focusAreas.flatMap((a) => [a.key, ...a.goals.map((g) => g.key), ...a.measures.map((m) => m.key)]);
    expect(keys(v2)).toEqual(keys(before));
    expect(await exportPlanDocument(t.database.db, "baerum-2015")).toEqual(before);
    // The shared indicator history is visible from the new version too.
    const nm = v2.indicators.find((i) => i.key === "nho-kommune-nm-rank");
    expect(nm?.values).toHaveLength(6);
  });

  it("refuses a revision that reuses the key", async () => {
    const editor = await signInAs(t, "editor");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/plans/baerum-2015/revisions",
      headers: editor.headers,
      payload: { key: "baerum-2015", version: "2.0" },
    });
    expect(res.statusCode).toBe(409);
  });
});
