import { and, asc, desc, eq } from "drizzle-orm";
import {
  type CreateIndicatorInput,
  createIndicatorSchema,
  type IndicatorValueView,
  type IndicatorView,
  type PlanIndicator,
  type RecordValueInput,
} from "../../../core/api/indicators.js";
import { parsePeriod } from "../../../core/periods.js";
import { AGGREGATIONS, oneOf, PREFERRED_TRENDS, SOURCE_KINDS, UPDATE_FREQUENCIES, VALUE_FORMATS } from "../../../core/vocabulary.js";
import type { DbOrTx } from "../../db/client.js";
import { indicators, indicatorValues, planIndicators } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { indicatorColumns } from "./indicator-columns.js";
import { isDerived, loadSeries } from "./series.service.js";

export type IndicatorRow = typeof indicators.$inferSelect;
export type { IndicatorValueView, IndicatorView, RecordValueInput };

export function toIndicatorView(r: IndicatorRow): IndicatorView {
  return {
    id: r.id,
    key: r.key,
    name: { nb: r.nameNb, en: r.nameEn },
    unit: r.unit,
    format: oneOf(VALUE_FORMATS, r.format, "value format"),
    aggregation: oneOf(AGGREGATIONS, r.aggregation, "aggregation"),
    preferredTrend: oneOf(PREFERRED_TRENDS, r.preferredTrend, "preferred trend"),
    updateFrequency: oneOf(UPDATE_FREQUENCIES, r.updateFrequency, "update frequency"),
    sourceKind: oneOf(SOURCE_KINDS, r.sourceKind, "source kind"),
    definition: r.definitionNb && r.definitionEn ? { nb: r.definitionNb, en: r.definitionEn } : null,
    derived: isDerived(r.key),
  };
}

export async function getIndicatorRow(db: DbOrTx, idOrKey: string): Promise<IndicatorRow> {
  const [row] = await db
    .select()
    .from(indicators)
    .where(isUuid(idOrKey) ? eq(indicators.id, idOrKey) : eq(indicators.key, idOrKey))
    .limit(1);
  if (!row) throw notFound("Indicator");
  return row;
}

/** All indicators, or those a plan uses (in the plan's order). */
export async function findIndicators(db: DbOrTx, planId?: string): Promise<IndicatorView[]> {
  if (planId) {
    const rows = await db
      .select({ i: indicators })
      .from(planIndicators)
      .innerJoin(indicators, eq(indicators.id, planIndicators.indicatorId))
      .where(eq(planIndicators.planId, planId))
      .orderBy(asc(planIndicators.sort));
    return rows.map((r) => toIndicatorView(r.i));
  }
  return (await db.select().from(indicators).orderBy(asc(indicators.key))).map(toIndicatorView);
}

