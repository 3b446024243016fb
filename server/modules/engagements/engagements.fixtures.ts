import { type EngagementView, engagementViewSchema } from "../../../core/api/engagements.js";
import type { SignedIn, TestApp } from "../../../test/helpers/app.js";
import { seedRegisterSnapshot } from "../../../test/helpers/register.js";

/** Shared test data for the engagement log's tests: valid organisation numbers and a small register. */
export const AS1 = "910000004";
export const AS2 = "910002740";
export const AS3 = "910004115";
export const ENK = "910005480";
/** Valid, but not in the register. */
export const UNKNOWN = "910006851";

export async function seedCompanies(t: TestApp): Promise<void> {
  await seedRegisterSnapshot(t.database.db, {
    kind: "enheter",
    asOf: "2016-12-31",
    rows: [
      { orgnr: AS1, name: "Fornebu Energi AS", orgForm: "AS", employees: 800 },
      { orgnr: AS2, name: "Lysaker Data ASA", orgForm: "ASA", employees: 300 },
      { orgnr: AS3, name: "Sandvika Handel AS", orgForm: "AS", employees: 40 },
      { orgnr: ENK, name: "Kari Nordmann Rådgivning", orgForm: "ENK", employees: null },
    ],
  });
}

export async function logEngagement(t: TestApp, who: SignedIn, payload: object): Promise<EngagementView> {
  const res = await t.app.inject({ method: "POST", url: "/api/engagements", headers: who.headers, payload });
  if (res.statusCode !== 201) throw new Error(`POST /api/engagements: ${res.statusCode} ${res.body}`);
  return engagementViewSchema.parse(res.json());
}

export const visit = (date: string, orgnrs: string[], extra: object = {}) => ({
  kind: "company_visit",
  date,
  title: `Besøk ${date}`,
  areaCode: "3201",
  companies: orgnrs.map((orgnr) => ({ orgnr })),
  ...extra,
});
