/** Scales and ticks for the hand-written SVG charts. Pure functions, unit-tested. */
import { pairwise } from "../../../core/guards.js";
import { comparePeriods, periodMidpoint } from "../../format.js";

export type Scale = (v: number) => number;

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** A "nice" step (1, 2, 2.5 or 5 × 10^n) so that about `count` ticks cover the span. */
export function niceStep(span: number, count = 5): number {
  if (!(span > 0)) return 1;
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return nice * mag;
}

/** Rounds the domain outwards to whole steps and lists the ticks. */
export function niceDomain(min: number, max: number, count = 5, integer = false): { domain: [number, number]; ticks: number[] } {
  let lo = min;
  let hi = max;
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = integer ? Math.max(1, Math.round(niceStep(hi - lo, count))) : niceStep(hi - lo, count);
  const d0 = Math.floor(lo / step) * step;
  const d1 = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = d0; v <= d1 + step / 2; v += step) ticks.push(Number(v.toFixed(10)));
  return { domain: [d0, d1], ticks };
}

export interface SeriesPoint {
  period: string;
  value: number;
}

/** Numeric values (missing ones with a status code dropped), in period order, one per period. */
export function numericSeries(values: readonly { period: string; value: number | null }[]): SeriesPoint[] {
  const byPeriod = new Map<string, number>();
  for (const v of values) if (v.value !== null && Number.isFinite(v.value)) byPeriod.set(v.period, v.value);
  return [...byPeriod.entries()].map(([period, value]) => ({ period, value })).sort((a, b) => comparePeriods(a.period, b.period));
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
}

export interface ReferenceBand {
  /** A line when from === to. */
  from: number;
  to: number;
  label: string;
}

export interface TimeSeriesLayout {
  points: { period: string; value: number; x: number; y: number }[];
  yTicks: { value: number; y: number }[];
  xTicks: { period: string; x: number }[];
  bands: (ReferenceBand & { y0: number; y1: number })[];
  path: string;
}

/**
 * Lays out a time series: x by the middle of each period on a time axis, y on a nice domain
 * that also includes every reference line or band (so a target is always visible). Rank
 * indicators (lower is better) flip the y axis so "up" stays "better".
 */
export function layoutTimeSeries(
  series: readonly SeriesPoint[],
  bands: readonly ReferenceBand[],
  geometry: ChartGeometry,
  options: { invert?: boolean; zeroBased?: boolean; maxXTicks?: number; integer?: boolean; floor?: number } = {},
): TimeSeriesLayout {
  const { plot } = geometry;
  const values = [...series.map((p) => p.value), ...bands.flatMap((b) => [b.from, b.to])];
  let min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  if (options.zeroBased && min > 0) min = 0;
  if (options.floor !== undefined && min > options.floor) min = options.floor;
  const { domain, ticks } = niceDomain(min, max, 4, options.integer);
  const y = linearScale(options.invert ? [domain[1], domain[0]] : domain, [plot.bottom, plot.top]);
  const times = series.map((p) => periodMidpoint(p.period) ?? 0);
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x: Scale =
    series.length > 1 && t1 > t0 ? linearScale([t0, t1], [plot.left + 16, plot.right - 16]) : () => (plot.left + plot.right) / 2;
  const points = series.map((p, i) => ({ ...p, x: x(times[i] ?? 0), y: y(p.value) }));
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
  const maxXTicks = options.maxXTicks ?? 8;
  const every = Math.max(1, Math.ceil(points.length / maxXTicks));
  const xTicks = points.filter((_, i) => i % every === 0 || i === points.length - 1).map((p) => ({ period: p.period, x: p.x }));
  return {
    points,
    yTicks: ticks.map((value) => ({ value, y: y(value) })),
    xTicks,
    bands: bands.map((b) => ({ ...b, y0: y(b.from), y1: y(b.to) })),
    path,
  };
}

/** The smallest horizontal gap between neighbouring points (Infinity for fewer than two). */
export function minGap(xs: readonly number[]): number {
  let gap = Number.POSITIVE_INFINITY;
  for (const [a, b] of pairwise(xs)) gap = Math.min(gap, Math.abs(b - a));
  return gap;
}

/** Shortens a label to about `maxChars` characters, ending in "…". */
export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, Math.max(1, maxChars - 1)).trimEnd()}…`;
}

/** A spark line's path in a small box; null when there are fewer than two values. */
export function sparkPath(values: readonly number[], width: number, height: number, pad = 2): string | null {
  if (values.length < 2) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  const x = linearScale([0, values.length - 1], [pad, width - pad]);
  const y = linearScale(min === max ? [min - 1, max + 1] : [min, max], [height - pad, pad]);
  return values.map((v, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
}
