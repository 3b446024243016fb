import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import {
  type CreateEngagementInput,
  createEngagementSchema,
  type EngagementQuery,
  type EngagementView,
  type FollowUpView,
  type UpdateEngagementInput,
  updateEngagementSchema,
} from "../../../core/api/engagements.js";
import { addDays, todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import {
  type EngagementKind,
  type EngagementTopic,
  engagementCompanies,
  engagementContacts,
  engagementFollowUps,
  engagementOrganisations,
  engagementParticipants,
  engagements,
  measures,
  type ParticipantRole,
  partnerOrganisations,
  plans,
} from "../../db/schema/index.js";
import { AppError, type ErrorDetail, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { lookUpCompany } from "./register-lookup.js";

type EngagementRow = typeof engagements.$inferSelect;
type FollowUpRow = typeof engagementFollowUps.$inferSelect;

export interface RetentionOptions {
  retentionDays: number;
  /** Today in Norway; injectable for tests. */
  today?: string;
}

/** What a reader of the log may see: exempt notes and contact persons only for staff who work with it. */
export interface Viewer {
  internal: boolean;
}
export const INTERNAL_VIEWER: Viewer = { internal: true };

export const EXEMPT_NOTES_PLACEHOLDER = null;

export function isOverdue(f: Pick<FollowUpRow, "dueDate" | "doneOn">, today = todayInOslo()): boolean {
  return f.doneOn === null && f.dueDate !== null && f.dueDate < today;
}

export function toFollowUpView(f: FollowUpRow, today = todayInOslo()): FollowUpView {
  return {
    id: f.id,
    engagementId: f.engagementId,
    task: f.task,
    owner: f.owner,
    department: f.department,
    dueDate: f.dueDate,
    doneOn: f.doneOn,
    overdue: isOverdue(f, today),
  };
}

/** Loads the related rows of several engagements and shapes the views. */
export async function toEngagementViews(db: DbOrTx, rows: EngagementRow[], viewer: Viewer): Promise<EngagementView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [companies, orgs, participants, contacts, followUps] = await Promise.all([
    db.select().from(engagementCompanies).where(inArray(engagementCompanies.engagementId, ids)).orderBy(asc(engagementCompanies.sort)),
    db
      .select({
        engagementId: engagementOrganisations.engagementId,
        key: partnerOrganisations.key,
        name: partnerOrganisations.name,
        kind: partnerOrganisations.kind,
      })
      .from(engagementOrganisations)
      .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, engagementOrganisations.organisationId))
      .where(inArray(engagementOrganisations.engagementId, ids))
      .orderBy(asc(partnerOrganisations.name)),
    db
      .select()
      .from(engagementParticipants)
      .where(inArray(engagementParticipants.engagementId, ids))
      .orderBy(asc(engagementParticipants.sort)),
    viewer.internal
      ? db.select().from(engagementContacts).where(inArray(engagementContacts.engagementId, ids)).orderBy(asc(engagementContacts.sort))
      : Promise.resolve<(typeof engagementContacts.$inferSelect)[]>([]),
    db
      .select()
      .from(engagementFollowUps)
      .where(inArray(engagementFollowUps.engagementId, ids))
      .orderBy(asc(engagementFollowUps.dueDate), asc(engagementFollowUps.createdAt)),
  ]);
  const today = todayInOslo();
  const by = <T extends { engagementId: string }>(list: T[], id: string) => list.filter((x) => x.engagementId === id);
  return rows.map((r) => {
    const withheld = r.notesExempt && !viewer.internal;
    return {
      id: r.id,
      kind: r.kind,
      date: r.date,
      title: r.title,
      areaCode: r.areaCode,
      companies: by(companies, r.id).map((c) => ({
        orgnr: c.orgnr,
        name: c.name,
        foundInRegister: c.foundInRegister,
        personalData: c.soleProprietorship,
        purged: c.purgedAt !== null,
      })),
      organisations: by(orgs, r.id).map(({ key, name, kind }) => ({ key, name, kind })),
      participants: by(participants, r.id).map((p) => ({ role: p.role, name: p.name })),
      contacts: by(contacts, r.id).map((c) => ({
        name: c.name,
        position: c.position,
        email: c.email,
        phone: c.phone,
        companyOrgnr: c.companyOrgnr,
      })),
      topics: r.topics,
      measureKeys: r.measureKeys,
      notes: withheld ? EXEMPT_NOTES_PLACEHOLDER : r.notes,
      notesExempt: r.notesExempt,
      notesExemptionBasis: r.notesExemptionBasis,
      notesWithheld: withheld,
      followUps: by(followUps, r.id).map((f) => toFollowUpView(f, today)),
      purgeAfter: r.purgeAfter,
      personalDataPurgedAt: r.personalDataPurgedAt?.toISOString() ?? null,
      batchId: r.batchId,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

export async function getEngagementRow(db: DbOrTx, id: string): Promise<EngagementRow> {
  if (!isUuid(id)) throw notFound("Engagement");
  const [row] = await db.select().from(engagements).where(eq(engagements.id, id)).limit(1);
  if (!row) throw notFound("Engagement");
  return row;
}

export async function getEngagement(db: DbOrTx, id: string, viewer: Viewer): Promise<EngagementView> {
  const [view] = await toEngagementViews(db, [await getEngagementRow(db, id)], viewer);
  if (!view) throw notFound("Engagement");
  return view;
}

/** The filters of the list as SQL conditions on `engagements`. */
export function engagementConditions(q: EngagementQuery): SQL[] {
  const e = engagements;
  const conds: (SQL | undefined)[] = [
    q.kind ? eq(e.kind, q.kind) : undefined,
    q.year ? gte(e.date, `${q.year}-01-01`) : undefined,
    q.year ? lte(e.date, `${q.year}-12-31`) : undefined,
    q.from ? gte(e.date, q.from) : undefined,
    q.to ? lte(e.date, q.to) : undefined,
    q.areaCode ? eq(e.areaCode, q.areaCode) : undefined,
    q.measure ? sql`${e.measureKeys} @> ${JSON.stringify([q.measure])}::jsonb` : undefined,
    q.orgnr ? sql`exists (select 1 from ${engagementCompanies} c where c.engagement_id = ${e.id} and c.orgnr = ${q.orgnr})` : undefined,
    q.role ? sql`exists (select 1 from ${engagementParticipants} p where p.engagement_id = ${e.id} and p.role = ${q.role})` : undefined,
    q.organisation
      ? sql`exists (select 1 from ${engagementOrganisations} eo join ${partnerOrganisations} o on o.id = eo.organisation_id where eo.engagement_id = ${e.id} and o.key = ${q.organisation})`
      : undefined,
    q.q
      ? or(
          ilike(e.title, `%${escapeLike(q.q)}%`),
          and(eq(e.notesExempt, false), ilike(e.notes, `%${escapeLike(q.q)}%`)),
          sql`exists (select 1 from ${engagementCompanies} c where c.engagement_id = ${e.id} and (c.name ilike ${`%${escapeLike(q.q)}%`} or c.orgnr = ${q.q.replace(/\s/g, "")}))`,
        )
      : undefined,
  ];
  return conds.filter((c): c is SQL => c !== undefined);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findEngagements(db: DbOrTx, q: EngagementQuery, viewer: Viewer): Promise<EngagementView[]> {
  const rows = await db
    .select()
    .from(engagements)
    .where(and(...engagementConditions(q)))
    .orderBy(desc(engagements.date), desc(engagements.createdAt));
  return toEngagementViews(db, rows, viewer);
}

/** The municipality of the newest adopted plan (the default area of an engagement). */
export async function defaultAreaCode(db: DbOrTx): Promise<string> {
  const [plan] = await db
    .select({ code: plans.municipalityCode })
    .from(plans)
    .where(eq(plans.status, "adopted"))
    .orderBy(desc(plans.createdAt))
    .limit(1);
  if (!plan) throw new AppError("validation_failed", "No adopted plan: give areaCode", [{ path: "areaCode", message: "required" }]);
  return plan.code;
}

export async function unknownMeasureKeys(db: DbOrTx, keys: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return [];
  const found = new Set((await db.select({ key: measures.key }).from(measures).where(inArray(measures.key, wanted))).map((r) => r.key));
  return wanted.filter((k) => !found.has(k));
}

async function organisationIds(db: DbOrTx, keys: readonly string[], problems: ErrorDetail[]): Promise<string[]> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return [];
  const rows = await db
    .select({ id: partnerOrganisations.id, key: partnerOrganisations.key })
    .from(partnerOrganisations)
    .where(inArray(partnerOrganisations.key, wanted));
  const byKey = new Map(rows.map((r) => [r.key, r.id]));
  for (const k of wanted) if (!byKey.has(k)) problems.push({ path: "organisationKeys", message: `no organisation with key "${k}"` });
  return wanted.map((k) => byKey.get(k)).filter((id): id is string => id !== undefined);
}

/** The full content of an engagement as the service writes it (after defaults and register look-ups). */
export interface EngagementValues {
  kind: EngagementKind;
  date: string;
  title: string;
  areaCode: string;
  companies: { orgnr: string; name?: string | null }[];
  organisationKeys: string[];
  participants: { role: ParticipantRole; name?: string | null }[];
  contacts: { name: string; position: string | null; email: string | null; phone: string | null; companyOrgnr: string | null }[];
  topics: EngagementTopic[];
  measureKeys: string[];
  notes: string | null;
  notesExempt: boolean;
  notesExemptionBasis: string | null;
}

export function engagementProblems(
  v: Pick<EngagementValues, "notesExempt" | "notesExemptionBasis" | "date">,
  today: string,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (v.notesExempt && !v.notesExemptionBasis?.trim())
    problems.push({
      path: "notesExemptionBasis",
      message: "exempt notes need their legal basis, e.g. offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 2",
    });
  if (v.date > addDays(today, 366)) problems.push({ path: "date", message: "more than a year ahead" });
  return problems;
}

/** What the audit log may hold about an engagement: no contact persons, no personal organisation numbers, no exempt notes. */
async function auditView(db: DbOrTx, id: string) {
  const [row] = await db.select().from(engagements).where(eq(engagements.id, id)).limit(1);
  if (!row) return null;
  const companies = await db.select().from(engagementCompanies).where(eq(engagementCompanies.engagementId, id));
  const [contacts] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(engagementContacts)
    .where(eq(engagementContacts.engagementId, id));
  return {
    kind: row.kind,
    date: row.date,
    title: row.title,
    areaCode: row.areaCode,
    companies: companies.map((c) => (c.soleProprietorship ? { personalData: true } : { orgnr: c.orgnr, name: c.name })),
    contacts: Number(contacts?.n ?? 0),
    topics: row.topics,
    measureKeys: row.measureKeys,
    notesExempt: row.notesExempt,
    notes: row.notesExempt ? (row.notes ? "(exempt)" : null) : row.notes,
  };
}

async function writeChildren(db: DbOrTx, id: string, v: Partial<EngagementValues>, orgIds: string[] | null): Promise<void> {
  if (v.companies) {
    // Purged rows stay (they still count as visits); the rest is replaced by the new list.
    await db.delete(engagementCompanies).where(and(eq(engagementCompanies.engagementId, id), isNull(engagementCompanies.purgedAt)));
    const seen = new Set<string>();
    const rows = [];
    for (const [i, c] of v.companies.entries()) {
      if (seen.has(c.orgnr)) continue;
      seen.add(c.orgnr);
      const facts = await lookUpCompany(db, c.orgnr, c.name ?? null);
      rows.push({
        engagementId: id,
        orgnr: c.orgnr,
        name: facts.name,
        foundInRegister: facts.foundInRegister,
        soleProprietorship: facts.personal,
        sort: i,
      });
    }
    if (rows.length > 0) await db.insert(engagementCompanies).values(rows);
  }
  if (orgIds) {
    await db.delete(engagementOrganisations).where(eq(engagementOrganisations.engagementId, id));
    if (orgIds.length > 0)
      await db.insert(engagementOrganisations).values(orgIds.map((organisationId) => ({ engagementId: id, organisationId })));
  }
  if (v.participants) {
    await db.delete(engagementParticipants).where(eq(engagementParticipants.engagementId, id));
    if (v.participants.length > 0)
      await db
        .insert(engagementParticipants)
        .values(v.participants.map((p, sort) => ({ engagementId: id, role: p.role, name: p.name ?? null, sort })));
  }
  if (v.contacts) {
    await db.delete(engagementContacts).where(eq(engagementContacts.engagementId, id));
    if (v.contacts.length > 0) await db.insert(engagementContacts).values(v.contacts.map((c, sort) => ({ engagementId: id, ...c, sort })));
  }
}

async function validate(
  db: DbOrTx,
  v: Partial<EngagementValues> & Pick<EngagementValues, "notesExempt" | "notesExemptionBasis" | "date">,
  today: string,
) {
  const problems = engagementProblems(v, today);
  for (const k of await unknownMeasureKeys(db, v.measureKeys ?? []))
    problems.push({ path: "measureKeys", message: `no plan has a measure with key "${k}"` });
  const orgIds = v.organisationKeys ? await organisationIds(db, v.organisationKeys, problems) : null;
  if (problems.length > 0) throw new AppError("validation_failed", "Invalid engagement", problems);
  return orgIds;
}

export async function createEngagement(
  db: DbOrTx,
  actor: Actor,
  raw: CreateEngagementInput,
  opts: RetentionOptions & { batchId?: string | null; id?: string | null },
): Promise<EngagementView> {
  const input = createEngagementSchema.parse(raw);
  const today = opts.today ?? todayInOslo();
  const { followUps, ...rest } = input;
  const values: EngagementValues = { ...rest, date: input.date ?? today, areaCode: input.areaCode ?? (await defaultAreaCode(db)) };
  const orgIds = await validate(db, values, today);
  const [row] = await db
    .insert(engagements)
    .values({
      ...(opts.id ? { id: opts.id } : {}),
      kind: values.kind,
      date: values.date,
      title: values.title,
      areaCode: values.areaCode,
      topics: [...new Set(values.topics)],
      measureKeys: [...new Set(values.measureKeys)],
      notes: values.notes,
      notesExempt: values.notesExempt,
      notesExemptionBasis: values.notesExempt ? values.notesExemptionBasis : values.notesExemptionBasis || null,
      purgeAfter: addDays(values.date, opts.retentionDays),
      createdBy: actor.userId,
      batchId: opts.batchId ?? null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await writeChildren(db, row.id, values, orgIds);
  if (followUps.length > 0) await db.insert(engagementFollowUps).values(followUps.map((f) => ({ engagementId: row.id, ...f })));
  await recordAudit(db, actor, {
    action: "engagement.create",
    entityType: "engagement",
    entityId: row.id,
    after: { ...(await auditView(db, row.id)), followUps: followUps.length },
  });
  return getEngagement(db, row.id, INTERNAL_VIEWER);
}

export async function updateEngagement(
  db: DbOrTx,
  actor: Actor,
  id: string,
  raw: UpdateEngagementInput,
  opts: RetentionOptions & { batchId?: string | null },
): Promise<EngagementView> {
  const input = updateEngagementSchema.parse(raw);
  const row = await getEngagementRow(db, id);
  const today = opts.today ?? todayInOslo();
  const merged = {
    ...input,
    date: input.date ?? row.date,
    notesExempt: input.notesExempt ?? row.notesExempt,
    notesExemptionBasis: input.notesExemptionBasis !== undefined ? input.notesExemptionBasis : row.notesExemptionBasis,
  };
  const orgIds = await validate(db, merged, today);
  const before = await auditView(db, id);
  const { companies, organisationKeys, participants, contacts, ...own } = input;
  await db
    .update(engagements)
    .set({
      ...own,
      ...(own.topics ? { topics: [...new Set(own.topics)] } : {}),
      ...(own.measureKeys ? { measureKeys: [...new Set(own.measureKeys)] } : {}),
      ...(own.date && own.date !== row.date ? { purgeAfter: addDays(own.date, opts.retentionDays) } : {}),
      ...(opts.batchId !== undefined ? { batchId: opts.batchId } : {}),
      updatedAt: new Date(),
    })
    .where(eq(engagements.id, id));
  await writeChildren(db, id, { companies, participants, contacts }, organisationKeys ? orgIds : null);
  await recordAudit(db, actor, {
    action: "engagement.update",
    entityType: "engagement",
    entityId: id,
    before,
    after: await auditView(db, id),
  });
  return getEngagement(db, id, INTERNAL_VIEWER);
}

export async function deleteEngagement(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  await getEngagementRow(db, id);
  const before = await auditView(db, id);
  await db.delete(engagements).where(eq(engagements.id, id));
  await recordAudit(db, actor, { action: "engagement.delete", entityType: "engagement", entityId: id, before });
}
