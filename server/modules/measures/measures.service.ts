import { and, asc, desc, eq } from "drizzle-orm";
import {
  type AddMeasureUpdateInput,
  addMeasureUpdateSchema,
  type CreateMeasureInput,
  createMeasureSchema,
  type MeasureUpdateView,
  type UpdateMeasureInput,
} from "../../../core/api/measures.js";
import { todayInOslo } from "../../../core/periods.js";
import { progressFitsStatus } from "../../../core/plan/measure-rules.js";
import { MEASURE_STATUSES, oneOf } from "../../../core/vocabulary.js";
import type { DbOrTx } from "../../db/client.js";
import { measures, measureUpdates } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, fieldsBefore, recordAudit } from "../audit/index.js";

export type MeasureRow = typeof measures.$inferSelect;
export type { AddMeasureUpdateInput, CreateMeasureInput, MeasureUpdateView, UpdateMeasureInput };

export async function getMeasureRow(db: DbOrTx, id: string): Promise<MeasureRow> {
  if (!isUuid(id)) throw notFound("Measure");
  const [row] = await db.select().from(measures).where(eq(measures.id, id)).limit(1);
  if (!row) throw notFound("Measure");
  return row;
}

export async function findMeasureUpdates(db: DbOrTx, measureId: string): Promise<MeasureUpdateView[]> {
  const rows = await db
    .select()
    .from(measureUpdates)
    .where(eq(measureUpdates.measureId, measureId))
    .orderBy(desc(measureUpdates.date), desc(measureUpdates.id));
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    status: oneOf(MEASURE_STATUSES, r.status, "measure status"),
    progress: r.progress,
    comment: r.comment,
    author: r.author,
    createdAt: r.createdAt.toISOString(),
  }));
}

/**
 * Posts a status update: appends it to the measure's history and, when it is the newest by
 * date, sets the measure's current status and progress. A completed measure is at 100 %.
 */
export async function addMeasureUpdate(
  db: DbOrTx,
  actor: Actor,
  measureId: string,
  raw: AddMeasureUpdateInput,
): Promise<MeasureUpdateView> {
  const input = addMeasureUpdateSchema.parse(raw);
  if (!progressFitsStatus(input.status, input.progress))
    throw new AppError("validation_failed", "A completed measure has progress 100", [
      { path: "progress", message: "must be 100 when status is completed" },
    ]);
  const date = input.date ?? todayInOslo();
  if (date > todayInOslo())
    throw new AppError("validation_failed", "An update cannot be dated in the future", [{ path: "date", message: "in the future" }]);
  const before = await getMeasureRow(db, measureId);
  const [row] = await db
    .insert(measureUpdates)
    .values({
      measureId,
      date,
      status: input.status,
      progress: input.progress,
      comment: input.comment,
      author: actor.label,
      authorUserId: actor.userId,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const [newest] = await db
    .select({ id: measureUpdates.id })
    .from(measureUpdates)
    .where(eq(measureUpdates.measureId, measureId))
    .orderBy(desc(measureUpdates.date), desc(measureUpdates.id))
    .limit(1);
  if (newest?.id === row.id) {
    await db
      .update(measures)
      .set({ status: input.status, progress: input.progress, updatedAt: new Date() })
      .where(eq(measures.id, measureId));
  }
  await recordAudit(db, actor, {
    action: "measure.status_update",
    entityType: "measure",
    entityId: measureId,
    before: { status: before.status, progress: before.progress },
    after: { date, status: input.status, progress: input.progress, comment: input.comment },
  });
  return {
    id: row.id,
    date: row.date,
    status: oneOf(MEASURE_STATUSES, row.status, "measure status"),
    progress: row.progress,
    comment: row.comment,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function updateMeasure(db: DbOrTx, actor: Actor, measureId: string, input: UpdateMeasureInput): Promise<MeasureRow> {
  const before = await getMeasureRow(db, measureId);
  const [row] = await db
    .update(measures)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(measures.id, measureId))
    .returning();
  if (!row) throw notFound("Measure");
  const changedBefore = fieldsBefore(before, input);
  await recordAudit(db, actor, {
    action: "measure.update",
    entityType: "measure",
    entityId: measureId,
    before: changedBefore,
    after: input,
  });
  return row;
}

export async function createMeasure(
  db: DbOrTx,
  actor: Actor,
  planId: string,
  raw: CreateMeasureInput,
  focusAreaPlanId: string,
): Promise<MeasureRow> {
  const input = createMeasureSchema.parse(raw);
  if (focusAreaPlanId !== planId) throw new AppError("bad_request", "The focus area belongs to another plan");
  const siblings = await db
    .select({ sort: measures.sort })
    .from(measures)
    .where(eq(measures.focusAreaId, input.focusAreaId))
    .orderBy(asc(measures.sort));
  const sort = siblings.length === 0 ? 0 : (siblings[siblings.length - 1]?.sort ?? 0) + 1;
  const [existing] = await db
    .select({ id: measures.id })
    .from(measures)
    .where(and(eq(measures.planId, planId), eq(measures.key, input.key)))
    .limit(1);
  if (existing) throw new AppError("conflict", `Key "${input.key}" is in use`);
  const [row] = await db
    .insert(measures)
    .values({ ...input, planId, status: "planned", progress: 0, goalKeys: [], sort })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, { action: "measure.create", entityType: "measure", entityId: row.id, after: input });
  return row;
}
