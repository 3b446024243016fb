import { and, asc, eq, inArray } from "drizzle-orm";
import type { SeriesValue } from "../../../core/indicators.js";
import type { DateRange } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { indicators, indicatorValues } from "../../db/schema/index.js";

/**
 * Derived indicators: modules that hold the underlying data (the register, the office's logs, the
 * plan itself) compute an indicator's values instead of someone typing them in. Targets then
 * evaluate the derived series exactly like a stored one.
 */
export interface DerivedIndicator {
  key: string;
  /** Values for the municipality over the range, one per period the source can tell apart. */
  compute(db: DbOrTx, input: DerivedInput): Promise<SeriesValue[]>;
}

export interface DerivedInput {
  areaCode: string;
  range: DateRange;
  /** The plan being evaluated, for indicators about the plan itself. */
  planId?: string;
}

const registry = new Map<string, DerivedIndicator>();

export function registerDerivedIndicator(d: DerivedIndicator): void {
  registry.set(d.key, d);
}

export function derivedIndicatorKeys(): string[] {
  return [...registry.keys()];
}

export function isDerived(key: string): boolean {
  return registry.has(key);
}

/**
 * Series for several indicators at once: stored values for the area, with derived values added
 * (derived values replace stored ones for the periods they cover; several derived values may share
 * a period, e.g. two events on one day, and are then combined by the indicator's aggregation).
 */
export async function loadSeries(db: DbOrTx, keys: string[], input: DerivedInput): Promise<Map<string, SeriesValue[]>> {
  const out = new Map<string, SeriesValue[]>();
  if (keys.length === 0) return out;
  const rows = await db
    .select({
      key: indicators.key,
      period: indicatorValues.period,
      value: indicatorValues.value,
      status: indicatorValues.status,
      source: indicatorValues.source,
    })
    .from(indicatorValues)
    .innerJoin(indicators, eq(indicators.id, indicatorValues.indicatorId))
    .where(and(inArray(indicators.key, keys), eq(indicatorValues.areaCode, input.areaCode)))
    .orderBy(asc(indicatorValues.periodStart), asc(indicatorValues.id));
  for (const k of keys) out.set(k, []);
  for (const r of rows) {
    out.get(r.key)?.push({ period: r.period, value: r.value, status: r.status ?? undefined, source: r.source });
  }
  for (const k of keys) {
    const provider = registry.get(k);
    if (!provider) continue;
    const derived = await provider.compute(db, input);
    // Every derived value is kept (several events can share a day); a stored value survives only
    // for a period the derived series does not cover (e.g. a baseline year before the log began).
    const covered = new Set(derived.map((v) => v.period));
    out.set(k, [...(out.get(k) ?? []).filter((v) => !covered.has(v.period)), ...derived]);
  }
  return out;
}
