import { asc, eq, inArray, or } from "drizzle-orm";
import type { PlanSummary, UpdatePlanInput } from "../../../core/api/plans.js";
import { isOneOf } from "../../../core/vocabulary.js";
import type { DbOrTx } from "../../db/client.js";
import { plans } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, fieldsBefore, recordAudit } from "../audit/audit.service.js";

export type PlanRow = typeof plans.$inferSelect;
/** Plan statuses anyone may read without signing in; drafts are for signed-in users only. */
export const PUBLIC_PLAN_STATUSES = ["adopted", "archived"] as const;

export async function getPlanRow(db: DbOrTx, idOrKey: string): Promise<PlanRow> {
  const where = isUuid(idOrKey) ? or(eq(plans.id, idOrKey), eq(plans.key, idOrKey)) : eq(plans.key, idOrKey);
  const [row] = await db.select().from(plans).where(where).limit(1);
  if (!row) throw notFound("Plan");
  return row;
}

/** A plan the viewer may read: drafts only for signed-in users, and 404 (not 403) otherwise. */
export async function getVisiblePlanRow(db: DbOrTx, idOrKey: string, signedIn: boolean): Promise<PlanRow> {
  const row = await getPlanRow(db, idOrKey);
  if (!signedIn && !isOneOf(PUBLIC_PLAN_STATUSES, row.status)) throw notFound("Plan");
  return row;
}

export type { PlanSummary };

export function toPlanSummary(p: PlanRow): PlanSummary {
  return {
    id: p.id,
    key: p.key,
    title: p.title,
    version: p.version,
    status: p.status,
    municipality: { code: p.municipalityCode, name: p.municipalityName },
    period: { start: p.periodStart, end: p.periodEnd },
    previousVersionId: p.previousVersionId,
  };
}

export async function findPlans(db: DbOrTx, signedIn: boolean): Promise<PlanSummary[]> {
  const rows = await db
    .select()
    .from(plans)
    .where(signedIn ? undefined : inArray(plans.status, [...PUBLIC_PLAN_STATUSES]))
    .orderBy(asc(plans.municipalityName), asc(plans.periodStart));
  return rows.map(toPlanSummary);
}

export type { UpdatePlanInput };

export async function updatePlan(db: DbOrTx, actor: Actor, idOrKey: string, input: UpdatePlanInput): Promise<PlanSummary> {
  const before = await getPlanRow(db, idOrKey);
  const start = input.periodStart ?? before.periodStart;
  const end = input.periodEnd ?? before.periodEnd;
  if (end < start)
    throw new AppError("validation_failed", "The plan period ends before it starts", [
      { path: "periodEnd", message: "before periodStart" },
    ]);
  const [row] = await db
    .update(plans)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(plans.id, before.id))
    .returning();
  if (!row) throw notFound("Plan");
  const changed = fieldsBefore(before, input);
  await recordAudit(db, actor, { action: "plan.update", entityType: "plan", entityId: row.id, before: changed, after: input });
  return toPlanSummary(row);
}
