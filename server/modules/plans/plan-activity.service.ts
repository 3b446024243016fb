import { and, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { PlanChange, SearchHit } from "../../../core/api/plans.js";
import type { Locale } from "../../../core/format.js";
import { formatNumber } from "../../../core/format.js";
import { periodLabel } from "../../../core/i18n/explanations.js";
import type { DbOrTx } from "../../db/client.js";
import { focusAreas, goals, indicators, indicatorValues, measures, measureUpdates, planIndicators } from "../../db/schema/index.js";
import type { PlanRow } from "./plans.service.js";

export type { PlanChange, SearchHit };

const STATUS_LABEL: Record<Locale, Record<string, string>> = {
  nb: { planned: "Ikke startet", in_progress: "Pågår", completed: "Fullført", delayed: "Forsinket", cancelled: "Avbrutt" },
  en: { planned: "Not started", in_progress: "In progress", completed: "Completed", delayed: "Delayed", cancelled: "Cancelled" },
};

/** What changed lately in a plan: status updates and recorded indicator values, newest first. */
export async function findRecentChanges(db: DbOrTx, plan: PlanRow, limit: number, lang: Locale): Promise<PlanChange[]> {
  const [updates, values] = await Promise.all([
    db
      .select({ u: measureUpdates, text: measures.text })
      .from(measureUpdates)
      .innerJoin(measures, eq(measures.id, measureUpdates.measureId))
      .where(eq(measures.planId, plan.id))
      .orderBy(desc(measureUpdates.createdAt), desc(measureUpdates.id))
      .limit(limit),
    db
      .select({ v: indicatorValues, key: indicators.key, nameNb: indicators.nameNb, nameEn: indicators.nameEn })
      .from(indicatorValues)
      .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
      .innerJoin(planIndicators, and(eq(planIndicators.indicatorId, indicators.id), eq(planIndicators.planId, plan.id)))
      // Values loaded with the plan itself are its baseline, not news.
      .where(and(eq(indicatorValues.areaCode, plan.municipalityCode), sql`${indicatorValues.recordedBy} <> 'import'`))
      .orderBy(desc(indicatorValues.updatedAt), desc(indicatorValues.id))
      .limit(limit),
  ]);
  const changes: PlanChange[] = [
    ...updates.map(({ u, text }) => ({
      at: u.createdAt.toISOString(),
      kind: "measure_update" as const,
      title: text,
      detail: `${STATUS_LABEL[lang][u.status] ?? u.status}, ${formatNumber(u.progress, lang)} %${u.comment ? ` – ${u.comment}` : ""}`,
      author: u.author,
      measureId: u.measureId,
    })),
    ...values.map(({ v, key, nameNb, nameEn }) => ({
      at: v.updatedAt.toISOString(),
      kind: "indicator_value" as const,
      title: lang === "nb" ? nameNb : nameEn,
      detail: `${periodLabel(v.period, lang)}: ${v.value === null ? (v.status ?? "–") : formatNumber(v.value, lang)}`,
      author: v.recordedBy,
      indicatorKey: key,
    })),
  ];
  return changes.sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}

/** Case-insensitive search in a plan's focus areas, goals, measures and indicators. */
export async function searchPlan(db: DbOrTx, plan: PlanRow, query: string, lang: Locale = "nb", limit = 50): Promise<SearchHit[]> {
  const q = query.trim();
  if (q.length < 2) return [];
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const [areaRows, goalRows, measureRows, indicatorRows] = await Promise.all([
    db
      .select()
      .from(focusAreas)
      .where(and(eq(focusAreas.planId, plan.id), or(ilike(focusAreas.title, pattern), ilike(focusAreas.summary, pattern))))
      .limit(limit),
    db
      .select({ g: goals, number: focusAreas.number })
      .from(goals)
      .innerJoin(focusAreas, eq(focusAreas.id, goals.focusAreaId))
      .where(and(eq(goals.planId, plan.id), ilike(goals.text, pattern)))
      .limit(limit),
    db
      .select({ m: measures, number: focusAreas.number })
      .from(measures)
      .innerJoin(focusAreas, eq(focusAreas.id, measures.focusAreaId))
      .where(and(eq(measures.planId, plan.id), or(ilike(measures.text, pattern), ilike(measures.owner, pattern))))
      .limit(limit),
    db
      .select({ i: indicators })
      .from(indicators)
      .innerJoin(planIndicators, and(eq(planIndicators.indicatorId, indicators.id), eq(planIndicators.planId, plan.id)))
      .where(
        or(
          ilike(indicators.nameNb, pattern),
          ilike(indicators.nameEn, pattern),
          ilike(indicators.key, pattern),
          ilike(indicators.definitionNb, pattern),
        ),
      )
      .limit(limit),
  ]);
  return [
    ...areaRows.map((a) => ({ kind: "focus_area" as const, id: a.id, key: a.key, title: a.title, focusAreaNumber: a.number })),
    ...goalRows.map(({ g, number }) => ({ kind: "goal" as const, id: g.id, key: g.key, title: g.text, focusAreaNumber: number })),
    ...measureRows.map(({ m, number }) => ({ kind: "measure" as const, id: m.id, key: m.key, title: m.text, focusAreaNumber: number })),
    ...indicatorRows.map(({ i }) => ({ kind: "indicator" as const, id: i.id, key: i.key, title: lang === "en" ? i.nameEn : i.nameNb })),
  ].slice(0, limit);
}
