import { asc, eq, inArray } from "drizzle-orm";
import type { PlanSummary, UpdatePlanInput } from "../../../core/api/plans.js";
import type { DbOrTx } from "../../db/client.js";
import { plans } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { type Actor, fieldsBefore, recordAudit } from "../audit/index.js";
import { getPlanRow, getVisiblePlanRow, type PlanRow, PUBLIC_PLAN_STATUSES } from "../plan-lookup/index.js";

export type { PlanSummary };
export { getPlanRow, getVisiblePlanRow, type PlanRow, PUBLIC_PLAN_STATUSES };

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
