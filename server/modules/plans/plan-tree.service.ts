import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { EvaluatedTarget, PlanTree, RenderedExplanation, StatusCounts, TreeFocusArea, TreeMeasure } from "../../../core/api/plans.js";
import type { Locale } from "../../../core/format.js";
import { renderExplanation } from "../../../core/i18n/explanations.js";
import type { SeriesValue } from "../../../core/indicators.js";
import { todayInOslo } from "../../../core/periods.js";
import { countsOf } from "../../../core/plan/counts.js";
import { type EvaluationContext, type Explanation, evaluateTarget } from "../../../core/targets/evaluate.js";
import { AGGREGATIONS, MEASURE_STATUSES, oneOf, PREFERRED_TRENDS, TARGET_STATUSES } from "../../../core/vocabulary.js";
import type { DbOrTx } from "../../db/client.js";
import { focusAreas, goals, indicators, measures, measureUpdates, targets } from "../../db/schema/index.js";
import { loadSeries } from "../indicators/index.js";
import { type PlanRow, toPlanSummary } from "./plans.service.js";

export type { EvaluatedTarget, PlanTree, RenderedExplanation, StatusCounts, TreeFocusArea, TreeMeasure };

export function emptyCounts(): StatusCounts {
  return { measures: countsOf(MEASURE_STATUSES), targets: countsOf(TARGET_STATUSES) };
}

function render(e: Explanation, lang: Locale): RenderedExplanation {
  return { ...e, text: renderExplanation(e, lang) };
}

export interface EvaluateOptions {
  asOf?: string;
  lang?: Locale;
}

type TargetRow = typeof targets.$inferSelect;
type MeasureRow = typeof measures.$inferSelect;

/** Everything needed to evaluate a plan's targets, loaded once. */
export interface EvaluationData {
  series: Map<string, SeriesValue[]>;
  indicatorInfo: Map<string, EvaluationContext["indicator"]>;
  completedOn: Map<string, string>;
  updateCounts: Map<string, number>;
}

export async function loadEvaluationData(
  db: DbOrTx,
  plan: PlanRow,
  targetRows: TargetRow[],
  measureIds: string[],
): Promise<EvaluationData> {
  const keys = [...new Set(targetRows.map((t) => t.indicatorKey).filter((k): k is string => k !== null))];
  const [indicatorRows, series, completions, counts] = await Promise.all([
    keys.length > 0 ? db.select().from(indicators).where(inArray(indicators.key, keys)) : Promise.resolve([]),
    loadSeries(db, keys, { areaCode: plan.municipalityCode, range: { start: plan.periodStart, end: plan.periodEnd }, planId: plan.id }),
    measureIds.length > 0
      ? db
          .select({ measureId: measureUpdates.measureId, date: measureUpdates.date })
          .from(measureUpdates)
          .where(and(inArray(measureUpdates.measureId, measureIds), eq(measureUpdates.status, "completed")))
          .orderBy(desc(measureUpdates.date))
      : Promise.resolve([]),
    measureIds.length > 0
      ? db
          .select({ measureId: measureUpdates.measureId, n: sql<number>`count(*)::int` })
          .from(measureUpdates)
          .where(inArray(measureUpdates.measureId, measureIds))
          .groupBy(measureUpdates.measureId)
      : Promise.resolve([]),
  ]);
  const indicatorInfo = new Map(
    indicatorRows.map((r) => [
      r.key,
      {
        aggregation: oneOf(AGGREGATIONS, r.aggregation, "aggregation"),
        unit: r.unit,
        preferredTrend: oneOf(PREFERRED_TRENDS, r.preferredTrend, "preferred trend"),
      },
    ]),
  );
  const completedOn = new Map<string, string>();
  for (const c of completions) if (!completedOn.has(c.measureId)) completedOn.set(c.measureId, c.date);
  const updateCounts = new Map(counts.map((c) => [c.measureId, Number(c.n)]));
  return { series, indicatorInfo, completedOn, updateCounts };
}

export function evaluateTargetRow(
  t: TargetRow,
  plan: PlanRow,
  measure: MeasureRow | undefined,
  data: EvaluationData,
  asOf: string,
  lang: Locale,
): EvaluatedTarget {
  const ctx: EvaluationContext = {
    asOf,
    plan: { start: plan.periodStart, end: plan.periodEnd },
    indicator: t.indicatorKey ? data.indicatorInfo.get(t.indicatorKey) : undefined,
    measure: measure
      ? {
          status: oneOf(MEASURE_STATUSES, measure.status, "measure status"),
          progress: measure.progress,
          completedOn: data.completedOn.get(measure.id) ?? null,
          start: measure.periodStart ?? undefined,
          updates: data.updateCounts.get(measure.id) ?? 0,
        }
      : undefined,
  };
  const e = evaluateTarget(t.spec, t.indicatorKey ? (data.series.get(t.indicatorKey) ?? []) : [], ctx);
  return {
    id: t.id,
    key: t.key,
    type: t.spec.type,
    text: t.spec.text,
    indicator: t.indicatorKey,
    spec: t.spec,
    status: e.status,
    explanation: render(e.explanation, lang),
    period: e.period,
    latestAvailable: e.latestAvailable,
    periods: e.periods.map((p) => ({ ...p, explanation: render(p.explanation, lang) })),
  };
}

