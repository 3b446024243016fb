import { and, count, eq, isNotNull, isNull, lte, or } from "drizzle-orm";
import type { PrivacyStatus, PurgeResult } from "../../../core/api/privacy.js";
import { todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { entrepreneurLinks } from "../../db/schema/index.js";
import { findJobRuns, recordJobRun } from "../../jobs/job-runs.js";
import { type Actor, recordAudit, SYSTEM_ACTOR } from "../audit/index.js";
import { countEngagementPersonalData, purgeEngagementPersonalData } from "../engagements/index.js";
import { purgeDescribedLogs } from "../logs/index.js";

export const PURGE_JOB = "privacy.purge-personal-data";

/** Links whose organisation number is personal data and still stored. */
const personalWithOrgnr = and(eq(entrepreneurLinks.soleProprietorship, true), isNotNull(entrepreneurLinks.orgnr));

/**
 * The retention rule for personal data: removes the organisation number of every entrepreneur link
 * that is (or may be) a sole proprietorship once its purge date has come (set when the link was
 * recorded: reference date + PERSONAL_DATA_RETENTION_DAYS). A personal link without a purge date has
 * no basis for keeping and is purged too. Records an audit entry with counts only — never an
 * organisation number, and only when something was purged — and every run in job_runs, in one
 * transaction. The engagement log's personal data (contact persons, sole proprietorships' numbers
 * and names) is purged in the same run (engagements/engagements.purge.ts), and so are the described logs' personal fields (logs/log-purge.ts).
 */
export async function purgePersonalData(db: DbOrTx, now: Date, actor: Actor = SYSTEM_ACTOR): Promise<PurgeResult> {
  const asOf = todayInOslo(now);
  return db.transaction(async (tx) => {
    const purged = await tx
      .update(entrepreneurLinks)
      .set({ orgnr: null, purgeAfter: null, purgedAt: now, updatedAt: now })
      .where(and(personalWithOrgnr, or(isNull(entrepreneurLinks.purgeAfter), lte(entrepreneurLinks.purgeAfter, asOf))))
      .returning({ id: entrepreneurLinks.id });
    const [left] = await tx.select({ n: count() }).from(entrepreneurLinks).where(personalWithOrgnr);
    const engagementLog = await purgeEngagementPersonalData(tx, asOf, now);
    const describedLogs = await purgeDescribedLogs(tx, asOf, now);
    const result: PurgeResult = {
      asOf,
      purged: purged.length + engagementLog.purged + describedLogs.purged,
      remaining: Number(left?.n ?? 0) + engagementLog.remaining + describedLogs.remaining,
    };
    // Audit what changed (nothing to audit on a day with nothing due); job_runs records every run.
    if (result.purged > 0) await recordAudit(tx, actor, { action: "privacy.purge", entityType: "job", entityId: PURGE_JOB, after: result });
    await recordJobRun(tx, PURGE_JOB, now, result, actor.userId);
    return result;
  });
}

export type { PrivacyStatus, PurgeResult };

/** The retention rule, how many personal organisation numbers are stored, and the scheduled jobs' last runs. */
export async function getPrivacyStatus(db: DbOrTx, retentionDays: number): Promise<PrivacyStatus> {
  const [row] = await db.select({ n: count() }).from(entrepreneurLinks).where(personalWithOrgnr);
  return {
    retentionDays,
    personalOrgnrsStored: Number(row?.n ?? 0),
    engagementPersonalDataStored: await countEngagementPersonalData(db),
    jobs: await findJobRuns(db),
  };
}
