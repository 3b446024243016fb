import { and, count, eq, inArray, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { companyWelcomes, engagementCompanies, engagementContacts, engagements } from "../../db/schema/index.js";

/**
 * The retention rule of the engagement log (called by the privacy module's daily purge): once an
 * engagement's purge date (its date + PERSONAL_DATA_RETENTION_DAYS) has come, its contact persons
 * are deleted and the number and name of every sole proprietorship (or company of unknown form) it
 * met are blanked; the same for a welcome's company after its purge date. The engagement itself
 * stays and keeps counting (a blanked company counts as its own company, docs/engagements.md).
 */
export interface EngagementPurgeResult {
  purged: number;
  remaining: number;
}

const personalCompany = and(
  eq(engagementCompanies.soleProprietorship, true),
  or(isNotNull(engagementCompanies.orgnr), isNotNull(engagementCompanies.name)),
);
const personalWelcome = and(
  eq(companyWelcomes.soleProprietorship, true),
  or(isNotNull(companyWelcomes.orgnr), isNotNull(companyWelcomes.name)),
);

export async function purgeEngagementPersonalData(tx: DbOrTx, asOf: string, now: Date): Promise<EngagementPurgeResult> {
  const due = tx
    .select({ id: engagements.id })
    .from(engagements)
    .where(or(isNull(engagements.purgeAfter), lte(engagements.purgeAfter, asOf)));
  const contacts = await tx
    .delete(engagementContacts)
    .where(inArray(engagementContacts.engagementId, due))
    .returning({ engagementId: engagementContacts.engagementId });
  const companies = await tx
    .update(engagementCompanies)
    .set({ orgnr: null, name: null, purgedAt: now })
    .where(and(personalCompany, inArray(engagementCompanies.engagementId, due)))
    .returning({ engagementId: engagementCompanies.engagementId });
  const touched = [...new Set([...contacts, ...companies].map((c) => c.engagementId))];
  if (touched.length > 0) await tx.update(engagements).set({ personalDataPurgedAt: now }).where(inArray(engagements.id, touched));
  const welcomes = await tx
    .update(companyWelcomes)
    .set({ orgnr: null, name: null, purgedAt: now, updatedAt: now })
    .where(and(personalWelcome, or(isNull(companyWelcomes.purgeAfter), lte(companyWelcomes.purgeAfter, asOf))))
    .returning({ id: companyWelcomes.id });
  return { purged: contacts.length + companies.length + welcomes.length, remaining: await countEngagementPersonalData(tx) };
}

/** Personal data items the log still holds: contact persons, sole proprietorships' numbers (visits and welcomes). */
export async function countEngagementPersonalData(db: DbOrTx): Promise<number> {
  const [c] = await db.select({ n: count() }).from(engagementContacts);
  const [e] = await db.select({ n: count() }).from(engagementCompanies).where(personalCompany);
  const [w] = await db.select({ n: count() }).from(companyWelcomes).where(personalWelcome);
  return Number(c?.n ?? 0) + Number(e?.n ?? 0) + Number(w?.n ?? 0);
}