/** The plan's full tree with every target evaluated as of a date (today in Norway by default). */
export async function getPlanTree(db: DbOrTx, plan: PlanRow, options: EvaluateOptions = {}): Promise<PlanTree> {
  const asOf = options.asOf ?? todayInOslo();
  const lang = options.lang ?? "nb";
  const [areaRows, goalRows, measureRows, targetRows] = await Promise.all([
    db.select().from(focusAreas).where(eq(focusAreas.planId, plan.id)).orderBy(asc(focusAreas.number)),
    db.select().from(goals).where(eq(goals.planId, plan.id)).orderBy(asc(goals.sort)),
    db.select().from(measures).where(eq(measures.planId, plan.id)).orderBy(asc(measures.sort)),
    db.select().from(targets).where(eq(targets.planId, plan.id)).orderBy(asc(targets.sort)),
  ]);
  const measureIds = measureRows.map((m) => m.id);
  const [data, lastUpdates] = await Promise.all([
    loadEvaluationData(db, plan, targetRows, measureIds),
    measureIds.length > 0
      ? db
          .select()
          .from(measureUpdates)
          .where(inArray(measureUpdates.measureId, measureIds))
          .orderBy(desc(measureUpdates.date), desc(measureUpdates.id))
      : Promise.resolve([]),
  ]);
  const lastUpdate = new Map<string, (typeof lastUpdates)[number]>();
  for (const u of lastUpdates) if (!lastUpdate.has(u.measureId)) lastUpdate.set(u.measureId, u);
  const measureById = new Map(measureRows.map((m) => [m.id, m]));
  const evaluated = new Map(
    targetRows.map((t) => [t.id, evaluateTargetRow(t, plan, t.measureId ? measureById.get(t.measureId) : undefined, data, asOf, lang)]),
  );
  const evaluatedOf = (t: TargetRow): EvaluatedTarget => {
    const e = evaluated.get(t.id);
    if (!e) throw new Error(`target ${t.id} was not evaluated`);
    return e;
  };
  const targetsWhere = (pred: (t: TargetRow) => boolean) => targetRows.filter(pred).map(evaluatedOf);

  const planCounts = emptyCounts();
  const areas: TreeFocusArea[] = areaRows.map((a) => {
    const counts = emptyCounts();
    const areaMeasures: TreeMeasure[] = measureRows
      .filter((m) => m.focusAreaId === a.id)
      .map((m) => {
        const u = lastUpdate.get(m.id);
        return {
          id: m.id,
          key: m.key,
          text: m.text,
          period: m.periodStart && m.periodEnd ? { start: m.periodStart, end: m.periodEnd } : null,
          owner: m.owner,
          status: oneOf(MEASURE_STATUSES, m.status, "measure status"),
          progress: m.progress,
          dueDate: m.dueDate,
          goals: m.goalKeys,
          lastUpdate: u
            ? {
                date: u.date,
                status: oneOf(MEASURE_STATUSES, u.status, "measure status"),
                progress: u.progress,
                comment: u.comment,
                author: u.author,
              }
            : null,
          targets: targetsWhere((t) => t.measureId === m.id),
        };
      });
    const areaGoals = goalRows
      .filter((g) => g.focusAreaId === a.id)
      .map((g) => ({ id: g.id, key: g.key, text: g.text, targets: targetsWhere((t) => t.goalId === g.id) }));
    for (const m of areaMeasures) counts.measures[m.status]++;
    for (const t of targetRows.filter((t) => t.focusAreaId === a.id)) counts.targets[evaluatedOf(t).status]++;
    for (const s of MEASURE_STATUSES) planCounts.measures[s] += counts.measures[s];
    for (const s of TARGET_STATUSES) planCounts.targets[s] += counts.targets[s];
    return {
      id: a.id,
      key: a.key,
      number: a.number,
      title: a.title,
      summary: a.summary,
      figure:
        a.figureImportance === null || a.figureInfluence === null
          ? null
          : { importance: a.figureImportance, influence: a.figureInfluence, approximate: a.figureApproximate, note: a.figureNote },
      facts: a.facts,
      targets: targetsWhere((t) => t.focusAreaId === a.id && t.goalId === null && t.measureId === null),
      goals: areaGoals,
      measures: areaMeasures,
      counts,
    };
  });

  return {
    ...toPlanSummary(plan),
    asOf,
    lang,
    formerCodes: plan.formerCodes,
    adoption: { body: plan.adoptionBody, date: plan.adoptionDate, caseNumber: plan.adoptionCaseNumber, note: plan.adoptionNote },
    source: plan.source,
    introduction: plan.introduction,
    mainGoal: { text: plan.mainGoal, dimensions: plan.dimensions },
    roles: plan.roles,
    analyses: plan.analyses,
    focusAreas: areas,
    counts: planCounts,
  };
}
