import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadBundledPlans } from "./bundled-plans.js";
import type { PlanChange, SearchHit } from "./plan-activity.service.js";
import type { PlanTree } from "./plan-tree.service.js";

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());

describe("what changed lately", () => {
  it("starts empty: the plan's own baseline values are not news", async () => {
    const res = await t.app.inject({ url: "/api/plans/baerum-2015/changes" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });

  it("lists status updates and recorded values, newest first, in the asked language", async () => {
    const tree = (await t.app.inject({ url: "/api/plans/baerum-2015" })).json() as PlanTree;
    const measure = tree.focusAreas[0]?.measures[0];
    if (!measure) throw new Error("no measure");
    await t.app.inject({
      method: "POST",
      url: `/api/measures/${measure.id}/updates`,
      headers: editor.headers,
      payload: { status: "in_progress", progress: 25, comment: "Startet" },
    });
    await t.app.inject({
      method: "POST",
      url: "/api/indicators/jobs-net-change/values",
      headers: editor.headers,
      payload: { areaCode: "3201", period: "2017-03", value: 4, source: "SSB" },
    });
    const nb = (await t.app.inject({ url: "/api/plans/baerum-2015/changes" })).json() as PlanChange[];
    expect(nb.map((c) => c.kind)).toEqual(["indicator_value", "measure_update"]);
    expect(nb[0]).toMatchObject({
      title: "Netto endring i antall arbeidsplasser",
      detail: "mars 2017: 4",
      author: editor.email,
      indicatorKey: "jobs-net-change",
    });
    expect(nb[1]).toMatchObject({ title: measure.text, detail: "Pågår, 25 % – Startet", measureId: measure.id });
    const en = (await t.app.inject({ url: "/api/plans/baerum-2015/changes?lang=en&limit=1" })).json() as PlanChange[];
    expect(en).toHaveLength(1);
    expect(en[0]?.detail).toBe("March 2017: 4");
  });
});

describe("search", () => {
  it("finds measures, goals and indicators of the plan, case-insensitively", async () => {
    const hits = (
      await t.app.inject({ url: `/api/search?plan=baerum-2015&q=${encodeURIComponent("BEDRIFTSBESØK")}` })
    ).json() as SearchHit[];
    expect(hits.some((h) => h.kind === "measure" && h.title.includes("minst 15 bedriftsbesøk") && h.focusAreaNumber === 1)).toBe(true);
    expect(hits.some((h) => h.kind === "indicator" && h.key === "company-visits")).toBe(true);
    const goals = (await t.app.inject({ url: `/api/search?plan=baerum-2015&q=${encodeURIComponent("Kommune NM")}` })).json() as SearchHit[];
    expect(goals.some((h) => h.kind === "goal" && h.focusAreaNumber === 2)).toBe(true);
  });

  it("treats % and _ as plain characters and ignores one-letter queries", async () => {
    expect((await t.app.inject({ url: "/api/search?plan=baerum-2015&q=%25%25%25" })).json()).toEqual([]);
    expect((await t.app.inject({ url: "/api/search?plan=baerum-2015&q=a" })).json()).toEqual([]);
  });
});

describe("the plan's indicators with values", () => {
  it("returns every indicator the plan uses with its stated values and provenance", async () => {
    const list = (await t.app.inject({ url: "/api/plans/baerum-2015/indicators" })).json() as {
      key: string;
      values: { period: string; value: number | null; source: string; periodApproximate: boolean }[];
    }[];
    const big = list.find((i) => i.key === "firms-over-250-employees");
    expect(big?.values).toEqual([expect.objectContaining({ value: 41, periodApproximate: true })]);
    const nm = list.find((i) => i.key === "nho-kommune-nm-rank");
    expect(nm?.values.map((v) => v.period)).toEqual(["2009", "2010", "2011", "2012", "2013", "2014"]);
  });
});
