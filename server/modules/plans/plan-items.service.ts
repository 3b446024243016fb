import { asc, eq } from "drizzle-orm";
import type { CreateGoalInput, UpdateFocusAreaInput, UpdateGoalInput } from "../../../core/api/plans.js";
import type { DbOrTx } from "../../db/client.js";
import { focusAreas, goals } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, fieldsBefore, recordAudit } from "../audit/index.js";

export type FocusAreaRow = typeof focusAreas.$inferSelect;
export type GoalRow = typeof goals.$inferSelect;

export async function getFocusAreaRow(db: DbOrTx, id: string): Promise<FocusAreaRow> {
  if (!isUuid(id)) throw notFound("Focus area");
  const [row] = await db.select().from(focusAreas).where(eq(focusAreas.id, id)).limit(1);
  if (!row) throw notFound("Focus area");
  return row;
}

export async function getGoalRow(db: DbOrTx, id: string): Promise<GoalRow> {
  if (!isUuid(id)) throw notFound("Goal");
  const [row] = await db.select().from(goals).where(eq(goals.id, id)).limit(1);
  if (!row) throw notFound("Goal");
  return row;
}

export async function updateFocusArea(db: DbOrTx, actor: Actor, id: string, input: UpdateFocusAreaInput): Promise<FocusAreaRow> {
  const before = await getFocusAreaRow(db, id);
  const moved = input.figureImportance !== undefined || input.figureInfluence !== undefined;
  const [row] = await db
    .update(focusAreas)
    // A placement set by a person is no longer the reconstructed approximation.
    .set({ ...input, ...(moved ? { figureApproximate: false } : {}), updatedAt: new Date() })
    .where(eq(focusAreas.id, id))
    .returning();
  if (!row) throw notFound("Focus area");
  const changed = fieldsBefore(before, input);
  await recordAudit(db, actor, { action: "focus_area.update", entityType: "focus_area", entityId: id, before: changed, after: input });
  return row;
}

export async function updateGoal(db: DbOrTx, actor: Actor, id: string, input: UpdateGoalInput): Promise<GoalRow> {
  const before = await getGoalRow(db, id);
  const [row] = await db.update(goals).set({ text: input.text, updatedAt: new Date() }).where(eq(goals.id, id)).returning();
  if (!row) throw notFound("Goal");
  await recordAudit(db, actor, { action: "goal.update", entityType: "goal", entityId: id, before: { text: before.text }, after: input });
  return row;
}

export async function createGoal(db: DbOrTx, actor: Actor, planId: string, input: CreateGoalInput): Promise<GoalRow> {
  const area = await getFocusAreaRow(db, input.focusAreaId);
  if (area.planId !== planId) throw new AppError("bad_request", "The focus area belongs to another plan");
  const siblings = await db.select().from(goals).where(eq(goals.planId, planId)).orderBy(asc(goals.sort));
  if (siblings.some((g) => g.key === input.key)) throw new AppError("conflict", `Key "${input.key}" is in use`);
  const sort = Math.max(-1, ...siblings.filter((g) => g.focusAreaId === area.id).map((g) => g.sort)) + 1;
  const [row] = await db.insert(goals).values({ planId, focusAreaId: area.id, key: input.key, text: input.text, sort }).returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, { action: "goal.create", entityType: "goal", entityId: row.id, after: input });
  return row;
}