function toIndicatorValueView(r: typeof indicatorValues.$inferSelect): IndicatorValueView {
  return {
    id: r.id,
    areaCode: r.areaCode,
    period: r.period,
    value: r.value,
    status: r.status,
    source: r.source,
    table: r.sourceTable,
    periodApproximate: r.periodApproximate,
    note: r.note,
    fetchedAt: r.fetchedAt?.toISOString() ?? null,
    recordedBy: r.recordedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function findIndicatorValues(db: DbOrTx, indicatorId: string, areaCode?: string): Promise<IndicatorValueView[]> {
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(
      areaCode
        ? and(eq(indicatorValues.indicatorId, indicatorId), eq(indicatorValues.areaCode, areaCode))
        : eq(indicatorValues.indicatorId, indicatorId),
    )
    .orderBy(asc(indicatorValues.periodStart), desc(indicatorValues.periodEnd), asc(indicatorValues.areaCode));
  return rows.map(toIndicatorValueView);
}

/**
 * Records a value for an indicator, municipality and period; a value for the same period is
 * replaced (the audit log keeps the old one). Derived indicators are computed, not typed in.
 */
export async function recordIndicatorValue(
  db: DbOrTx,
  actor: Actor,
  indicatorId: string,
  input: RecordValueInput,
): Promise<IndicatorValueView> {
  const ind = await getIndicatorRow(db, indicatorId);
  if (isDerived(ind.key))
    throw new AppError("bad_request", `Indicator "${ind.key}" is computed from the system's own data and cannot be typed in`);
  const p = parsePeriod(input.period);
  if (!p) throw new AppError("validation_failed", "Invalid period", [{ path: "period", message: "not a period" }]);
  const [before] = await db
    .select()
    .from(indicatorValues)
    .where(
      and(eq(indicatorValues.indicatorId, ind.id), eq(indicatorValues.areaCode, input.areaCode), eq(indicatorValues.period, input.period)),
    )
    .limit(1);
  const values = {
    value: input.value,
    status: input.status ?? null,
    source: input.source,
    sourceTable: input.table ?? null,
    note: input.note ?? null,
    fetchedAt: input.fetchedAt ? new Date(input.fetchedAt) : null,
    recordedBy: actor.label,
    periodApproximate: false,
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(indicatorValues)
    .values({ indicatorId: ind.id, areaCode: input.areaCode, period: input.period, periodStart: p.start, periodEnd: p.end, ...values })
    .onConflictDoUpdate({ target: [indicatorValues.indicatorId, indicatorValues.areaCode, indicatorValues.period], set: values })
    .returning();
  if (!row) throw new Error("upsert returned no row");
  await recordAudit(db, actor, {
    action: before ? "indicator_value.replace" : "indicator_value.create",
    entityType: "indicator",
    entityId: ind.id,
    before: before
      ? { areaCode: before.areaCode, period: before.period, value: before.value, status: before.status, source: before.source }
      : null,
    after: { areaCode: input.areaCode, period: input.period, value: input.value, status: input.status ?? null, source: input.source },
  });
  return toIndicatorValueView(row);
}

export async function deleteIndicatorValue(db: DbOrTx, actor: Actor, indicatorId: string, valueId: number): Promise<void> {
  const [row] = await db
    .delete(indicatorValues)
    .where(and(eq(indicatorValues.id, valueId), eq(indicatorValues.indicatorId, indicatorId)))
    .returning();
  if (!row) throw notFound("Indicator value");
  await recordAudit(db, actor, {
    action: "indicator_value.delete",
    entityType: "indicator",
    entityId: indicatorId,
    before: { areaCode: row.areaCode, period: row.period, value: row.value, status: row.status, source: row.source },
  });
}

export async function createIndicator(db: DbOrTx, actor: Actor, raw: CreateIndicatorInput): Promise<IndicatorView> {
  const input = createIndicatorSchema.parse(raw);
  const [existing] = await db.select({ id: indicators.id }).from(indicators).where(eq(indicators.key, input.key)).limit(1);
  if (existing) throw new AppError("conflict", `Indicator key "${input.key}" is in use`);
  const [row] = await db
    .insert(indicators)
    .values(indicatorColumns({ ...input, values: [] }))
    .returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, { action: "indicator.create", entityType: "indicator", entityId: row.id, after: input });
  return toIndicatorView(row);
}

/**
 * The plan's indicators in plan order, each with its values for the plan's municipality; derived
 * indicators carry their computed values over the plan period.
 */
export async function findPlanIndicatorsWithValues(
  db: DbOrTx,
  plan: { id: string; municipalityCode: string; periodStart: string; periodEnd: string },
): Promise<PlanIndicator[]> {
  const planId = plan.id;
  const areaCode = plan.municipalityCode;
  const list = await findIndicators(db, planId);
  const rows = await db
    .select({
      indicatorId: indicatorValues.indicatorId,
      period: indicatorValues.period,
      value: indicatorValues.value,
      status: indicatorValues.status,
      source: indicatorValues.source,
      table: indicatorValues.sourceTable,
      periodApproximate: indicatorValues.periodApproximate,
      note: indicatorValues.note,
    })
    .from(indicatorValues)
    .innerJoin(planIndicators, and(eq(planIndicators.indicatorId, indicatorValues.indicatorId), eq(planIndicators.planId, planId)))
    .where(eq(indicatorValues.areaCode, areaCode))
    .orderBy(asc(indicatorValues.periodStart), desc(indicatorValues.periodEnd));
  const byIndicator = new Map<string, PlanIndicator["values"]>();
  for (const { indicatorId, ...v } of rows) {
    const list = byIndicator.get(indicatorId) ?? [];
    list.push(v);
    byIndicator.set(indicatorId, list);
  }
  const derivedKeys = list.filter((i) => i.derived).map((i) => i.key);
  const derived = await loadSeries(db, derivedKeys, { areaCode, range: { start: plan.periodStart, end: plan.periodEnd }, planId });
  return list.map((i) => ({
    ...i,
    values: i.derived
      ? (derived.get(i.key) ?? []).map(
          // A stored value the derived series kept (e.g. a baseline year) keeps its provenance.
          (v) =>
            byIndicator.get(i.id)?.find((st) => st.period === v.period && st.value === v.value && st.source === v.source) ?? {
              period: v.period,
              value: v.value,
              status: v.status ?? null,
              source: v.source ?? "",
              table: null,
              periodApproximate: false,
              note: null,
            },
        )
      : (byIndicator.get(i.id) ?? []),
  }));
}
