import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { SYSTEM_ACTOR } from "../audit/audit.service.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import type { EvaluatedTarget, PlanTree } from "../plans/plan-tree.service.js";
import { createTarget } from "../targets/targets.service.js";

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());

async function targetFor(indicator: string, asOf: string, lang = "nb"): Promise<EvaluatedTarget> {
  const tree = (await t.app.inject({ url: `/api/plans/baerum-2015?asOf=${asOf}&lang=${lang}` })).json() as PlanTree;
  const all = tree.focusAreas.flatMap((a) => [...a.targets, ...a.goals.flatMap((g) => g.targets), ...a.measures.flatMap((m) => m.targets)]);
  const found = all.find((x) => x.indicator === indicator);
  if (!found) throw new Error(`no target on ${indicator}`);
  return found;
}

const record = (indicator: string, payload: object) =>
  t.app.inject({ method: "POST", url: `/api/indicators/${indicator}/values`, headers: editor.headers, payload });

describe("indicator values drive targets", () => {
  // Company visits come from the engagement log now (modules/engagements); a statistic typed in
  // by hand still drives its target the same way.
  it("recording the net change in jobs moves the ≥ 1000 a year target from no data to at risk to achieved", async () => {
    expect((await targetFor("jobs-net-change", "2017-11-26")).status).toBe("no_data");
    expect((await record("jobs-net-change", { areaCode: "3201", period: "2017-03", value: 500, source: "SSB" })).statusCode).toBe(201);
    expect((await record("jobs-net-change", { areaCode: "3201", period: "2017-06", value: 300, source: "SSB" })).statusCode).toBe(201);
    const atRisk = await targetFor("jobs-net-change", "2017-11-26");
    expect(atRisk.status).toBe("at_risk");
    expect(atRisk.explanation.text.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "800 av 1 000 arbeidsplasser i 2017; 200 gjenstår, 5 uker igjen av året.",
    );
    expect((await targetFor("jobs-net-change", "2017-11-26", "en")).explanation.text).toBe(
      "800 of 1,000 jobs in 2017; 200 to go, 5 weeks left of the year.",
    );
    await record("jobs-net-change", { areaCode: "3201", period: "2017-11", value: 200, source: "SSB" });
    expect((await targetFor("jobs-net-change", "2017-11-26")).status).toBe("achieved");
  });

  it("refuses typed-in company visits: the engagement log counts them", async () => {
    const res = await record("company-visits", { areaCode: "3201", period: "2017-03", value: 5, source: "Besøkslogg" });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { message: string }).message).toContain("computed");
  });

  it("evaluates a target for any period asked for", async () => {
    const target = await targetFor("jobs-net-change", "2017-11-26");
    const res = await t.app.inject({ url: `/api/targets/${target.id}?asOf=2017-11-26&period=2017-Q2` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { requested: { period: string; status: string; explanation: { text: string } } };
    expect(body.requested.period).toBe("2017-Q2");
    expect(body.requested.status).toBe("off_track");
    expect(body.requested.explanation.text.replace(/[\u00a0\u202f]/g, " ")).toBe(
      "300 av 1 000 arbeidsplasser i 2. kvartal 2017; 700 for lite.",
    );
  });

  it("replaces a value for the same period and keeps provenance", async () => {
    await record("housing-completions", { areaCode: "3201", period: "2016", value: 480, source: "SSB", table: "05940" });
    await record("housing-completions", { areaCode: "3201", period: "2016", value: 642, source: "SSB", table: "05940 (revidert)" });
    const ind = (await t.app.inject({ url: "/api/indicators/housing-completions?area=3201" })).json() as {
      values: { period: string; value: number; table: string; recordedBy: string }[];
    };
    expect(ind.values.filter((v) => v.period === "2016")).toEqual([
      expect.objectContaining({ value: 642, table: "05940 (revidert)", recordedBy: editor.email }),
    ]);
    expect((await targetFor("housing-completions", "2017-06-01")).periods.find((p) => p.period === "2016")?.status).toBe("achieved");
  });

  it("refuses typed-in values for an indicator the office's logs compute", async () => {
    const res = await record("lia-placements", { areaCode: "3201", period: "2016/17", value: 262, source: "Skolekontoret" });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { message: string }).message).toContain("computed");
  });

  it("keeps a missing statistic as its status code, not zero", async () => {
    const ok = await record("sandvika-ost-turnover", { areaCode: "3201", period: "2016", value: null, status: "..", source: "SSB" });
    expect(ok.statusCode).toBe(201);
    const noStatus = await record("sandvika-ost-turnover", { areaCode: "3201", period: "2015", value: null, source: "SSB" });
    expect(noStatus.statusCode).toBe(400);
    expect(noStatus.json()).toMatchObject({ code: "validation_failed" });
    const growth = await targetFor("sandvika-ost-turnover", "2017-03-01");
    expect(growth.periods.find((p) => p.period === "2016")).toMatchObject({
      status: "no_data",
      explanation: { text: "Ingen tall for 2016 (ikke tilgjengelig ennå)." },
    });
  });

  it("rejects an invalid period with a field-level error", async () => {
    const res = await record("jobs-net-change", { areaCode: "3201", period: "2017-13", value: 1, source: "x" });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { details: { path: string }[] }).details[0]?.path).toContain("period");
  });

  it("feeds a derived indicator from the plan's own status updates, and refuses typed-in values for it", async () => {
    const tree = (await t.app.inject({ url: "/api/plans/baerum-2015" })).json() as PlanTree;
    const area = tree.focusAreas[0];
    if (!area) throw new Error("no area");
    await t.database.db
      .transaction((tx) =>
        createTarget(tx, SYSTEM_ACTOR, "baerum-2015", {
          owner: { kind: "focusArea", id: area.id },
          spec: {
            key: "a1-measures-done",
            text: "Fullføre minst 2 tiltak i året",
            type: "at_least",
            value: 2,
            per: "year",
            indicator: "measures-completed",
          },
        }),
      )
      .catch(async (e: unknown) => {
        // The indicator must exist as a definition before a target can use it.
        if (!(e instanceof Error) || !e.message.includes("Unknown indicator")) throw e;
        await t.app.inject({
          method: "POST",
          url: "/api/indicators",
          headers: editor.headers,
          payload: {
            key: "measures-completed",
            name: { nb: "Fullførte tiltak", en: "Measures completed" },
            unit: "count",
            aggregation: "sum",
            sourceKind: "activity",
          },
        });
        await t.database.db.transaction((tx) =>
          createTarget(tx, SYSTEM_ACTOR, "baerum-2015", {
            owner: { kind: "focusArea", id: area.id },
            spec: {
              key: "a1-measures-done",
              text: "Fullføre minst 2 tiltak i året",
              type: "at_least",
              value: 2,
              per: "year",
              indicator: "measures-completed",
            },
          }),
        );
      });
    const measures = area.measures.slice(0, 2);
    for (const m of measures)
      await t.app.inject({
        method: "POST",
        url: `/api/measures/${m.id}/updates`,
        headers: editor.headers,
        payload: { status: "completed", progress: 100, date: "2016-04-01" },
      });
    const target = await targetFor("measures-completed", "2016-12-31");
    expect(target.status).toBe("achieved");
    expect(target.explanation.text).toBe("2 av 2 i 2016 – målet er nådd.");
    const typed = await record("measures-completed", { areaCode: "3201", period: "2016", value: 9, source: "hånd" });
    expect(typed.statusCode).toBe(400);
  });

  it("lists the plan's indicators in plan order with their definitions", async () => {
    const list = (await t.app.inject({ url: "/api/indicators?plan=baerum-2015" })).json() as { key: string; sourceKind: string }[];
    expect(list.length).toBeGreaterThan(20);
    expect(list.map((i) => i.key)).toContain("company-visits");
    expect(list.find((i) => i.key === "company-visits")?.sourceKind).toBe("activity");
  });
});
