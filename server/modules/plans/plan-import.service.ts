import { eq, inArray } from "drizzle-orm";
import { parsePeriod } from "../../../core/periods.js";
import type { PlanDocument } from "../../../core/plan/document.js";
import type { TargetSpec } from "../../../core/targets/spec.js";
import type { Db, DbOrTx } from "../../db/client.js";
import {
  focusAreas,
  goals,
  indicators,
  indicatorValues,
  measures,
  measureUpdates,
  planIndicators,
  plans,
  targets,
} from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { indicatorColumns } from "../indicators/index.js";

export interface PlanImportResult {
  planId: string;
  key: string;
  counts: {
    focusAreas: number;
    goals: number;
    measures: number;
    targets: number;
    indicatorsCreated: number;
    indicatorsExisting: number;
    valuesInserted: number;
    valuesKept: number;
  };
}

/**
 * Loads a plan document into the database in one transaction: all of it or nothing.
 * Indicators are shared: an indicator that already exists (same key) is reused as it is, and a
 * value already recorded for the same indicator, municipality and period is kept, so a re-import
 * never overwrites later edits. A plan whose key exists is refused.
 */
export async function importPlanDocument(db: Db, actor: Actor, doc: PlanDocument): Promise<PlanImportResult> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.key, doc.key)).limit(1);
    if (existing) throw new AppError("conflict", `A plan with key "${doc.key}" already exists`);

    let previousVersionId: string | null = null;
    if (doc.previousVersion) {
      const [prev] = await tx.select({ id: plans.id }).from(plans).where(eq(plans.key, doc.previousVersion)).limit(1);
      if (!prev) throw new AppError("invalid_plan", `previousVersion "${doc.previousVersion}" is not in the database`);
      previousVersionId = prev.id;
    }

    const [plan] = await tx
      .insert(plans)
      .values({
        key: doc.key,
        municipalityCode: doc.municipality.code,
        municipalityName: doc.municipality.name,
        formerCodes: doc.municipality.formerCodes,
        title: doc.title,
        version: doc.version,
        status: doc.status,
        periodStart: doc.period.start,
        periodEnd: doc.period.end,
        adoptionBody: doc.adoption.body,
        adoptionDate: doc.adoption.date,
        adoptionCaseNumber: doc.adoption.caseNumber,
        adoptionNote: doc.adoption.note ?? null,
        previousVersionId,
        source: doc.source ?? null,
        introduction: doc.introduction ?? null,
        mainGoal: doc.mainGoal.text,
        dimensions: doc.mainGoal.dimensions,
        roles: doc.roles,
        analyses: doc.analyses,
      })
      .returning({ id: plans.id });
    if (!plan) throw new Error("plan insert returned no row");
    const planId = plan.id;

    const ind = await importIndicators(tx, doc, planId, "import");
    const counts = { focusAreas: 0, goals: 0, measures: 0, targets: 0, ...ind };

    for (const area of doc.focusAreas) {
      const [fa] = await tx
        .insert(focusAreas)
        .values({
          planId,
          key: area.key,
          number: area.number,
          title: area.title,
          summary: area.summary,
          figureImportance: area.figure?.importance ?? null,
          figureInfluence: area.figure?.influence ?? null,
          figureApproximate: area.figure?.approximate ?? false,
          figureNote: area.figure?.note ?? null,
          facts: area.facts,
        })
        .returning({ id: focusAreas.id });
      if (!fa) throw new Error("focus area insert returned no row");
      counts.focusAreas++;
      const targetRows: (typeof targets.$inferInsert)[] = [];
      const addTargets = (specs: TargetSpec[], owner: { goalId?: string; measureId?: string }) => {
        for (const spec of specs) {
          targetRows.push({
            planId,
            focusAreaId: fa.id,
            goalId: owner.goalId ?? null,
            measureId: owner.measureId ?? null,
            key: spec.key,
            type: spec.type,
            indicatorKey: spec.indicator ?? null,
            spec,
            sort: targetRows.length,
          });
        }
      };
      addTargets(area.targets, {});
      for (const [i, goal] of area.goals.entries()) {
        const [g] = await tx
          .insert(goals)
          .values({ planId, focusAreaId: fa.id, key: goal.key, text: goal.text, sort: i })
          .returning({ id: goals.id });
        if (!g) throw new Error("goal insert returned no row");
        counts.goals++;
        addTargets(goal.targets, { goalId: g.id });
      }
      for (const [i, m] of area.measures.entries()) {
        const [row] = await tx
          .insert(measures)
          .values({
            planId,
            focusAreaId: fa.id,
            key: m.key,
            text: m.text,
            periodStart: m.period?.start ?? null,
            periodEnd: m.period?.end ?? null,
            owner: m.owner,
            status: m.status,
            progress: m.progress,
            dueDate: m.dueDate,
            goalKeys: m.goals,
            sort: i,
          })
          .returning({ id: measures.id });
        if (!row) throw new Error("measure insert returned no row");
        counts.measures++;
        if (m.updates.length > 0) {
          await tx.insert(measureUpdates).values(
            m.updates.map((u) => ({
              measureId: row.id,
              date: u.date,
              status: u.status,
              progress: u.progress,
              comment: u.comment,
              author: u.author,
            })),
          );
        }
        addTargets(m.targets, { measureId: row.id });
      }
      if (targetRows.length > 0) await tx.insert(targets).values(targetRows);
      counts.targets += targetRows.length;
    }
    await recordAudit(tx, actor, {
      action: "plan.import",
      entityType: "plan",
      entityId: planId,
      after: { key: doc.key, title: doc.title, version: doc.version, counts },
    });
    return { planId, key: doc.key, counts };
  });
}

async function importIndicators(tx: DbOrTx, doc: PlanDocument, planId: string, recordedBy: string) {
  const result = { indicatorsCreated: 0, indicatorsExisting: 0, valuesInserted: 0, valuesKept: 0 };
  const keys = doc.indicators.map((i) => i.key);
  const existing =
    keys.length > 0
      ? await tx.select({ id: indicators.id, key: indicators.key }).from(indicators).where(inArray(indicators.key, keys))
      : [];
  const idByKey = new Map(existing.map((r) => [r.key, r.id]));
  for (const [sort, ind] of doc.indicators.entries()) {
    const known = idByKey.get(ind.key);
    let id: string;
    if (known) {
      id = known;
      result.indicatorsExisting++;
    } else {
      const [row] = await tx.insert(indicators).values(indicatorColumns(ind)).returning({ id: indicators.id });
      if (!row) throw new Error("indicator insert returned no row");
      id = row.id;
      idByKey.set(ind.key, id);
      result.indicatorsCreated++;
    }
    await tx.insert(planIndicators).values({ planId, indicatorId: id, sort });
    if (ind.values.length === 0) continue;
    const rows = ind.values.map((v) => {
      const p = parsePeriod(v.period);
      if (!p) throw new AppError("invalid_plan", `indicator "${ind.key}": invalid period "${v.period}"`);
      return {
        indicatorId: id,
        areaCode: doc.municipality.code,
        period: v.period,
        periodStart: p.start,
        periodEnd: p.end,
        value: v.value,
        status: v.status ?? null,
        source: v.source,
        sourceTable: v.table ?? null,
        periodApproximate: v.periodApproximate ?? false,
        note: v.note ?? null,
        recordedBy,
      };
    });
    const inserted = await tx.insert(indicatorValues).values(rows).onConflictDoNothing().returning({ id: indicatorValues.id });
    result.valuesInserted += inserted.length;
    result.valuesKept += rows.length - inserted.length;
  }
  return result;
}
