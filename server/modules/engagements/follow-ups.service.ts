import { and, asc, eq, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { type FollowUpListItem, type FollowUpView, followUpInputSchema, type UpdateFollowUpInput } from "../../../core/api/engagements.js";
import { todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { engagementCompanies, engagementFollowUps, engagements } from "../../db/schema/index.js";
import { notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { getEngagementRow, toFollowUpView } from "./engagements.service.js";

type FollowUpRow = typeof engagementFollowUps.$inferSelect;

/** Follow-up tasks of engagements: owner, department, due date, done. Overdue = open and past its due date (Norway). */
export async function getFollowUpRow(db: DbOrTx, id: string): Promise<FollowUpRow> {
  if (!isUuid(id)) throw notFound("Follow-up");
  const [row] = await db.select().from(engagementFollowUps).where(eq(engagementFollowUps.id, id)).limit(1);
  if (!row) throw notFound("Follow-up");
  return row;
}

export async function findFollowUps(
  db: DbOrTx,
  q: { overdue?: boolean; open?: boolean; orgnr?: string },
  today = todayInOslo(),
): Promise<FollowUpListItem[]> {
  const f = engagementFollowUps;
  const rows = await db
    .select({ f, title: engagements.title, date: engagements.date, kind: engagements.kind })
    .from(f)
    .innerJoin(engagements, eq(engagements.id, f.engagementId))
    .where(
      and(
        q.overdue || q.open ? isNull(f.doneOn) : undefined,
        q.overdue ? and(isNotNull(f.dueDate), lt(f.dueDate, today)) : undefined,
        q.orgnr
          ? sql`exists (select 1 from ${engagementCompanies} c where c.engagement_id = ${engagements.id} and c.orgnr = ${q.orgnr})`
          : undefined,
      ),
    )
    .orderBy(sql`${f.doneOn} is not null`, asc(f.dueDate), asc(f.createdAt));
  return rows.map((r) => ({ ...toFollowUpView(r.f, today), engagementTitle: r.title, engagementDate: r.date, engagementKind: r.kind }));
}

export async function addFollowUp(db: DbOrTx, actor: Actor, engagementId: string, raw: unknown): Promise<FollowUpView> {
  const input = followUpInputSchema.parse(raw);
  await getEngagementRow(db, engagementId);
  const [row] = await db
    .insert(engagementFollowUps)
    .values({ engagementId, ...input })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, {
    action: "engagement_follow_up.create",
    entityType: "engagement_follow_up",
    entityId: row.id,
    after: input,
  });
  return toFollowUpView(row);
}

export async function updateFollowUp(db: DbOrTx, actor: Actor, id: string, input: UpdateFollowUpInput): Promise<FollowUpView> {
  const before = await getFollowUpRow(db, id);
  const [row] = await db
    .update(engagementFollowUps)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(engagementFollowUps.id, id))
    .returning();
  if (!row) throw notFound("Follow-up");
  await recordAudit(db, actor, {
    action: "engagement_follow_up.update",
    entityType: "engagement_follow_up",
    entityId: id,
    before: Object.fromEntries(Object.entries(before).filter(([k]) => k in input)),
    after: input,
  });
  return toFollowUpView(row);
}

export async function deleteFollowUp(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const before = await getFollowUpRow(db, id);
  await db.delete(engagementFollowUps).where(eq(engagementFollowUps.id, id));
  await recordAudit(db, actor, {
    action: "engagement_follow_up.delete",
    entityType: "engagement_follow_up",
    entityId: id,
    before: { task: before.task, dueDate: before.dueDate, doneOn: before.doneOn },
  });
}
