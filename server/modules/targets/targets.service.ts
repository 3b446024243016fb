import { and, asc, eq } from "drizzle-orm";
import { type CreateTargetInput, createTargetSchema, type TargetEvaluation } from "../../../core/api/targets.js";
import type { Locale } from "../../../core/format.js";
import { renderExplanation } from "../../../core/i18n/explanations.js";
import { todayInOslo } from "../../../core/periods.js";
import { type EvaluationContext, evaluatePeriod } from "../../../core/targets/evaluate.js";
import { type TargetSpec, targetSpecProblems, targetSpecSchema } from "../../../core/targets/spec.js";
import type { DbOrTx } from "../../db/client.js";
import { focusAreas, goals, indicators, measures, targets } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { evaluateTargetRow, getPlanRow, loadEvaluationData } from "../plans/index.js";

export type TargetRow = typeof targets.$inferSelect;

export async function getTargetRow(db: DbOrTx, id: string): Promise<TargetRow> {
  if (!isUuid(id)) throw notFound("Target");
  const [row] = await db.select().from(targets).where(eq(targets.id, id)).limit(1);
  if (!row) throw notFound("Target");
  return row;
}

function requireConsistent(spec: TargetSpec, prefix: string): void {
  const problems = targetSpecProblems(spec);
  if (problems.length > 0)
    throw new AppError(
      "validation_failed",
      problems[0]?.message ?? "Inconsistent target",
      problems.map((p) => ({ path: `${prefix}${p.path}`, message: p.message })),
    );
}

async function requireIndicatorExists(db: DbOrTx, key: string | undefined): Promise<void> {
  if (!key) return;
  const [row] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, key)).limit(1);
  if (!row)
    throw new AppError("validation_failed", `Unknown indicator "${key}"`, [{ path: "spec.indicator", message: "unknown indicator" }]);
}

export type { CreateTargetInput };

/** Attaches a typed target to a focus area, goal or measure of the plan. */
export async function createTarget(db: DbOrTx, actor: Actor, planIdOrKey: string, raw: CreateTargetInput): Promise<TargetRow> {
  const input = createTargetSchema.parse(raw);
  const plan = await getPlanRow(db, planIdOrKey);
  let focusAreaId: string;
  let goalId: string | null = null;
  let measureId: string | null = null;
  if (input.owner.kind === "focusArea") {
    const [a] = await db
      .select()
      .from(focusAreas)
      .where(and(eq(focusAreas.id, input.owner.id), eq(focusAreas.planId, plan.id)));
    if (!a) throw notFound("Focus area");
    focusAreaId = a.id;
  } else if (input.owner.kind === "goal") {
    const [g] = await db
      .select()
      .from(goals)
      .where(and(eq(goals.id, input.owner.id), eq(goals.planId, plan.id)));
    if (!g) throw notFound("Goal");
    focusAreaId = g.focusAreaId;
    goalId = g.id;
  } else {
    const [m] = await db
      .select()
      .from(measures)
      .where(and(eq(measures.id, input.owner.id), eq(measures.planId, plan.id)));
    if (!m) throw notFound("Measure");
    focusAreaId = m.focusAreaId;
    measureId = m.id;
  }
  if (input.spec.type === "milestone" && !input.spec.indicator && !measureId)
    throw new AppError("validation_failed", "A milestone on a goal or focus area needs an indicator", [
      { path: "spec.indicator", message: "required here" },
    ]);
  requireConsistent(input.spec, "spec.");
  await requireIndicatorExists(db, input.spec.indicator);
  const [dup] = await db
    .select({ id: targets.id })
    .from(targets)
    .where(and(eq(targets.planId, plan.id), eq(targets.key, input.spec.key)));
  if (dup) throw new AppError("conflict", `Target key "${input.spec.key}" is in use in this plan`);
  const siblings = await db
    .select({ sort: targets.sort })
    .from(targets)
    .where(eq(targets.focusAreaId, focusAreaId))
    .orderBy(asc(targets.sort));
  const [row] = await db
    .insert(targets)
    .values({
      planId: plan.id,
      focusAreaId,
      goalId,
      measureId,
      key: input.spec.key,
      type: input.spec.type,
      indicatorKey: input.spec.indicator ?? null,
      spec: input.spec,
      sort: (siblings[siblings.length - 1]?.sort ?? -1) + 1,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, { action: "target.create", entityType: "target", entityId: row.id, after: input });
  return row;
}

/** Replaces a target's definition; its key is stable and cannot change. */
export async function updateTarget(db: DbOrTx, actor: Actor, id: string, rawSpec: unknown): Promise<TargetRow> {
  const before = await getTargetRow(db, id);
  const spec: TargetSpec = targetSpecSchema.parse(rawSpec);
  if (spec.key !== before.key)
    throw new AppError("validation_failed", "A target's key cannot change", [{ path: "key", message: `must stay "${before.key}"` }]);
  if (spec.type === "milestone" && !spec.indicator && !before.measureId)
    throw new AppError("validation_failed", "A milestone on a goal or focus area needs an indicator", [
      { path: "indicator", message: "required here" },
    ]);
  requireConsistent(spec, "");
  await requireIndicatorExists(db, spec.indicator);
  const [row] = await db
    .update(targets)
    .set({ spec, type: spec.type, indicatorKey: spec.indicator ?? null, updatedAt: new Date() })
    .where(eq(targets.id, id))
    .returning();
  if (!row) throw notFound("Target");
  await recordAudit(db, actor, { action: "target.update", entityType: "target", entityId: id, before: before.spec, after: spec });
  return row;
}

export async function deleteTarget(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const before = await getTargetRow(db, id);
  await db.delete(targets).where(eq(targets.id, id));
  await recordAudit(db, actor, { action: "target.delete", entityType: "target", entityId: id, before: before.spec });
}

/** One target evaluated as of a date, and optionally for any period asked for. */
export async function evaluateTargetById(
  db: DbOrTx,
  id: string,
  options: { asOf?: string; period?: string; lang: Locale },
): Promise<TargetEvaluation> {
  const t = await getTargetRow(db, id);
  const plan = await getPlanRow(db, t.planId);
  const asOf = options.asOf ?? todayInOslo();
  const measure = t.measureId ? (await db.select().from(measures).where(eq(measures.id, t.measureId)))[0] : undefined;
  const data = await loadEvaluationData(db, plan, [t], measure ? [measure.id] : []);
  const evaluated = evaluateTargetRow(t, plan, measure, data, asOf, options.lang);
  if (!options.period) return evaluated;
  if (t.spec.type === "milestone") throw new AppError("bad_request", "A milestone has no periods; ask without period");
  const ctx: EvaluationContext = {
    asOf,
    plan: { start: plan.periodStart, end: plan.periodEnd },
    indicator: t.indicatorKey ? data.indicatorInfo.get(t.indicatorKey) : undefined,
  };
  const e = evaluatePeriod(t.spec, t.indicatorKey ? (data.series.get(t.indicatorKey) ?? []) : [], options.period, ctx);
  return {
    ...evaluated,
    requested: {
      period: e.period,
      status: e.status,
      explanation: { ...e.explanation, text: renderExplanation(e.explanation, options.lang) },
    },
  };
}
