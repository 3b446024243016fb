import { and, asc, eq, inArray } from "drizzle-orm";
import {
  type CreateProjectInput,
  createProjectSchema,
  type ProjectKind,
  type ProjectQuery,
  type ProjectStatus,
  type ProjectView,
  type UpdateProjectInput,
} from "../../../core/api/projects.js";
import { todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { measures, projects } from "../../db/schema/index.js";
import { AppError, type ErrorDetail, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";

type ProjectRow = typeof projects.$inferSelect;

/** The fields a project is made of besides its key (what the API, the CSV and the audit log compare). */
export interface ProjectValues {
  kind: ProjectKind;
  title: string;
  status: ProjectStatus;
  establishedDate: string | null;
  startDate: string | null;
  endDate: string | null;
  partners: string[];
  description: string | null;
  measureKey: string | null;
}

export function projectValuesOf(r: ProjectRow): ProjectValues {
  return {
    kind: r.kind,
    title: r.title,
    status: r.status,
    establishedDate: r.establishedDate,
    startDate: r.startDate,
    endDate: r.endDate,
    partners: r.partners,
    description: r.description,
    measureKey: r.measureKey,
  };
}

export function toProjectView(r: ProjectRow): ProjectView {
  return {
    id: r.id,
    key: r.key,
    ...projectValuesOf(r),
    batchId: r.batchId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Rules across fields: established not in the future, end not before start. */
export function projectProblems(v: ProjectValues, today = todayInOslo()): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (v.establishedDate && v.establishedDate > today)
    problems.push({ path: "establishedDate", message: "in the future; set it when the project is established" });
  if (v.startDate && v.endDate && v.endDate < v.startDate) problems.push({ path: "endDate", message: "before the start date" });
  return problems;
}

/** Measure keys (of any plan) among `keys` that do not exist. */
export async function unknownMeasureKeys(db: DbOrTx, keys: readonly string[]): Promise<string[]> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return [];
  const found = new Set((await db.select({ key: measures.key }).from(measures).where(inArray(measures.key, wanted))).map((r) => r.key));
  return wanted.filter((k) => !found.has(k));
}

async function assertValid(db: DbOrTx, v: ProjectValues): Promise<void> {
  const problems = projectProblems(v);
  if (v.measureKey && (await unknownMeasureKeys(db, [v.measureKey])).length > 0)
    problems.push({ path: "measureKey", message: `no plan has a measure with key "${v.measureKey}"` });
  if (problems.length > 0) throw new AppError("validation_failed", "Invalid project", problems);
}

export async function getProject(db: DbOrTx, idOrKey: string): Promise<ProjectRow> {
  const [row] = await db
    .select()
    .from(projects)
    .where(isUuid(idOrKey) ? eq(projects.id, idOrKey) : eq(projects.key, idOrKey))
    .limit(1);
  if (!row) throw notFound("Project");
  return row;
}

export async function findProjects(db: DbOrTx, q: ProjectQuery): Promise<ProjectView[]> {
  const rows = await db
    .select()
    .from(projects)
    .where(
      and(
        q.kind ? eq(projects.kind, q.kind) : undefined,
        q.status ? eq(projects.status, q.status) : undefined,
        q.measureKey ? eq(projects.measureKey, q.measureKey) : undefined,
      ),
    )
    .orderBy(asc(projects.key));
  return rows.map(toProjectView);
}

export async function createProject(db: DbOrTx, actor: Actor, raw: CreateProjectInput): Promise<ProjectView> {
  const { key, ...values } = createProjectSchema.parse(raw);
  await assertValid(db, values);
  const [existing] = await db.select({ id: projects.id }).from(projects).where(eq(projects.key, key)).limit(1);
  if (existing) throw new AppError("conflict", `Project key "${key}" is in use`);
  const [row] = await db
    .insert(projects)
    .values({ key, ...values })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, { action: "project.create", entityType: "project", entityId: row.id, after: { key, ...values } });
  return toProjectView(row);
}

export async function updateProject(db: DbOrTx, actor: Actor, idOrKey: string, input: UpdateProjectInput): Promise<ProjectView> {
  const row = await getProject(db, idOrKey);
  const before = projectValuesOf(row);
  await assertValid(db, { ...before, ...input });
  const [updated] = await db
    .update(projects)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(projects.id, row.id))
    .returning();
  if (!updated) throw notFound("Project");
  await recordAudit(db, actor, {
    action: "project.update",
    entityType: "project",
    entityId: row.id,
    before: Object.fromEntries(Object.keys(input).map((k) => [k, before[k as keyof ProjectValues]])),
    after: input,
  });
  return toProjectView(updated);
}

export async function deleteProject(db: DbOrTx, actor: Actor, idOrKey: string): Promise<void> {
  const row = await getProject(db, idOrKey);
  await db.delete(projects).where(eq(projects.id, row.id));
  await recordAudit(db, actor, {
    action: "project.delete",
    entityType: "project",
    entityId: row.id,
    before: { key: row.key, ...projectValuesOf(row) },
  });
}
