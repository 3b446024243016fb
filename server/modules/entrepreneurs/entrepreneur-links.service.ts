import { asc, eq } from "drizzle-orm";
import { type LinkCreateInput, type LinkUpdateInput, type LinkView, linkCreateSchema } from "../../../core/api/entrepreneurs.js";
import { isPersonalOrganisationForm, isValidOrgnr, normalizeOrgnr } from "../../../core/logs/orgnr.js";
import { addDays, todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { entrepreneurLinks } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { getSession } from "./entrepreneurs.service.js";

/**
 * Links from an entrepreneur the service guided to the organisation number they later registered,
 * kept to estimate one-year survival from the register. The number is personal data when the unit
 * is a sole proprietorship (or its form is unknown): it is purged after the retention period
 * (privacy module), never shown without signing in, never exported, and never written to the
 * audit log (entries say only whether a number was set).
 */

type LinkRow = typeof entrepreneurLinks.$inferSelect;

export interface RetentionOptions {
  retentionDays: number;
  /** Today in Norway; injectable for tests. */
  today?: string;
}

export function toLinkView(r: LinkRow): LinkView {
  return {
    id: r.id,
    sessionId: r.sessionId,
    orgnr: r.orgnr,
    personalData: r.soleProprietorship,
    registeredDate: r.registeredDate,
    purgeAfter: r.purgeAfter,
    purgedAt: r.purgedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

/** What the audit log may hold about a link: no organisation number. */
function auditView(r: Pick<LinkRow, "sessionId" | "soleProprietorship" | "registeredDate" | "purgeAfter" | "orgnr">) {
  return {
    sessionId: r.sessionId,
    personalData: r.soleProprietorship,
    registeredDate: r.registeredDate,
    purgeAfter: r.purgeAfter,
    hasOrgnr: r.orgnr !== null,
  };
}

/**
 * The purge date: the link's reference date plus the retention. The reference date is the unit's
 * registration date, else the date of the session the entrepreneur came from, else the day the link
 * is recorded.
 */
async function purgeDate(db: DbOrTx, sessionId: string | null, registeredDate: string | null, opts: RetentionOptions): Promise<string> {
  const session = sessionId ? await getSession(db, sessionId) : null;
  const reference = registeredDate ?? session?.date ?? opts.today ?? todayInOslo();
  return addDays(reference, opts.retentionDays);
}

export async function getLink(db: DbOrTx, id: string): Promise<LinkRow> {
  if (!isUuid(id)) throw notFound("Link");
  const [row] = await db.select().from(entrepreneurLinks).where(eq(entrepreneurLinks.id, id)).limit(1);
  if (!row) throw notFound("Link");
  return row;
}

export async function findLinks(db: DbOrTx): Promise<LinkView[]> {
  const rows = await db.select().from(entrepreneurLinks).orderBy(asc(entrepreneurLinks.createdAt), asc(entrepreneurLinks.id));
  return rows.map(toLinkView);
}

export async function createLink(db: DbOrTx, actor: Actor, raw: LinkCreateInput, opts: RetentionOptions): Promise<LinkView> {
  const input = linkCreateSchema.parse(raw);
  const orgnr = normalizeOrgnr(input.orgnr);
  if (!isValidOrgnr(orgnr))
    throw new AppError("validation_failed", "Invalid organisation number", [
      { path: "orgnr", message: "not a valid organisation number (9 digits with a modulus-11 check digit)" },
    ]);
  const values = {
    sessionId: input.sessionId,
    orgnr,
    soleProprietorship: isPersonalOrganisationForm(input.organisationForm),
    registeredDate: input.registeredDate,
    purgeAfter: await purgeDate(db, input.sessionId, input.registeredDate, opts),
  };
  const [row] = await db.insert(entrepreneurLinks).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, {
    action: "entrepreneur_link.create",
    entityType: "entrepreneur_link",
    entityId: row.id,
    after: auditView(row),
  });
  return toLinkView(row);
}

export async function updateLink(db: DbOrTx, actor: Actor, id: string, input: LinkUpdateInput, opts: RetentionOptions): Promise<LinkView> {
  const before = await getLink(db, id);
  const sessionId = input.sessionId !== undefined ? input.sessionId : before.sessionId;
  const registeredDate = input.registeredDate !== undefined ? input.registeredDate : before.registeredDate;
  const soleProprietorship =
    input.organisationForm !== undefined ? isPersonalOrganisationForm(input.organisationForm) : before.soleProprietorship;
  // A purged link stays purged; otherwise the purge date follows the new reference date.
  const purgeAfter = before.purgedAt ? null : await purgeDate(db, sessionId, registeredDate, opts);
  const [row] = await db
    .update(entrepreneurLinks)
    .set({ sessionId, registeredDate, soleProprietorship, purgeAfter, updatedAt: new Date() })
    .where(eq(entrepreneurLinks.id, id))
    .returning();
  if (!row) throw notFound("Link");
  await recordAudit(db, actor, {
    action: "entrepreneur_link.update",
    entityType: "entrepreneur_link",
    entityId: id,
    before: auditView(before),
    after: auditView(row),
  });
  return toLinkView(row);
}

export async function deleteLink(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const before = await getLink(db, id);
  await db.delete(entrepreneurLinks).where(eq(entrepreneurLinks.id, id));
  await recordAudit(db, actor, {
    action: "entrepreneur_link.delete",
    entityType: "entrepreneur_link",
    entityId: id,
    before: auditView(before),
  });
}
