import { type RevisePlanInput, revisePlanSchema } from "../../../core/api/plans.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import type { Actor } from "../audit/index.js";
import { exportPlanDocument } from "./plan-export.service.js";
import { importPlanDocument, type PlanImportResult } from "./plan-import.service.js";

export { type RevisePlanInput, revisePlanSchema };

/**
 * Starts a revision (e.g. version 1.1 → 2.0): a draft copy of the plan that points back to it.
 * Areas, goals, measures and targets keep their stable keys, so everything bound to them follows;
 * indicators and their values are shared, so no history is lost. The old version is untouched
 * (archive it when the new one is adopted). Status history stays with the version it belongs to;
 * the new version's measures start from their current status without history.
 */
export async function revisePlan(db: Db, actor: Actor, fromKey: string, input: RevisePlanInput): Promise<PlanImportResult> {
  const doc = await exportPlanDocument(db, fromKey);
  if (input.key === doc.key) throw new AppError("conflict", "The revision needs a new key");
  const start = input.periodStart ?? doc.period.start;
  const end = input.periodEnd ?? doc.period.end;
  if (end < start)
    throw new AppError("validation_failed", "The plan period ends before it starts", [
      { path: "periodEnd", message: "before periodStart" },
    ]);
  return importPlanDocument(db, actor, {
    ...doc,
    key: input.key,
    version: input.version,
    title: input.title ?? doc.title,
    status: "draft",
    period: { start, end },
    adoption: { body: null, date: null, caseNumber: null },
    previousVersion: doc.key,
    focusAreas: doc.focusAreas.map((a) => ({ ...a, measures: a.measures.map((m) => ({ ...m, updates: [] })) })),
  });
}
