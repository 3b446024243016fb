/** The value to show for an indicator in a fact line: the latest period with a number or a status code. */
import { comparePeriods } from "../../format.js";

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
  for (const v of [...sorted].reverse()) if (v.value !== null) return v;
  return sorted.at(-1);
}
