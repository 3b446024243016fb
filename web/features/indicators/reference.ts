/**
 * Which targets can be drawn on an indicator's chart, and how: a line at the target value or a
 * band between two values, only where the target compares the same kind of period the values
 * are reported for (a yearly target of 15 visits is not drawn against monthly counts).
 */
import { parsePeriod } from "../../../core/periods.js";
import type { ReferenceBand } from "../charts/scale.js";

export interface TargetLike {
  key: string;
  text: string;
  spec: Record<string, unknown>;
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The period kind of the values when they are all of one kind, else null. */
export function seriesPeriodKind(periods: readonly string[]): string | null {
  const kinds = new Set(periods.map((p) => parsePeriod(p)?.kind ?? "?"));
  const [only] = kinds;
  return kinds.size === 1 && only !== undefined ? only : null;
}

/**
 * A reference line or band for a target, or null when the target cannot be drawn as one
 * (milestones, growth rates, trends, cumulative ranges, or another period kind than the values').
 * `aggregation: "sum"` values are flows: only comparable when the periods match.
 */
export function referenceFor(
  target: TargetLike,
  valuePeriodKind: string | null,
  aggregation: string,
  label: string,
  baselineValue?: number,
  preferredTrend = "up",
): ReferenceBand | null {
  const s = target.spec;
  const per = typeof s.per === "string" ? s.per : "year";
  const comparable = aggregation !== "sum" || valuePeriodKind === per;
  switch (s.type) {
    case "at_least":
    case "at_most":
    case "rank_at_most": {
      const v = num(s.value);
      return v !== undefined && comparable ? { from: v, to: v, label } : null;
    }
    case "between": {
      const min = num(s.min);
      const max = num(s.max);
      if (min === undefined || max === undefined || per === "plan_period" || !comparable) return null;
      return { from: min, to: max, label };
    }
    case "hold_level": {
      const base = num(s.baseline) ?? baselineValue;
      const tol = num(s.tolerance) ?? 0.05;
      if (base === undefined || !comparable) return null;
      // The tolerance applies in the bad direction only.
      return preferredTrend === "down" ? { from: base, to: base * (1 + tol), label } : { from: base * (1 - tol), to: base, label };
    }
    default:
      return null;
  }
}
