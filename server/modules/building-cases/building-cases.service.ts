import { and, eq, gte, isNull, lte, or, type SQL } from "drizzle-orm";
import type { CaseView, CreateCaseInput, ListQuery, UpdateCaseInput } from "../../../core/api/building-cases.js";
import { todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { buildingApplications } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { loadCases, type StoredCase, toCaseView } from "./building-cases.load.js";
import { assertValidDates, fieldsOf, insertCase, replaceCase } from "./building-cases.write.js";

/** Filter of the list: open during [from, to] (received by `to`, decided on/after `from` or undecided), commercial, type. */
export function listFilter(q: Omit<ListQuery, "asOf">): SQL | undefined {
  const t = buildingApplications;
  const conds = [
    q.to ? lte(t.receivedDate, q.to) : undefined,
    q.from ? or(isNull(t.decisionDate), gte(t.decisionDate, q.from)) : undefined,
    q.commercial === undefined ? undefined : eq(t.commercial, q.commercial),
    q.type ? eq(t.applicationType, q.type) : undefined,
  ].filter((c): c is SQL => c !== undefined);
  return conds.length > 0 ? and(...conds) : undefined;
}

export async function findCases(db: DbOrTx, q: ListQuery): Promise<CaseView[]> {
  const asOf = q.asOf ?? todayInOslo();
  return (await loadCases(db, listFilter(q))).map((c) => toCaseView(c, asOf));
}

export async function getStoredCase(db: DbOrTx, id: string): Promise<StoredCase> {
  if (!isUuid(id)) throw notFound("Building case");
  const [c] = await loadCases(db, eq(buildingApplications.id, id));
  if (!c) throw notFound("Building case");
  return c;
}

export async function getCase(db: DbOrTx, id: string, asOf: string = todayInOslo()): Promise<CaseView> {
  return toCaseView(await getStoredCase(db, id), asOf);
}

async function assertFreeKey(db: DbOrTx, caseId: string, applicationId: string, exceptId?: string): Promise<void> {
  const [existing] = await db
    .select({ id: buildingApplications.id })
    .from(buildingApplications)
    .where(and(eq(buildingApplications.caseId, caseId), eq(buildingApplications.applicationId, applicationId)))
    .limit(1);
  if (existing && existing.id !== exceptId)
    throw new AppError("conflict", `Application ${applicationId} in case ${caseId} is already registered`);
}

export async function createCase(db: DbOrTx, actor: Actor, input: CreateCaseInput): Promise<CaseView> {
  assertValidDates(input);
  await assertFreeKey(db, input.caseId, input.applicationId);
  const id = await insertCase(db, input);
  await recordAudit(db, actor, { action: "building_case.create", entityType: "building_case", entityId: id, after: input });
  return getCase(db, id);
}

export async function updateCase(db: DbOrTx, actor: Actor, id: string, input: UpdateCaseInput): Promise<CaseView> {
  const before = fieldsOf(await getStoredCase(db, id));
  const after = { ...before, ...input };
  assertValidDates(after);
  if (after.caseId !== before.caseId || after.applicationId !== before.applicationId)
    await assertFreeKey(db, after.caseId, after.applicationId, id);
  await replaceCase(db, id, after);
  await recordAudit(db, actor, {
    action: "building_case.update",
    entityType: "building_case",
    entityId: id,
    before: Object.fromEntries(Object.entries(before).filter(([k]) => k in input)),
    after: input,
  });
  return getCase(db, id);
}

export async function deleteCase(db: DbOrTx, actor: Actor, id: string): Promise<void> {
  const before = fieldsOf(await getStoredCase(db, id));
  await db.delete(buildingApplications).where(eq(buildingApplications.id, id));
  await recordAudit(db, actor, { action: "building_case.delete", entityType: "building_case", entityId: id, before });
}
