/**
 * The retention rule of described logs (called by the privacy module's daily purge): a log whose
 * descriptor names personal fields and a retention (`privacy.purgeAfterDays` after the date or
 * school-year field `privacy.by`) has those fields emptied once that time has passed. The row stays
 * and keeps counting.
 */
import { and, count, isNotNull, lt, lte, or, type SQL } from "drizzle-orm";
import type { LogDescriptor } from "../../../core/logs/descriptor.js";
import { addDays, periodContaining } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { type LogBinding, logColumn } from "./log-table.js";

export interface LogPurgeResult {
  purged: number;
  remaining: number;
}

/** The rows whose retention has run out, as a condition on the `by` field; null when the log keeps nothing personal. */
export function dueCondition(b: LogBinding, asOf: string): SQL | null {
  const p = b.descriptor.privacy;
  if (p.personal.length === 0 || p.purgeAfterDays === undefined || !p.by) return null;
  const cutoff = addDays(asOf, -p.purgeAfterDays);
  const by = logColumn(b, p.by);
  // A school year is due once it has ended before the cutoff: it is older than the one containing it.
  return b.descriptor.fields[p.by]?.type === "schoolYear" ? lt(by, periodContaining("school_year", cutoff).id) : lte(by, cutoff);
}

function holdsPersonal(b: LogBinding): SQL | undefined {
  return or(...b.descriptor.privacy.personal.map((f) => isNotNull(logColumn(b, f))));
}

/** Personal fields of a log, for the descriptor's purge: field → null. */
export function blankPersonal(d: LogDescriptor): Record<string, null> {
  return Object.fromEntries(d.privacy.personal.map((f) => [f, null]));
}

export async function purgeLogPersonalData(db: DbOrTx, bindings: readonly LogBinding[], asOf: string, now: Date): Promise<LogPurgeResult> {
  let purged = 0;
  let remaining = 0;
  for (const b of bindings) {
    const due = dueCondition(b, asOf);
    if (!due) continue;
    const rows = await db
      .update(b.table)
      .set({ ...blankPersonal(b.descriptor), updatedAt: now })
      .where(and(due, holdsPersonal(b)))
      .returning();
    purged += rows.length;
    const [left] = await db.select({ n: count() }).from(b.table).where(holdsPersonal(b));
    remaining += Number(left?.n ?? 0);
  }
  return { purged, remaining };
}
