import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaseView } from "../../../core/api/building-cases.js";
import { APPLICATION_TYPES as CORE_TYPES } from "../../../core/building-cases/types.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { APPLICATION_TYPES as DB_TYPES } from "../../db/schema/index.js";

let t: TestApp;
let editor: SignedIn;
let reader: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
  reader = await signInAs(t, "reader");
});
afterAll(async () => t?.close());

let n = 0;
const newCase = (patch: Record<string, unknown> = {}) => ({
  caseId: `17/${String(++n).padStart(5, "0")}`,
  applicationId: `A-${n}`,
  applicationType: "rammetillatelse",
  commercial: true,
  receivedDate: "2017-01-02",
  completeDate: "2017-01-09",
  decisionDate: "2017-03-06",
  ...patch,
});

async function create(payload: object): Promise<CaseView> {
  const res = await t.app.inject({ method: "POST", url: "/api/building-cases", headers: editor.headers, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as CaseView;
}

describe("registering building applications", () => {
  it("creates an application and returns its processing time, deadline and rule", async () => {
    const view = await create(newCase({ stops: [{ fromDate: "2017-01-16", toDate: "2017-01-23", reason: "Manglende tegninger" }] }));
    expect(view).toMatchObject({
      applicationType: "rammetillatelse",
      clock: { startedFrom: "complete", decided: true, days: 49, stoppedDays: 7, weeks: 7 },
      deadline: { weeks: 12, ruleId: "permit-12w", citation: "pbl. § 21-7 første ledd" },
      statutoryBreach: false,
      targetBreach: false,
      countsForTarget: true,
    });
    const got = await t.app.inject({ url: `/api/building-cases/${view.id}`, headers: { cookie: reader.cookie } });
    expect(got.json()).toMatchObject({
      id: view.id,
      stops: [{ fromDate: "2017-01-16", toDate: "2017-01-23", reason: "Manglende tegninger" }],
    });
  });

  it("shows an undecided application's elapsed time as of a day", async () => {
    const view = await create(newCase({ decisionDate: null }));
    const res = await t.app.inject({ url: `/api/building-cases/${view.id}?asOf=2017-04-03`, headers: { cookie: reader.cookie } });
    expect(res.json()).toMatchObject({
      clock: { decided: false, days: 84, endDate: "2017-04-03" },
      statutoryBreach: false,
      targetBreach: true,
    });
  });

  it("edits an application (stops replaced) and records before → after in the audit", async () => {
    const view = await create(newCase());
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/building-cases/${view.id}`,
      headers: editor.headers,
      payload: { decisionDate: "2017-04-24", stops: [{ fromDate: "2017-02-01", toDate: null }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ decisionDate: "2017-04-24", clock: { days: 23, stoppedDays: 82 }, stops: [{ toDate: null }] });
  });

  it("deletes an application", async () => {
    const view = await create(newCase());
    const del = await t.app.inject({ method: "DELETE", url: `/api/building-cases/${view.id}`, headers: editor.headers });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/building-cases/${view.id}`, headers: { cookie: reader.cookie } })).statusCode).toBe(404);
  });

  it("refuses the same application twice with 409", async () => {
    const payload = newCase();
    await create(payload);
    const res = await t.app.inject({ method: "POST", url: "/api/building-cases", headers: editor.headers, payload });
    expect(res.statusCode).toBe(409);
  });

  it.each([
    ["a decision before the complete date", { decisionDate: "2017-01-05" }, "decisionDate"],
    ["a complete date before the received date", { completeDate: "2016-12-01" }, "completeDate"],
    ["a decision in the future", { decisionDate: "2999-01-01" }, "decisionDate"],
    ["a stop ending before it starts", { stops: [{ fromDate: "2017-02-10", toDate: "2017-02-01" }] }, "stops.0.toDate"],
  ])("refuses %s, naming the field", async (_label, patch, path) => {
    const res = await t.app.inject({ method: "POST", url: "/api/building-cases", headers: editor.headers, payload: newCase(patch) });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "validation_failed", details: [{ path }] });
  });

  it("filters the list by type, commercial and open period", async () => {
    await create(
      newCase({
        applicationType: "ferdigattest",
        commercial: false,
        caseId: "16/99999",
        receivedDate: "2016-05-02",
        completeDate: null,
        decisionDate: "2016-05-10",
      }),
    );
    const q = (query: string) =>
      t.app.inject({ url: `/api/building-cases?${query}`, headers: { cookie: reader.cookie } }).then((r) => r.json() as CaseView[]);
    expect((await q("type=ferdigattest")).map((c) => c.caseId)).toEqual(["16/99999"]);
    expect((await q("commercial=false")).map((c) => c.caseId)).toEqual(["16/99999"]);
    expect((await q("to=2016-12-31")).map((c) => c.caseId)).toEqual(["16/99999"]);
    expect((await q("from=2017-01-01")).every((c) => c.caseId !== "16/99999")).toBe(true);
  });
});

describe("access", () => {
  it("answers 401 to anonymous reads and 403 to a reader's writes", async () => {
    expect((await t.app.inject({ url: "/api/building-cases" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/building-cases/stats" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/building-cases/breaches" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/building-cases/export.csv" })).statusCode).toBe(401);
    const post = await t.app.inject({ method: "POST", url: "/api/building-cases", headers: reader.headers, payload: newCase() });
    expect(post.statusCode).toBe(403);
    const imp = await t.app.inject({
      method: "POST",
      url: "/api/building-cases/import",
      headers: { ...reader.headers, "content-type": "text/csv" },
      payload: "Saksnummer\n",
    });
    expect(imp.statusCode).toBe(403);
    const anon = await t.app.inject({ method: "POST", url: "/api/building-cases", payload: newCase() });
    expect(anon.statusCode).toBe(401);
  });

  it("serves the rule table with citations to anyone", async () => {
    const res = await t.app.inject({ url: "/api/building-cases/rules" });
    expect(res.statusCode).toBe(200);
    const rules = res.json() as { id: string; citation: string; weeks: number | null }[];
    expect(rules.find((r) => r.id === "one-step-3w")).toMatchObject({ weeks: 3, citation: "pbl. § 21-7 andre ledd" });
  });
});

describe("the API description", () => {
  it("documents every building-case route", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json() as { paths: Record<string, object> };
    for (const p of [
      "/api/building-cases",
      "/api/building-cases/{id}",
      "/api/building-cases/import",
      "/api/building-cases/export.csv",
      "/api/building-cases/stats",
      "/api/building-cases/breaches",
      "/api/building-cases/rules",
    ])
      expect(doc.paths[p], p).toBeDefined();
  });

  it("uses the same application types as the database", () => {
    expect([...CORE_TYPES]).toEqual([...DB_TYPES]);
  });
});
