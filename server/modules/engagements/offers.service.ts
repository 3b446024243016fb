import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { OfferList, OfferView, UpdateOfferInput } from "../../../core/api/engagement-offers.js";
import { todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { contactMeetingOffers, engagements } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { topEmployers } from "../register/index.js";

/**
 * "Gi tilbud om minst ett kontaktmøte per år med de ti største bedriftene i kommunen": for each
 * year, the ten largest companies by employees at their local units in the municipality in the
 * register in effect on 1 January (public administration excluded; register module topEmployers),
 * each with its offer tracked as pending → offered → held or declined, with dates.
 */

type OfferRow = typeof contactMeetingOffers.$inferSelect;
export const TOP_N = 10;

export const toOfferView = (r: OfferRow): OfferView => ({
  id: r.id,
  year: r.year,
  areaCode: r.areaCode,
  orgnr: r.orgnr,
  name: r.name,
  rank: r.rank,
  employees: r.employees,
  rankedAsOf: r.rankedAsOf,
  inRanking: r.inRanking,
  status: r.status,
  offeredOn: r.offeredOn,
  heldOn: r.heldOn,
  declinedOn: r.declinedOn,
  engagementId: r.engagementId,
  note: r.note,
});

export async function findOffers(db: DbOrTx, year: number, areaCode: string): Promise<OfferList> {
  const rows = await db
    .select()
    .from(contactMeetingOffers)
    .where(and(eq(contactMeetingOffers.year, year), eq(contactMeetingOffers.areaCode, areaCode)))
    .orderBy(sql`${contactMeetingOffers.inRanking} desc`, asc(contactMeetingOffers.rank), asc(contactMeetingOffers.name));
  const ranked = rows.filter((r) => r.inRanking);
  return {
    year,
    areaCode,
    rankedAsOf: ranked[0]?.rankedAsOf ?? null,
    offered: ranked.filter((r) => r.status !== "pending").length,
    held: ranked.filter((r) => r.status === "held").length,
    offers: rows.map(toOfferView),
  };
}

/**
 * (Re)builds the year's list from the register: the current top ten get rank, employees and the
 * register date; a company that left the top ten keeps its row (out of the ranking) once it has an
 * offer, and is removed while still pending. Offers already made are never lost.
 */
export async function generateOffers(db: DbOrTx, actor: Actor, year: number, areaCode: string): Promise<OfferList> {
  const ranking = await topEmployers(db, { areaCode, asOf: `${year}-01-01`, limit: TOP_N });
  if (!ranking || ranking.rows.length === 0)
    throw new AppError("validation_failed", `No register data on local units (underenheter) for ${areaCode} to rank the ${year} list by`, [
      { path: "year", message: "import an underenheter snapshot first" },
    ]);
  const existing = await db
    .select()
    .from(contactMeetingOffers)
    .where(and(eq(contactMeetingOffers.year, year), eq(contactMeetingOffers.areaCode, areaCode)));
  const byOrgnr = new Map(existing.map((r) => [r.orgnr, r]));
  const ranked = new Set(ranking.rows.map((r) => r.orgnr));
  for (const r of ranking.rows) {
    const values = { name: r.name, rank: r.rank, employees: r.employees, rankedAsOf: ranking.asOf, inRanking: true, updatedAt: new Date() };
    const row = byOrgnr.get(r.orgnr);
    if (row) await db.update(contactMeetingOffers).set(values).where(eq(contactMeetingOffers.id, row.id));
    else await db.insert(contactMeetingOffers).values({ year, areaCode, orgnr: r.orgnr, ...values });
  }
  const dropped = existing.filter((r) => !ranked.has(r.orgnr));
  const removable = dropped.filter((r) => r.status === "pending").map((r) => r.id);
  if (removable.length > 0) await db.delete(contactMeetingOffers).where(inArray(contactMeetingOffers.id, removable));
  const kept = dropped.filter((r) => r.status !== "pending").map((r) => r.id);
  if (kept.length > 0)
    await db
      .update(contactMeetingOffers)
      .set({ inRanking: false, rank: null, updatedAt: new Date() })
      .where(inArray(contactMeetingOffers.id, kept));
  await recordAudit(db, actor, {
    action: "contact_meeting_offers.generate",
    entityType: "contact_meeting_offers",
    entityId: `${areaCode}/${year}`,
    after: {
      rankedAsOf: ranking.asOf,
      snapshotId: ranking.snapshotId,
      ranked: [...ranked],
      removed: removable.length,
      keptOutOfRanking: kept.length,
    },
  });
  return findOffers(db, year, areaCode);
}

/**
 * Status and dates of one offer. Missing dates default sensibly: offered → offeredOn today;
 * held → heldOn today and offeredOn = heldOn when unknown; declined → declinedOn today and offeredOn
 * = declinedOn when unknown; back to pending clears all three.
 */
export async function updateOffer(
  db: DbOrTx,
  actor: Actor,
  id: string,
  input: UpdateOfferInput,
  today = todayInOslo(),
): Promise<OfferView> {
  if (!isUuid(id)) throw notFound("Offer");
  const [before] = await db.select().from(contactMeetingOffers).where(eq(contactMeetingOffers.id, id)).limit(1);
  if (!before) throw notFound("Offer");
  const next = { ...before, ...input };
  const status = next.status;
  if (status === "pending") Object.assign(next, { offeredOn: null, heldOn: null, declinedOn: null });
  if (status === "offered") Object.assign(next, { offeredOn: next.offeredOn ?? today, heldOn: null, declinedOn: null });
  if (status === "held") {
    const heldOn = next.heldOn ?? today;
    Object.assign(next, { heldOn, offeredOn: next.offeredOn ?? heldOn, declinedOn: null });
  }
  if (status === "declined") {
    const declinedOn = next.declinedOn ?? today;
    Object.assign(next, { declinedOn, offeredOn: next.offeredOn ?? declinedOn, heldOn: null });
  }
  const problems = [];
  if (next.heldOn && next.offeredOn && next.heldOn < next.offeredOn) problems.push({ path: "heldOn", message: "before the offer" });
  if (next.declinedOn && next.offeredOn && next.declinedOn < next.offeredOn)
    problems.push({ path: "declinedOn", message: "before the offer" });
  if (next.engagementId) {
    const [e] = isUuid(next.engagementId)
      ? await db.select({ id: engagements.id }).from(engagements).where(eq(engagements.id, next.engagementId)).limit(1)
      : [];
    if (!e) problems.push({ path: "engagementId", message: "no such engagement" });
  }
  if (problems.length > 0) throw new AppError("validation_failed", "Invalid offer", problems);
  const values = {
    status,
    offeredOn: next.offeredOn,
    heldOn: next.heldOn,
    declinedOn: next.declinedOn,
    engagementId: next.engagementId,
    note: next.note,
  };
  const [row] = await db
    .update(contactMeetingOffers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(contactMeetingOffers.id, id))
    .returning();
  if (!row) throw notFound("Offer");
  await recordAudit(db, actor, {
    action: "contact_meeting_offer.update",
    entityType: "contact_meeting_offer",
    entityId: id,
    before: { status: before.status, offeredOn: before.offeredOn, heldOn: before.heldOn, declinedOn: before.declinedOn },
    after: values,
  });
  return toOfferView(row);
}
