import { eq, or } from "drizzle-orm";
import { isOneOf } from "../../../core/vocabulary.js";
import type { DbOrTx } from "../../db/client.js";
import { plans } from "../../db/schema/index.js";
import { notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";

/*
 * Finding a plan by id or key, and who may read it. Its own module because the indicators module
 * needs it and the plans module builds on indicators (a plan's targets read indicator series).
 */

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
