import { asc, inArray, type SQL } from "drizzle-orm";
import type { CaseView } from "../../../core/api/building-cases.js";
import { assessApplication } from "../../../core/building-cases/assess.js";
import type { ApplicationFacts } from "../../../core/building-cases/types.js";
import type { DbOrTx } from "../../db/client.js";
import { buildingApplicationStops, buildingApplications } from "../../db/schema/index.js";

export type ApplicationRow = typeof buildingApplications.$inferSelect;
export interface StoredStop {
  fromDate: string;
  toDate: string | null;
  reason: string | null;
}
/** An application row with its stops (in date order). */
export type StoredCase = ApplicationRow & { stops: StoredStop[] };

/** Applications matching `where` (all when omitted), each with its stops; two queries. */
export async function loadCases(db: DbOrTx, where?: SQL): Promise<StoredCase[]> {
  const rows = await db
    .select()
    .from(buildingApplications)
    .where(where)
    .orderBy(asc(buildingApplications.receivedDate), asc(buildingApplications.caseId), asc(buildingApplications.applicationId));
  if (rows.length === 0) return [];
  const ids = db.select({ id: buildingApplications.id }).from(buildingApplications).where(where);
  const stops = await db
    .select()
    .from(buildingApplicationStops)
    .where(inArray(buildingApplicationStops.applicationId, ids))
    .orderBy(asc(buildingApplicationStops.fromDate), asc(buildingApplicationStops.id));
  const byApp = new Map<string, StoredStop[]>();
  for (const s of stops) {
    const list = byApp.get(s.applicationId) ?? [];
    list.push({ fromDate: s.fromDate, toDate: s.toDate, reason: s.reason });
    byApp.set(s.applicationId, list);
  }
  return rows.map((r) => ({ ...r, stops: byApp.get(r.id) ?? [] }));
}

export function toFacts(c: StoredCase): ApplicationFacts {
  return {
    applicationType: c.applicationType,
    commercial: c.commercial,
    receivedDate: c.receivedDate,
    completeDate: c.completeDate,
    decisionDate: c.decisionDate,
    neighbourObjections: c.neighbourObjections,
    dispensationNeeded: c.dispensationNeeded,
    otherAuthorities: c.otherAuthorities,
    stops: c.stops,
  };
}

/** The application with its clock, deadline and breaches as of `asOf`. */
export function toCaseView(c: StoredCase, asOf: string): CaseView {
  const a = assessApplication(toFacts(c), asOf);
  return {
    id: c.id,
    caseId: c.caseId,
    applicationId: c.applicationId,
    applicationType: c.applicationType,
    commercial: c.commercial,
    buildingKind: c.buildingKind,
    address: c.address,
    receivedDate: c.receivedDate,
    completeDate: c.completeDate,
    decisionDate: c.decisionDate,
    neighbourObjections: c.neighbourObjections,
    dispensationNeeded: c.dispensationNeeded,
    otherAuthorities: c.otherAuthorities,
    stops: c.stops,
    clock: a.clock && {
      startDate: a.clock.startDate,
      startedFrom: a.clock.startedFrom,
      endDate: a.clock.endDate,
      decided: a.clock.decided,
      stoppedDays: a.clock.stoppedDays,
      days: a.clock.days,
      weeks: a.clock.weeks,
    },
    deadline: { weeks: a.deadline.weeks, ruleId: a.deadline.rule?.id ?? null, citation: a.deadline.rule?.citation ?? null },
    daysOverDeadline: a.daysOverDeadline,
    statutoryBreach: a.statutoryBreach,
    targetBreach: a.targetBreach,
    countsForTarget: a.countsForTarget,
    updatedAt: c.updatedAt.toISOString(),
  };
}
