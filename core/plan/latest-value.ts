/** The value to show for an indicator in a fact line: the latest period with a number, else the latest. No zod. */
import { comparePeriods } from "../periods.js";

export interface ValueLike {
  period: string;
  value: number | null;
  status: string | null;
  source: string;
  table: string | null;
  periodApproximate: boolean;
}

export function latestValue<V extends ValueLike>(values: readonly V[]): V | undefined {
  const sorted = [...values].sort((a, b) => comparePeriods(a.period, b.period));
  return sorted.findLast((v) => v.value !== null) ?? sorted[sorted.length - 1];
}
