import { and, desc, eq } from "drizzle-orm";
import {
  type CreateRezoningInput,
  createRezoningSchema,
  type RezoningView,
  type UpdateRezoningInput,
  updateRezoningSchema,
} from "../../../core/api/land.js";
import type { DbOrTx } from "../../db/client.js";
import { landAreas, type REZONING_STATUSES, rezoningApplications } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";

export type RezoningRow = typeof rezoningApplications.$inferSelect;
type RezoningStatus = (typeof REZONING_STATUSES)[number];

const selection = {
  row: rezoningApplications,
  landArea: { key: landAreas.key, name: landAreas.name },
};

function toView(r: RezoningRow, area: { key: string; name: string } | null): RezoningView {
  return {
    id: r.id,
    caseId: r.caseId,
    title: r.title,
    fromUse: r.fromUse,
    toUse: r.toUse,
    areaM2: r.areaM2,
    receivedDate: r.receivedDate,
    decisionDate: r.decisionDate,
    status: r.status,
    landArea: area?.key ? area : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function findRezoningApplications(
  db: DbOrTx,
  filter: { status?: RezoningStatus; landArea?: string } = {},
): Promise<RezoningView[]> {
  const conds = [
    filter.status ? eq(rezoningApplications.status, filter.status) : undefined,
    filter.landArea ? eq(landAreas.key, filter.landArea) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select(selection)
    .from(rezoningApplications)
    .leftJoin(landAreas, eq(landAreas.id, rezoningApplications.landAreaId))
    .where(conds.length > 0 ? and(...conds) : undefined)
    .orderBy(desc(rezoningApplications.receivedDate), desc(rezoningApplications.caseId));
  return rows.map((r) => toView(r.row, r.landArea));
}

export async function getRezoningApplication(db: DbOrTx, id: string): Promise<RezoningView> {
  if (!isUuid(id)) throw notFound("Rezoning application");
  const [r] = await db
    .select(selection)
    .from(rezoningApplications)
    .leftJoin(landAreas, eq(landAreas.id, rezoningApplications.landAreaId))
    .where(eq(rezoningApplications.id, id))
    .limit(1);
  if (!r) throw notFound("Rezoning application");
  return toView(r.row, r.landArea);
}

async function landAreaIdOf(db: DbOrTx, key: string | null): Promise<string | null> {
  if (key === null) return null;
  const [a] = await db.select({ id: landAreas.id }).from(landAreas).where(eq(landAreas.key, key)).limit(1);
  if (!a) throw new AppError("validation_failed", `Land area "${key}" not found`, [{ path: "landAreaKey", message: "no such land area" }]);
  return a.id;
}

function checkDates(received: string, decision: string | null): void {
  if (decision !== null && decision < received)
    throw new AppError("validation_failed", "The decision date is before the received date", [
      { path: "decisionDate", message: `before the received date ${received}` },
    ]);
}

async function assertCaseIdFree(db: DbOrTx, caseId: string, exceptId?: string): Promise<void> {
  const [existing] = await db
    .select({ id: rezoningApplications.id })
    .from(rezoningApplications)
    .where(eq(rezoningApplications.caseId, caseId))
    .limit(1);
  if (existing && existing.id !== exceptId) throw new AppError("conflict", `Case ${caseId} is already registered`);
}

export async function createRezoningApplication(db: DbOrTx, actor: Actor, raw: CreateRezoningInput): Promise<RezoningView> {
  const { landAreaKey, ...input } = createRezoningSchema.parse(raw);
  checkDates(input.receivedDate, input.decisionDate);
  await assertCaseIdFree(db, input.caseId);
  const landAreaId = await landAreaIdOf(db, landAreaKey);
  const [row] = await db
    .insert(rezoningApplications)
    .values({ ...input, landAreaId })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, {
    action: "rezoning_application.create",
    entityType: "rezoning_application",
    entityId: row.id,
    after: { ...input, landAreaKey },
  });
  return getRezoningApplication(db, row.id);
}

export async function updateRezoningApplication(db: DbOrTx, actor: Actor, id: string, raw: UpdateRezoningInput): Promise<RezoningView> {
  const { landAreaKey, ...input } = updateRezoningSchema.parse(raw);
  const before = await getRezoningApplication(db, id);
  checkDates(input.receivedDate ?? before.receivedDate, input.decisionDate !== undefined ? input.decisionDate : before.decisionDate);
  if (input.caseId !== undefined) await assertCaseIdFree(db, input.caseId, id);
  const changes: Partial<RezoningRow> = { ...input };
  if (landAreaKey !== undefined) changes.landAreaId = await landAreaIdOf(db, landAreaKey);
  await db
    .update(rezoningApplications)
    .set({ ...changes, updatedAt: new Date() })
    .where(eq(rezoningApplications.id, id));
  const after = await getRezoningApplication(db, id);
  const changed = ([k]: [string, unknown]) => k in input || (k === "landArea" && landAreaKey !== undefined);
  await recordAudit(db, actor, {
    action: "rezoning_application.update",
    entityType: "rezoning_application",
    entityId: id,
    before: Object.fromEntries(Object.entries(before).filter(changed)),
    after: Object.fromEntries(Object.entries(after).filter(changed)),
  });
  return after;
}

export async function deleteRezoningApplication(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const before = await getRezoningApplication(db, id);
  await db.delete(rezoningApplications).where(eq(rezoningApplications.id, id));
  await recordAudit(db, actor, { action: "rezoning_application.delete", entityType: "rezoning_application", entityId: id, before });
}
