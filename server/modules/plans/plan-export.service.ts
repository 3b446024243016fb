import { asc, eq } from "drizzle-orm";
import type { IndicatorDoc, IndicatorValueDoc } from "../../../core/indicators.js";
import type { FocusAreaDoc, MeasureDoc, PlanDocument } from "../../../core/plan/document.js";
import type { TargetSpec } from "../../../core/targets/spec.js";
import {
  AGGREGATIONS,
  MEASURE_STATUSES,
  oneOf,
  PREFERRED_TRENDS,
  SOURCE_KINDS,
  UPDATE_FREQUENCIES,
  VALUE_FORMATS,
  VALUE_STATUS_CODES,
} from "../../../core/vocabulary.js";
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
    format: oneOf(VALUE_FORMATS, row.format, "value format"),
    aggregation: oneOf(AGGREGATIONS, row.aggregation, "aggregation"),
    preferredTrend: oneOf(PREFERRED_TRENDS, row.preferredTrend, "preferred trend"),
    updateFrequency: oneOf(UPDATE_FREQUENCIES, row.updateFrequency, "update frequency"),
    sourceKind: oneOf(SOURCE_KINDS, row.sourceKind, "source kind"),
    ...(row.definitionNb && row.definitionEn ? { definition: { nb: row.definitionNb, en: row.definitionEn } } : {}),
  };
}

type ValueRow = typeof indicatorValues.$inferSelect;

/** A stored value in its document form: empty fields left out, `value` last when it is missing (null). */
function valueDoc(v: ValueRow): IndicatorValueDoc {
  const doc = {
    period: v.period,
    ...(v.value !== null ? { value: v.value } : {}),
    ...(v.status !== null ? { status: oneOf(VALUE_STATUS_CODES, v.status, "value status") } : {}),
    source: v.source,
    ...(v.sourceTable !== null ? { table: v.sourceTable } : {}),
    ...(v.periodApproximate ? { periodApproximate: true } : {}),
    ...(v.note !== null ? { note: v.note } : {}),
  };
  return { ...doc, value: v.value };
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
        : {
            importance: a.figureImportance,
            influence: a.figureInfluence,
            approximate: a.figureApproximate,
            ...(a.figureNote !== null ? { note: a.figureNote } : {}),
          },
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
          status: oneOf(MEASURE_STATUSES, m.status, "measure status"),
          progress: m.progress,
          dueDate: m.dueDate,
          goals: m.goalKeys,
          targets: targetsFor((t) => t.measureId === m.id),
          updates: updateRows
            .filter((r) => r.u.measureId === m.id)
            .map((r) => ({
              date: r.u.date,
              status: oneOf(MEASURE_STATUSES, r.u.status, "measure status"),
              progress: r.u.progress,
              comment: r.u.comment,
              author: r.u.author,
            })),
        }),
      ),
  }));

  const indicatorDocs: IndicatorDoc[] = indicatorRows.map(({ indicator }) => ({
    ...indicatorDoc(indicator),
    values: valueRows.filter((r) => r.v.indicatorId === indicator.id && r.v.areaCode === plan.municipalityCode).map((r) => valueDoc(r.v)),
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
