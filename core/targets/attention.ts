/** Which targets need attention, and in what order: the rule behind the overview's attention list. */
import { isOneOf } from "../guards.js";
import type { TargetStatus } from "./evaluation-types.js";

/** Statuses that need attention, worst first. */
export const ATTENTION_STATUSES = ["off_track", "at_risk"] as const satisfies readonly TargetStatus[];

/** 0 for the worst status needing attention, 1 for the next; null when the status needs none. */
export function attentionRank(status: string): number | null {
  if (!isOneOf(ATTENTION_STATUSES, status)) return null;
  return ATTENTION_STATUSES.indexOf(status);
}

/** The items whose status needs attention, worst first; items of one status keep their order. */
export function byAttention<T>(items: readonly T[], statusOf: (item: T) => string): T[] {
  return items
    .flatMap((item, i) => {
      const rank = attentionRank(statusOf(item));
      return rank === null ? [] : [{ item, rank, i }];
    })
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((o) => o.item);
}
