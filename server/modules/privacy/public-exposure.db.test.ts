import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import type { PlanTree } from "../plans/plan-tree.service.js";

/**
 * The rule for public exposure: an entrepreneur's organisation number (personal data for a sole
 * proprietorship) is in no route reachable without signing in, and in no CSV export. This walks
 * every GET route the OpenAPI document lists, anonymously, with every real id substituted for its
 * path parameters and the numbers themselves as query values, and looks for the numbers.
 */

let t: TestApp;
let editor: SignedIn;
const LINK_ORGNRS = ["974760673", "923609016", "100000040"];
/** The engagement log: an exempt note, a contact person and a sole proprietorship's number. */
const EXEMPT_NOTE = "Vurderer å flytte hovedkontoret ut av kommunen";
const CONTACT = "Ola Kontaktperson";
const ENGAGEMENT_SECRETS = [EXEMPT_NOTE, CONTACT, "ola@kontakt.example", "974760673"];
const ids = new Set<string>();

type OpenApi = { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };

async function create(url: string, payload: object): Promise<{ id: string; key?: string }> {
  const res = await t.app.inject({ method: "POST", url, headers: editor.headers, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; key?: string };
}

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  editor = await signInAs(t, "editor");
  const session = await create("/api/entrepreneurs/sessions", {
    date: "2017-03-15",
    kind: "course",
    participants: 9,
    homeMunicipality: "3201",
  });
  ids.add(session.id);
  for (const [orgnr, organisationForm] of [
    [LINK_ORGNRS[0], "ENK"],
    [LINK_ORGNRS[1], null],
    [LINK_ORGNRS[2], "AS"],
  ])
    ids.add((await create("/api/entrepreneurs/links", { orgnr, organisationForm, sessionId: session.id })).id);
  ids.add((await create("/api/placements", { schoolYear: "2016/17", companyName: "Rema 1000", sector: "private", placements: 3 })).id);
  const project = await create("/api/projects", { key: "fb-1", kind: "futurebuilt", title: "FutureBuilt", establishedDate: "2016-05-01" });
  ids.add(project.id).add("fb-1");
  const engagement = await create("/api/engagements", {
    kind: "company_visit",
    date: "2017-03-20",
    title: "Besøk",
    companies: [{ orgnr: LINK_ORGNRS[0] }, { orgnr: LINK_ORGNRS[2] }],
    contacts: [{ name: CONTACT, email: "ola@kontakt.example" }],
    notes: EXEMPT_NOTE,
    notesExempt: true,
    notesExemptionBasis: "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 2",
    measureKeys: ["a1-m6"],
    followUps: [{ task: "Følg opp", dueDate: "2017-04-01" }],
  });
  ids.add(engagement.id).add("2017");
  const tree = (await t.app.inject({ url: "/api/plans/baerum-2015" })).json() as PlanTree;
  ids.add(tree.id).add(tree.key);
  const area = tree.focusAreas[0];
  if (area) {
    ids.add(area.id);
    const measure = area.measures[0];
    if (measure) ids.add(measure.id);
    for (const target of [...area.targets, ...area.measures.flatMap((m) => m.targets)].slice(0, 3)) ids.add(target.id);
  }
  ids.add("entrepreneurs-guided").add("lia-placements").add("company-visits").add(editor.userId).add("1");
});
afterAll(async () => t?.close());

function urlsFor(path: string, queryNames: string[]): string[] {
  const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[0]);
  let urls = [path];
  for (const p of params) urls = urls.flatMap((u) => [...ids].map((id) => u.replace(p, encodeURIComponent(id))));
  const query = queryNames.map((n) => `${n}=${LINK_ORGNRS[0]}`).join("&");
  return query ? urls.flatMap((u) => [u, `${u}?${query}`]) : urls;
}

describe("entrepreneurs' organisation numbers are never public", () => {
  it("appear in no GET route of the API without a session", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json() as OpenApi;
    const gets = Object.entries(doc.paths).filter(([, ops]) => ops.get);
    expect(gets.length).toBeGreaterThan(15);
    expect(gets.map(([p]) => p)).toEqual(
      expect.arrayContaining([
        "/api/entrepreneurs/links",
        "/api/entrepreneurs/sessions/{id}",
        "/api/projects/{id}",
        "/api/engagements",
        "/api/engagements/{id}",
        "/api/engagements/companies/{orgnr}",
        "/api/engagements/follow-ups",
        "/api/engagements/offers/{year}",
        "/api/engagements/welcome-candidates",
      ]),
    );
    let ok = 0;
    for (const [path, ops] of gets) {
      const queryNames = (ops.get?.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
      for (const url of urlsFor(path, queryNames)) {
        const res = await t.app.inject({ url });
        if (res.statusCode === 200) ok++;
        for (const orgnr of LINK_ORGNRS) expect(res.body, `${url} shows ${orgnr}`).not.toContain(orgnr);
        for (const secret of ENGAGEMENT_SECRETS) expect(res.body, `${url} shows ${secret}`).not.toContain(secret);
      }
    }
    // The walk reached real content, not only 401s and 404s.
    expect(ok).toBeGreaterThan(10);
    expect((await t.app.inject({ url: "/api/entrepreneurs/links" })).statusCode).toBe(401);
    // …and the numbers are there to be found: an editor sees them.
    expect((await t.app.inject({ url: "/api/entrepreneurs/links", headers: { cookie: editor.cookie } })).body).toContain(LINK_ORGNRS[0]);
  });

  it("the engagement log's exempt notes and contact persons appear in no export, and in no reader's view", async () => {
    const csv = await t.app.inject({ url: "/api/engagements.csv", headers: { cookie: editor.cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("Besøk");
    for (const secret of [EXEMPT_NOTE, CONTACT, "ola@kontakt.example"]) expect(csv.body).not.toContain(secret);
    const reader = await signInAs(t, "reader");
    const list = await t.app.inject({ url: "/api/engagements", headers: { cookie: reader.cookie } });
    expect(list.statusCode).toBe(200);
    for (const secret of [EXEMPT_NOTE, CONTACT]) expect(list.body).not.toContain(secret);
    // …and they are there to be found: the editor who logged them sees them.
    expect((await t.app.inject({ url: "/api/engagements", headers: { cookie: editor.cookie } })).body).toContain(EXEMPT_NOTE);
  });

  it("appear in no CSV export, even for a signed-in user", async () => {
    for (const url of ["/api/entrepreneurs/sessions.csv", "/api/placements.csv", "/api/projects.csv"]) {
      const res = await t.app.inject({ url, headers: { cookie: editor.cookie } });
      expect(res.statusCode).toBe(200);
      for (const orgnr of LINK_ORGNRS) expect(res.body).not.toContain(orgnr);
    }
  });
});
