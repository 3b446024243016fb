import { asc, eq } from "drizzle-orm";
import type { IndicatorDoc } from "../../../core/indicators.js";
import type { FocusAreaDoc, MeasureDoc, PlanDocument } from "../../../core/plan/document.js";
import type { TargetSpec } from "../../../core/targets/spec.js";
import type { DbOrTx } from "../../db/client.js";
import {
  focusAreas,
  goals,
  indicators,
  indicatorValues,
  measures,
  measureUpdates,
  planIndicators,
  targets,
} from "../../db/schema/index.js";
import { getPlanRow } from "./plans.service.js";

type IndicatorRow = typeof indicators.$inferSelect;

/** An indicator row in its document form (values not included). */
export function indicatorDoc(row: IndicatorRow): Omit<IndicatorDoc, "values"> {
  return {
    key: row.key,
    name: { nb: row.nameNb, en: row.nameEn },
    unit: row.unit,
    format: row.format as IndicatorDoc["format"],
    aggregation: row.aggregation as IndicatorDoc["aggregation"],
    preferredTrend: row.preferredTrend as IndicatorDoc["preferredTrend"],
    updateFrequency: row.updateFrequency as IndicatorDoc["updateFrequency"],
    sourceKind: row.sourceKind as IndicatorDoc["sourceKind"],
    ...(row.definitionNb && row.definitionEn ? { definition: { nb: row.definitionNb, en: row.definitionEn } } : {}),
  };
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/**
 * The whole plan as a document (the inverse of importPlanDocument): importing the export into an
 * empty database and exporting again gives the same document.
 */
export async function exportPlanDocument(db: DbOrTx, planIdOrKey: string): Promise<PlanDocument> {
  const plan = await getPlanRow(db, planIdOrKey);
  const [areaRows, goalRows, measureRows, targetRows, indicatorRows] = await Promise.all([
    db.select().from(focusAreas).where(eq(focusAreas.planId, plan.id)).orderBy(asc(focusAreas.number)),
    db.select().from(goals).where(eq(goals.planId, plan.id)).orderBy(asc(goals.sort)),
    db.select().from(measures).where(eq(measures.planId, plan.id)).orderBy(asc(measures.sort)),
    db.select().from(targets).where(eq(targets.planId, plan.id)).orderBy(asc(targets.sort)),
    db
      .select({ indicator: indicators })
      .from(planIndicators)
      .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
      .where(eq(planIndicators.planId, plan.id))
      .orderBy(asc(planIndicators.sort)),
  ]);
  const updateRows = await db
    .select({ u: measureUpdates })
    .from(measureUpdates)
    .innerJoin(measures, eq(measures.id, measureUpdates.measureId))
    .where(eq(measures.planId, plan.id))
    .orderBy(asc(measureUpdates.date), asc(measureUpdates.id));
  const valueRows = await db
    .select({ v: indicatorValues })
    .from(indicatorValues)
    .innerJoin(planIndicators, eq(planIndicators.indicatorId, indicatorValues.indicatorId))
    .where(eq(planIndicators.planId, plan.id))
    .orderBy(asc(indicatorValues.id));

  const targetsFor = (pred: (t: (typeof targetRows)[number]) => boolean): TargetSpec[] => targetRows.filter(pred).map((t) => t.spec);

  const focus: FocusAreaDoc[] = areaRows.map((a) => ({
    key: a.key,
    number: a.number,
    title: a.title,
    summary: a.summary,
    figure:
      a.figureImportance === null || a.figureInfluence === null
        ? null
        : withoutUndefined({
            importance: a.figureImportance,
            influence: a.figureInfluence,
            approximate: a.figureApproximate,
            note: a.figureNote ?? undefined,
          }),
    facts: a.facts,
    targets: targetsFor((t) => t.focusAreaId === a.id && t.goalId === null && t.measureId === null),
    goals: goalRows
      .filter((g) => g.focusAreaId === a.id)
      .map((g) => ({ key: g.key, text: g.text, targets: targetsFor((t) => t.goalId === g.id) })),
    measures: measureRows
      .filter((m) => m.focusAreaId === a.id)
      .map(
        (m): MeasureDoc => ({
          key: m.key,
          text: m.text,
          ...(m.periodStart && m.periodEnd ? { period: { start: m.periodStart, end: m.periodEnd } } : {}),
          owner: m.owner,
          status: m.status as MeasureDoc["status"],
          progress: m.progress,
          dueDate: m.dueDate,
          goals: m.goalKeys,
          targets: targetsFor((t) => t.measureId === m.id),
          updates: updateRows
            .filter((r) => r.u.measureId === m.id)
            .map((r) => ({
              date: r.u.date,
              status: r.u.status as MeasureDoc["status"],
              progress: r.u.progress,
              comment: r.u.comment,
              author: r.u.author,
            })),
        }),
      ),
  }));

  const indicatorDocs: IndicatorDoc[] = indicatorRows.map(({ indicator }) => ({
    ...indicatorDoc(indicator),
    values: valueRows
      .filter((r) => r.v.indicatorId === indicator.id && r.v.areaCode === plan.municipalityCode)
      .map((r) =>
        withoutUndefined({
          period: r.v.period,
          value: r.v.value,
          status: (r.v.status ?? undefined) as IndicatorDoc["values"][number]["status"],
          source: r.v.source,
          table: r.v.sourceTable ?? undefined,
          periodApproximate: r.v.periodApproximate || undefined,
          note: r.v.note ?? undefined,
        }),
      )
      .map((v) => ({ ...v, value: v.value ?? null })),
  }));

  return {
    format: "naeringskompass-plan/1",
    key: plan.key,
    municipality: { code: plan.municipalityCode, name: plan.municipalityName, formerCodes: plan.formerCodes },
    title: plan.title,
    version: plan.version,
    status: plan.status,
    period: { start: plan.periodStart, end: plan.periodEnd },
    adoption: {
      body: plan.adoptionBody,
      date: plan.adoptionDate,
      caseNumber: plan.adoptionCaseNumber,
      ...(plan.adoptionNote ? { note: plan.adoptionNote } : {}),
    },
    previousVersion: plan.previousVersionId ? (await getPlanRow(db, plan.previousVersionId)).key : null,
    ...(plan.source ? { source: plan.source } : {}),
    ...(plan.introduction ? { introduction: plan.introduction } : {}),
    mainGoal: { text: plan.mainGoal, dimensions: plan.dimensions },
    roles: plan.roles,
    analyses: plan.analyses,
    indicators: indicatorDocs,
    focusAreas: focus,
  };
}
