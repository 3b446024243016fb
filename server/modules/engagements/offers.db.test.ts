import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OfferList, OfferView, WelcomeCandidate, WelcomeView } from "../../../core/api/engagement-offers.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { seedRegisterSnapshot } from "../../../test/helpers/register.js";
import { loadSeries } from "../indicators/series.service.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import type { EvaluatedTarget, PlanTree } from "../plans/plan-tree.service.js";

/**
 * Top-10 contact-meeting offers ranked from the register at 1 January (underenheter in the
 * municipality, public administration excluded), offers vs meetings held, and the welcome list.
 */

let t: TestApp;
let editor: SignedIn;

// Valid organisation numbers (modulus 11): twelve companies, a municipality and a state body.
const C = [
  "910008226",
  "910009591",
  "910010964",
  "910012339",
  "910015079",
  "910017810",
  "910020552",
  "910021923",
  "910023292",
  "910024663",
  "910026038",
  "910027409",
];
const KOMMUNE = "910028774";
const STATE = "910030140";
const UNITS = [
  "920000002",
  "920000010",
  "920000029",
  "920000037",
  "920000045",
  "920000053",
  "920000061",
  "920000088",
  "920000096",
  "920000118",
  "920000126",
  "920000134",
  "920000142",
  "920000150",
];
const unit = (n: number) => UNITS[n] as string;

/** Local units in Bærum: company i has (12 - i) * 100 employees; the public bodies are the largest. */
async function seedUnits(asOf: string, employeesOf: (i: number) => number) {
  let n = 0;
  const rows = C.map((parent, i) => ({
    orgnr: unit(n++),
    parentOrgnr: parent,
    employees: employeesOf(i),
    naceDivision: "62",
    name: `Avd. ${i}`,
  }));
  rows.push({ orgnr: unit(n++), parentOrgnr: KOMMUNE, employees: 5000, naceDivision: "84", name: "Bærum kommune, rådhuset" });
  rows.push({ orgnr: unit(n++), parentOrgnr: STATE, employees: 3000, naceDivision: "85", name: "Statlig etat" });
  await seedRegisterSnapshot(t.database.db, { kind: "underenheter", asOf, rows });
}

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  editor = await signInAs(t, "editor");
  await seedRegisterSnapshot(t.database.db, {
    kind: "enheter",
    asOf: "2016-12-31",
    rows: [
      ...C.map((orgnr, i) => ({ orgnr, name: `Bedrift ${i + 1} AS`, orgForm: "AS", naceDivision: "62" })),
      { orgnr: KOMMUNE, name: "Bærum kommune", orgForm: "KOMM", naceDivision: "84", sectorCode: "6500" },
      { orgnr: STATE, name: "Statlig etat", orgForm: "ORGL", naceDivision: "85", sectorCode: "6100" },
    ],
  });
  await seedUnits("2016-12-15", (i) => (12 - i) * 100);
});
afterAll(async () => t?.close());

