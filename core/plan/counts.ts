/**
 * Status counts and their summaries: the server counts a plan's measures and targets per status,
 * the web app shows the same counts as shares in display order. No zod: the browser imports this.
 */
import { MEASURE_STATUS_ORDER, type MeasureStatus, TARGET_STATUS_ORDER, type TargetStatus } from "../vocabulary.js";

/** A zero count for every value of a vocabulary. */
export function countsOf<const S extends string>(values: readonly S[]): Record<S, number> {
  const out: Partial<Record<S, number>> = {};
  for (const v of values) out[v] = 0;
  if (!hasEvery(values, out)) throw new Error("unreachable: every value was counted");
  return out;
}

function hasEvery<S extends string>(values: readonly S[], r: Partial<Record<S, number>>): r is Record<S, number> {
  return values.every((v) => r[v] !== undefined);
}

export interface StatusSlice<S extends string> {
  status: S;
  count: number;
  /** Share of the total, 0..1. */
  share: number;
}

export interface StatusSummary<S extends string> {
  total: number;
  slices: StatusSlice<S>[];
}

/** The non-zero statuses in display order with their share of the total. */
export function summarize<S extends string>(counts: Partial<Record<string, number>>, order: readonly S[]): StatusSummary<S> {
  const total = order.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const slices = order
    .map((status) => ({ status, count: counts[status] ?? 0 }))
    .filter((s) => s.count > 0)
    .map((s) => ({ ...s, share: total > 0 ? s.count / total : 0 }));
  return { total, slices };
}

export const summarizeTargets = (counts: Partial<Record<string, number>>): StatusSummary<TargetStatus> =>
  summarize(counts, TARGET_STATUS_ORDER);
export const summarizeMeasures = (counts: Partial<Record<string, number>>): StatusSummary<MeasureStatus> =>
  summarize(counts, MEASURE_STATUS_ORDER);

/** The sum of a count record (e.g. all targets of a focus area, whatever their status). */
export function countTotal(counts: Partial<Record<string, number>>): number {
  return Object.values(counts).reduce<number>((sum, n) => sum + (n ?? 0), 0);
}

/** Adds count records (e.g. all focus areas' target counts). */
export function addCounts(...records: Partial<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + (v ?? 0);
  return out;
}

/** Integer percentages for the segments of a bar that always add up to 100 (largest remainder). */
export function roundedShares(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return counts.map(() => 0);
  const raw = counts.map((c) => (c / total) * 100);
  const floor = raw.map(Math.floor);
  let left = 100 - floor.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => ({ i, rem: r - Math.floor(r) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if (counts[i] === 0) continue;
    floor[i] = (floor[i] ?? 0) + 1;
    left--;
  }
  return floor;
}
