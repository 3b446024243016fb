import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EngagementView, FollowUpListItem, OrganisationView } from "../../../core/api/engagements.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { measures } from "../../db/schema/index.js";
import { SYSTEM_ACTOR } from "../audit/audit.service.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import { setAssignment } from "../users/users.service.js";
import { AS1, AS2, ENK, logEngagement, seedCompanies, UNKNOWN, visit } from "./engagements.fixtures.js";

let t: TestApp;
let editor: SignedIn;
let reader: SignedIn;
let contributor: SignedIn;
const BASIS = "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 2";

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  await seedCompanies(t);
  editor = await signInAs(t, "editor");
  reader = await signInAs(t, "reader");
  contributor = await signInAs(t, "contributor");
  const [m] = await t.database.db.select().from(measures).where(eq(measures.key, "a1-m6"));
  if (!m) throw new Error("no measure a1-m6");
  await t.database.db.transaction((tx) =>
    setAssignment(tx, SYSTEM_ACTOR, { userId: contributor.userId, kind: "measure", itemId: m.id, assigned: true }),
  );
});
afterAll(async () => t?.close());

const get = async <T>(url: string, who: SignedIn | null = editor) => {
  const res = await t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });
  return { status: res.statusCode, body: res.json() as T };
};

describe("the engagement log", () => {
  it("logs a visit with companies from the register, flags an unknown number and marks sole proprietorships as personal data", async () => {
    const e = await logEngagement(
      t,
      editor,
      visit("2017-03-01", [AS1, "910 000 004", ENK, UNKNOWN], {
        participants: [{ role: "political_leadership", name: "Ordfører" }, { role: "business_development_staff" }],
        topics: ["expansion", "premises_land"],
        measureKeys: ["a1-m6", "a2-m1"],
        organisationKeys: ["baerum-naeringsrad"],
        contacts: [{ name: "Ola Nordmann", email: "ola@example.no", companyOrgnr: AS1 }],
        followUps: [{ task: "Send tomteoversikt", owner: "Næringssjef", department: "Næring", dueDate: "2017-03-15" }],
      }),
    );
    expect(e.companies).toEqual([
      { orgnr: AS1, name: "Fornebu Energi AS", foundInRegister: true, personalData: false, purged: false },
      { orgnr: ENK, name: "Kari Nordmann Rådgivning", foundInRegister: true, personalData: true, purged: false },
      { orgnr: UNKNOWN, name: null, foundInRegister: false, personalData: true, purged: false },
    ]);
    expect(e.organisations).toEqual([{ key: "baerum-naeringsrad", name: "Bærum Næringsråd", kind: "business_organisation" }]);
    expect(e.purgeAfter).toBe("2019-03-01");
    expect(e.followUps).toMatchObject([{ task: "Send tomteoversikt", overdue: true }]);
  });

  it("defaults the date to today in Norway and the municipality to the adopted plan's", async () => {
    const e = await logEngagement(t, editor, { kind: "event", title: "Frokostmøte" });
    expect(e.areaCode).toBe("3201");
    expect(e.date).toBe(new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Oslo" }).format(new Date()));
  });

  it("refuses exempt notes without a legal basis, unknown measures and unknown organisations", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/engagements",
      headers: editor.headers,
      payload: visit("2017-03-02", [AS2], {
        notes: "Vurderer flytting",
        notesExempt: true,
        measureKeys: ["zz-m9"],
        organisationKeys: ["nobody"],
      }),
    });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { details: { path: string }[] }).details.map((d) => d.path).sort()).toEqual([
      "measureKeys",
      "notesExemptionBasis",
      "organisationKeys",
    ]);
    const bad = await t.app.inject({
      method: "POST",
      url: "/api/engagements",
      headers: editor.headers,
      payload: visit("2017-03-02", ["910000005"]),
    });
    expect(bad.statusCode).toBe(400);
  });

  it("withholds exempt notes and contact persons from readers, and everything from anonymous users", async () => {
    const e = await logEngagement(
      t,
      editor,
      visit("2017-04-01", [AS2], {
        notes: "Vurderer å flytte hovedkontoret",
        notesExempt: true,
        notesExemptionBasis: BASIS,
        contacts: [{ name: "Per Hansen" }],
      }),
    );
    const asEditor = await get<EngagementView>(`/api/engagements/${e.id}`);
    expect(asEditor.body).toMatchObject({
      notes: "Vurderer å flytte hovedkontoret",
      notesWithheld: false,
      contacts: [{ name: "Per Hansen" }],
    });
    const asReader = await get<EngagementView>(`/api/engagements/${e.id}`, reader);
    expect(asReader.body).toMatchObject({ notes: null, notesExempt: true, notesExemptionBasis: BASIS, notesWithheld: true, contacts: [] });
    expect(JSON.stringify((await get(`/api/engagements?q=flytte`, reader)).body)).not.toContain("hovedkontoret");
    expect((await get(`/api/engagements/${e.id}`, null)).status).toBe(401);
    expect((await get("/api/engagements", null)).status).toBe(401);
  });

  it("filters by kind, year, company, measure, participant role, organisation and text", async () => {
    await logEngagement(t, editor, {
      kind: "advocacy",
      date: "2016-11-10",
      title: "Høringsuttalelse NTP: E18 Lysaker–Asker",
      organisationKeys: ["statens-vegvesen"],
      measureKeys: ["a7-m1"],
      participants: [{ role: "administrative_leadership" }],
    });
    const titles = async (q: string) => (await get<EngagementView[]>(`/api/engagements?${q}`)).body.map((e) => e.title);
    expect(await titles("kind=advocacy")).toEqual(["Høringsuttalelse NTP: E18 Lysaker–Asker"]);
    expect(await titles("year=2016")).toEqual(["Høringsuttalelse NTP: E18 Lysaker–Asker"]);
    expect(await titles(`orgnr=${AS2}`)).toEqual(["Besøk 2017-04-01"]);
    expect(await titles("measure=a2-m1")).toEqual(["Besøk 2017-03-01"]);
    expect(await titles("role=political_leadership")).toEqual(["Besøk 2017-03-01"]);
    expect(await titles("organisation=statens-vegvesen")).toEqual(["Høringsuttalelse NTP: E18 Lysaker–Asker"]);
    expect(await titles("q=fornebu")).toEqual(["Besøk 2017-03-01"]);
    expect(await titles("q=e18")).toEqual(["Høringsuttalelse NTP: E18 Lysaker–Asker"]);
  });

  it("lists follow-ups, the overdue ones first among the open, and closes them", async () => {
    const e = await logEngagement(t, editor, visit("2017-05-01", [AS1], { followUps: [{ task: "Ring tilbake", dueDate: "2999-01-01" }] }));
    const overdue = (await get<FollowUpListItem[]>("/api/engagements/follow-ups?overdue=true")).body;
    expect(overdue.map((f) => f.task)).toEqual(["Send tomteoversikt"]);
    expect(overdue[0]).toMatchObject({ overdue: true, engagementTitle: "Besøk 2017-03-01", owner: "Næringssjef", department: "Næring" });
    const id = overdue[0]?.id as string;
    const done = await t.app.inject({
      method: "PATCH",
      url: `/api/engagements/follow-ups/${id}`,
      headers: editor.headers,
      payload: { doneOn: "2017-03-20" },
    });
    expect(done.json()).toMatchObject({ doneOn: "2017-03-20", overdue: false });
    expect((await get<FollowUpListItem[]>("/api/engagements/follow-ups?overdue=true")).body).toEqual([]);
    expect((await get<FollowUpListItem[]>("/api/engagements/follow-ups?open=true")).body.map((f) => f.engagementId)).toEqual([e.id]);
    const add = await t.app.inject({
      method: "POST",
      url: `/api/engagements/${e.id}/follow-ups`,
      headers: reader.headers,
      payload: { task: "x" },
    });
    expect(add.statusCode).toBe(403);
  });

  it("lets contributors log engagements only for the measures assigned to them", async () => {
    const post = (payload: object) => t.app.inject({ method: "POST", url: "/api/engagements", headers: contributor.headers, payload });
    expect((await post(visit("2017-06-01", [AS1], { measureKeys: ["a1-m6"] }))).statusCode).toBe(201);
    expect((await post(visit("2017-06-01", [AS1], { measureKeys: ["a1-m6", "a2-m1"] }))).statusCode).toBe(403);
    expect((await post(visit("2017-06-01", [AS1]))).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/engagements", headers: reader.headers, payload: visit("2017-06-01", [AS1]) }))
        .statusCode,
    ).toBe(403);
  });

  it("lists the organisations and authorities the plan names", async () => {
    const orgs = (await get<OrganisationView[]>("/api/engagements/organisations")).body.map((o) => o.name);
    expect(orgs).toEqual(
      expect.arrayContaining([
        "Bærum Næringsråd",
        "Asker og Bærum Handels- og Servicebedrifters Forening",
        "Vestregionen",
        "Samarbeidsalliansen Osloregionen",
        "Oslo Business Region AS",
        "Kvinner i Business (KiB i Asker og Bærum)",
        "Subsea Valley",
        "Asker kommune",
        "Akershus fylkeskommune",
        "Statens vegvesen",
      ]),
    );
  });

  it("keeps contact persons, personal numbers and exempt notes out of the audit log", async () => {
    const audit = JSON.stringify(await t.database.db.query.auditLog.findMany());
    expect(audit).toContain("engagement.create");
    for (const secret of [ENK, UNKNOWN, "Ola Nordmann", "Per Hansen", "Kari Nordmann", "hovedkontoret"])
      expect(audit).not.toContain(secret);
    expect(audit).toContain(AS1);
  });

  it("shows a company's history with engagements and follow-ups", async () => {
    const h = (await get<{ engagements: EngagementView[]; followUps: FollowUpListItem[] }>(`/api/engagements/companies/${AS1}`)).body;
    expect(h.engagements.map((e) => e.date)).toEqual(["2017-06-01", "2017-05-01", "2017-03-01"]);
    expect(h.followUps.map((f) => f.task).sort()).toEqual(["Ring tilbake", "Send tomteoversikt"]);
  });
});