const generate = async (year: number) => {
  const res = await t.app.inject({ method: "POST", url: `/api/engagements/offers/${year}/generate`, headers: editor.headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as OfferList;
};
const patch = async (o: OfferView, payload: object) => {
  const res = await t.app.inject({ method: "PATCH", url: `/api/engagements/offers/${o.year}/${o.id}`, headers: editor.headers, payload });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as OfferView;
};
async function yearValue(key: string, year: number): Promise<number | null> {
  const s = await loadSeries(t.database.db, [key], { areaCode: "3201", range: { start: "2015-01-01", end: `${year}-12-31` } });
  return s.get(key)?.find((v) => v.period === String(year))?.value ?? null;
}
async function target(key: string, asOf: string): Promise<Pick<EvaluatedTarget, "status" | "period">> {
  const tree = (await t.app.inject({ url: `/api/plans/baerum-2015?asOf=${asOf}` })).json() as PlanTree;
  const found = tree.focusAreas.flatMap((a) => a.measures.flatMap((m) => m.targets)).find((x) => x.key === key);
  if (!found) throw new Error(`no target ${key}`);
  return { status: found.status, period: found.period };
}

describe("the top-10 contact-meeting list", () => {
  it("ranks companies by employees at their local units at 1 January, leaving public bodies out", async () => {
    const list = await generate(2017);
    expect(list.rankedAsOf).toBe("2016-12-15");
    expect(list.offers.map((o) => [o.rank, o.orgnr, o.employees])).toEqual(
      C.slice(0, 10).map((orgnr, i) => [i + 1, orgnr, (12 - i) * 100]),
    );
    expect(list.offers.map((o) => o.orgnr)).not.toContain(KOMMUNE);
    expect(list.offers.map((o) => o.orgnr)).not.toContain(STATE);
    expect(list).toMatchObject({ offered: 0, held: 0 });
    expect(await yearValue("top10-contact-offers", 2017)).toBe(0);
  });

  it("counts offers (offered, held, declined) and meetings held separately", async () => {
    const list = await generate(2017);
    const [a, b, c] = list.offers as [OfferView, OfferView, OfferView];
    expect(await patch(a, { status: "offered", offeredOn: "2017-02-01" })).toMatchObject({ status: "offered", offeredOn: "2017-02-01" });
    expect(await patch(b, { status: "held", heldOn: "2017-03-10" })).toMatchObject({ offeredOn: "2017-03-10", heldOn: "2017-03-10" });
    expect(await patch(c, { status: "declined", offeredOn: "2017-02-01", declinedOn: "2017-02-05" })).toMatchObject({ status: "declined" });
    const bad = await t.app.inject({
      method: "PATCH",
      url: `/api/engagements/offers/2017/${a.id}`,
      headers: editor.headers,
      payload: { status: "held", offeredOn: "2017-02-01", heldOn: "2017-01-01" },
    });
    expect(bad.statusCode).toBe(400);
    expect(await yearValue("top10-contact-offers", 2017)).toBe(3);
    expect(await yearValue("top10-contact-meetings-held", 2017)).toBe(1);
    // 3 of 10 offered while the year is still running: a level below the target.
    expect(await target("a2-top10-contact-offers-per-year", "2017-12-31")).toMatchObject({ status: "at_risk", period: "2017" });
  });

  it("keeps offers already made when the register changes and the list is regenerated", async () => {
    // A later snapshot still before 1 January 2017: company 1 shrinks out of the top ten, 11 and 12 grow into it.
    await seedUnits("2016-12-30", (i) => (i === 0 ? 10 : i >= 10 ? 2000 + i : (12 - i) * 100));
    const list = await generate(2017);
    expect(list.rankedAsOf).toBe("2016-12-30");
    const ranked = list.offers.filter((o) => o.inRanking);
    expect(ranked.map((o) => o.orgnr)).toEqual([C[11], C[10], ...C.slice(1, 9)]);
    // Company 1 was offered a meeting: kept, out of the ranking, not counted. Company 10 (pending) was dropped.
    expect(list.offers.find((o) => o.orgnr === C[0])).toMatchObject({ inRanking: false, rank: null, status: "offered" });
    expect(list.offers.map((o) => o.orgnr)).not.toContain(C[9]);
    expect(list).toMatchObject({ offered: 2, held: 1 });
    expect(await yearValue("top10-contact-offers", 2017)).toBe(2);
  });

  it("ranks each year by the register in effect at its own 1 January", async () => {
    const list = await generate(2018);
    expect(list.rankedAsOf).toBe("2016-12-30");
    expect(list.offers.every((o) => o.status === "pending")).toBe(true);
    expect(await yearValue("top10-contact-offers", 2018)).toBe(0);
    expect(await yearValue("top10-contact-offers", 2016)).toBeNull();
    const res = await t.app.inject({ method: "POST", url: "/api/engagements/offers/2010/generate", headers: editor.headers });
    // The only snapshots are from 2016: the earliest after 1.1.2010 is used rather than none.
    expect(res.statusCode).toBe(200);
  });
});

describe("the welcome list", () => {
  it("lists newly registered companies and logs an engagement when one is welcomed", async () => {
    const fresh = "910031511";
    await seedRegisterSnapshot(t.database.db, {
      kind: "enheter",
      asOf: "2017-03-31",
      rows: [{ orgnr: fresh, name: "Nyetablert AS", orgForm: "AS", registeredOn: "2017-03-01" }],
    });
    const list = (
      await t.app.inject({ url: "/api/engagements/welcome-candidates?since=2017-01-01", headers: { cookie: editor.cookie } })
    ).json() as WelcomeCandidate[];
    expect(list).toContainEqual({
      orgnr: fresh,
      name: "Nyetablert AS",
      reason: "new",
      occurredOn: "2017-03-01",
      welcomedOn: null,
      engagementId: null,
    });
    const res = await t.app.inject({
      method: "POST",
      url: "/api/engagements/welcomes",
      headers: editor.headers,
      payload: {
        orgnr: fresh,
        name: "Nyetablert AS",
        reason: "new",
        occurredOn: "2017-03-01",
        welcomedOn: "2017-04-02",
        measureKeys: ["a1-m7"],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const welcome = res.json() as WelcomeView;
    const engagement = (await t.app.inject({ url: `/api/engagements/${welcome.engagementId}`, headers: { cookie: editor.cookie } })).json();
    expect(engagement).toMatchObject({ kind: "welcome", date: "2017-04-02", companies: [{ orgnr: fresh }], measureKeys: ["a1-m7"] });
    const again = (
      await t.app.inject({ url: "/api/engagements/welcome-candidates?since=2017-01-01", headers: { cookie: editor.cookie } })
    ).json() as WelcomeCandidate[];
    expect(again.find((c) => c.orgnr === fresh)).toMatchObject({ welcomedOn: "2017-04-02", engagementId: welcome.engagementId });
    const twice = await t.app.inject({
      method: "POST",
      url: "/api/engagements/welcomes",
      headers: editor.headers,
      payload: { orgnr: fresh, name: "Nyetablert AS", reason: "new" },
    });
    expect(twice.statusCode).toBe(409);
    expect(await yearValue("companies-welcomed", 2017)).toBeNull();
    const s = await loadSeries(t.database.db, ["companies-welcomed"], {
      areaCode: "3201",
      range: { start: "2017-01-01", end: "2017-12-31" },
    });
    expect((s.get("companies-welcomed") ?? []).reduce((n, v) => n + (v.value ?? 0), 0)).toBe(1);
    expect(await target("a1-companies-welcomed-per-year", "2017-12-31")).toMatchObject({ status: "achieved" });
  });
});
