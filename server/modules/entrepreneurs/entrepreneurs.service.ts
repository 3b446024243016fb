import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import {
  type CreateSessionInput,
  createSessionSchema,
  type SessionQuery,
  type SessionView,
  type Tally,
  type UpdateSessionInput,
  type YearlyCounts,
} from "../../../core/api/entrepreneurs.js";
import { ENTREPRENEUR_SESSION_KINDS, type SessionKind } from "../../../core/entrepreneurs/vocabulary.js";
import { currentMunicipalityCode } from "../../../core/logs/municipalities.js";
import { todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { entrepreneurSessions } from "../../db/schema/index.js";
import { AppError, type ErrorDetail, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";

type SessionRow = typeof entrepreneurSessions.$inferSelect;

/** The fields a session is made of (what the API, the CSV and the audit log compare). */
export interface SessionValues {
  date: string;
  kind: SessionKind;
  title: string | null;
  participants: number;
  participantsGrowthPotential: number;
  participantsForeignBackground: number;
  homeMunicipality: string;
}

export function sessionValuesOf(r: SessionRow): SessionValues {
  return {
    date: r.date,
    kind: r.kind,
    title: r.title,
    participants: r.participants,
    participantsGrowthPotential: r.participantsGrowthPotential,
    participantsForeignBackground: r.participantsForeignBackground,
    homeMunicipality: r.homeMunicipality,
  };
}

export function toSessionView(r: SessionRow): SessionView {
  return {
    id: r.id,
    ...sessionValuesOf(r),
    batchId: r.batchId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Rules across fields: the sub-counts are parts of the participants; a session is not in the future. */
export function sessionProblems(v: SessionValues, today = todayInOslo()): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (v.participantsGrowthPotential > v.participants)
    problems.push({ path: "participantsGrowthPotential", message: "more than the participants" });
  if (v.participantsForeignBackground > v.participants)
    problems.push({ path: "participantsForeignBackground", message: "more than the participants" });
  if (v.date > today) problems.push({ path: "date", message: "in the future; log sessions once they have taken place" });
  return problems;
}

function assertValid(v: SessionValues): void {
  const problems = sessionProblems(v);
  if (problems.length > 0) throw new AppError("validation_failed", "Invalid session", problems);
}

export async function getSession(db: DbOrTx, id: string): Promise<SessionRow> {
  if (!isUuid(id)) throw notFound("Session");
  const [row] = await db.select().from(entrepreneurSessions).where(eq(entrepreneurSessions.id, id)).limit(1);
  if (!row) throw notFound("Session");
  return row;
}

export async function findSessions(db: DbOrTx, q: SessionQuery): Promise<SessionView[]> {
  const rows = await db
    .select()
    .from(entrepreneurSessions)
    .where(
      and(
        q.from ? gte(entrepreneurSessions.date, q.from) : undefined,
        q.to ? lte(entrepreneurSessions.date, q.to) : undefined,
        q.kind ? eq(entrepreneurSessions.kind, q.kind) : undefined,
        q.homeMunicipality ? eq(entrepreneurSessions.homeMunicipality, q.homeMunicipality) : undefined,
      ),
    )
    .orderBy(asc(entrepreneurSessions.date), asc(entrepreneurSessions.createdAt), asc(entrepreneurSessions.id));
  return rows.map(toSessionView);
}

export async function createSession(db: DbOrTx, actor: Actor, raw: CreateSessionInput): Promise<SessionView> {
  const values: SessionValues = createSessionSchema.parse(raw);
  assertValid(values);
  const [row] = await db.insert(entrepreneurSessions).values(values).returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, {
    action: "entrepreneur_session.create",
    entityType: "entrepreneur_session",
    entityId: row.id,
    after: values,
  });
  return toSessionView(row);
}

export async function updateSession(db: DbOrTx, actor: Actor, id: string, input: UpdateSessionInput): Promise<SessionView> {
  const before = await getSession(db, id);
  const merged: SessionValues = { ...sessionValuesOf(before), ...input };
  assertValid(merged);
  const [row] = await db
    .update(entrepreneurSessions)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(entrepreneurSessions.id, id))
    .returning();
  if (!row) throw notFound("Session");
  await recordAudit(db, actor, {
    action: "entrepreneur_session.update",
    entityType: "entrepreneur_session",
    entityId: id,
    before: Object.fromEntries(Object.keys(input).map((k) => [k, sessionValuesOf(before)[k as keyof SessionValues]])),
    after: input,
  });
  return toSessionView(row);
}

/** Deletes a session; links to it keep their organisation number but lose the session (and its date). */
export async function deleteSession(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const before = await getSession(db, id);
  await db.delete(entrepreneurSessions).where(eq(entrepreneurSessions.id, id));
  await recordAudit(db, actor, {
    action: "entrepreneur_session.delete",
    entityType: "entrepreneur_session",
    entityId: id,
    before: sessionValuesOf(before),
  });
}

const emptyTally = (): Tally => ({ sessions: 0, participants: 0, participantsGrowthPotential: 0, participantsForeignBackground: 0 });

function add(t: Tally, r: Tally): void {
  t.sessions += r.sessions;
  t.participants += r.participants;
  t.participantsGrowthPotential += r.participantsGrowthPotential;
  t.participantsForeignBackground += r.participantsForeignBackground;
}

/**
 * Counts per calendar year (of the session's date): totals, per kind and per home municipality
 * (today's number; sessions logged under a former number are merged in).
 */
export async function findYearlyCounts(db: DbOrTx, q: { from?: string; to?: string }): Promise<YearlyCounts> {
  const s = entrepreneurSessions;
  const rows = await db
    .select({
      year: sql<string>`to_char(${s.date}, 'YYYY')`,
      kind: s.kind,
      homeMunicipality: s.homeMunicipality,
      sessions: sql<number>`count(*)::int`,
      participants: sql<number>`coalesce(sum(${s.participants}), 0)::int`,
      participantsGrowthPotential: sql<number>`coalesce(sum(${s.participantsGrowthPotential}), 0)::int`,
      participantsForeignBackground: sql<number>`coalesce(sum(${s.participantsForeignBackground}), 0)::int`,
    })
    .from(s)
    .where(and(q.from ? gte(s.date, q.from) : undefined, q.to ? lte(s.date, q.to) : undefined))
    .groupBy(sql`1`, s.kind, s.homeMunicipality);
  const years = new Map<string, { total: Tally; byKind: Map<SessionKind, Tally>; byMunicipality: Map<string, Tally> }>();
  for (const r of rows) {
    const t: Tally = {
      sessions: Number(r.sessions),
      participants: Number(r.participants),
      participantsGrowthPotential: Number(r.participantsGrowthPotential),
      participantsForeignBackground: Number(r.participantsForeignBackground),
    };
    const y = years.get(r.year) ?? { total: emptyTally(), byKind: new Map(), byMunicipality: new Map() };
    years.set(r.year, y);
    add(y.total, t);
    const kind = y.byKind.get(r.kind) ?? emptyTally();
    y.byKind.set(r.kind, kind);
    add(kind, t);
    const code = currentMunicipalityCode(r.homeMunicipality);
    const muni = y.byMunicipality.get(code) ?? emptyTally();
    y.byMunicipality.set(code, muni);
    add(muni, t);
  }
  return [...years.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([year, y]) => ({
      year,
      ...y.total,
      byKind: ENTREPRENEUR_SESSION_KINDS.flatMap((kind) => {
        const t = y.byKind.get(kind);
        return t ? [{ kind, ...t }] : [];
      }),
      byMunicipality: [...y.byMunicipality.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([homeMunicipality, t]) => ({ homeMunicipality, ...t })),
    }));
}
