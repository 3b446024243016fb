import { eq } from "drizzle-orm";
import type { CaseFields } from "../../../core/api/building-cases.js";
import { checkApplicationDates } from "../../../core/building-cases/validate.js";
import { todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { buildingApplicationStops, buildingApplications } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import type { StoredCase } from "./building-cases.load.js";

/** The fields of a stored case, in the shape the API and the CSV import write. */
export function fieldsOf(c: StoredCase): CaseFields {
  return {
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
    stops: c.stops.map((s) => ({ fromDate: s.fromDate, toDate: s.toDate, reason: s.reason })),
  };
}

const sortStops = (stops: CaseFields["stops"]) =>
  [...stops].sort(
    (a, b) =>
      a.fromDate.localeCompare(b.fromDate) ||
      (a.toDate ?? "").localeCompare(b.toDate ?? "") ||
      (a.reason ?? "").localeCompare(b.reason ?? ""),
  );

const SCALAR_KEYS = [
  "caseId",
  "applicationId",
  "applicationType",
  "commercial",
  "buildingKind",
  "address",
  "receivedDate",
  "completeDate",
  "decisionDate",
  "neighbourObjections",
  "dispensationNeeded",
  "otherAuthorities",
] as const satisfies readonly (keyof CaseFields)[];

const stopKey = (stops: CaseFields["stops"]) => JSON.stringify(sortStops(stops).map((s) => [s.fromDate, s.toDate, s.reason]));

/** True when writing `b` over `a` would change nothing (stops compared in date order). */
export function sameFields(a: CaseFields, b: CaseFields): boolean {
  return SCALAR_KEYS.every((k) => a[k] === b[k]) && stopKey(a.stops) === stopKey(b.stops);
}

/** Cross-field date checks; throws validation_failed naming the fields. */
export function assertValidDates(fields: CaseFields): void {
  const problems = checkApplicationDates(fields, todayInOslo());
  if (problems.length > 0)
    throw new AppError(
      "validation_failed",
      "Invalid dates",
      problems.map((p) => ({ path: p.field, message: p.message })),
    );
}

async function writeStops(db: DbOrTx, applicationId: string, stops: CaseFields["stops"]): Promise<void> {
  await db.delete(buildingApplicationStops).where(eq(buildingApplicationStops.applicationId, applicationId));
  if (stops.length > 0)
    await db
      .insert(buildingApplicationStops)
      .values(sortStops(stops).map((s) => ({ applicationId, fromDate: s.fromDate, toDate: s.toDate, reason: s.reason })));
}

export async function insertCase(db: DbOrTx, fields: CaseFields, batchId: string | null = null): Promise<string> {
  const { stops, ...row } = fields;
  const [inserted] = await db
    .insert(buildingApplications)
    .values({ ...row, batchId })
    .returning({ id: buildingApplications.id });
  if (!inserted) throw new Error("insert returned no row");
  await writeStops(db, inserted.id, stops);
  return inserted.id;
}

export async function replaceCase(db: DbOrTx, id: string, fields: CaseFields, batchId?: string): Promise<void> {
  const { stops, ...row } = fields;
  await db
    .update(buildingApplications)
    .set({ ...row, ...(batchId ? { batchId } : {}), updatedAt: new Date() })
    .where(eq(buildingApplications.id, id));
  await writeStops(db, id, stops);
}
