import { eq } from "drizzle-orm";
import type { ProjectKind, ProjectQuery, ProjectStatus } from "../../../core/api/projects.js";
import type { RowProblem } from "../../../core/logs/import-errors.js";
import { type ImportSummary, planImport } from "../../../core/logs/import-plan.js";
import { codeFromLabel, labelList, labelOf } from "../../../core/logs/labels.js";
import { todayInOslo } from "../../../core/periods.js";
import { stableKeySchema } from "../../../core/targets/spec.js";
import type { DbOrTx } from "../../db/client.js";
import { projects } from "../../db/schema/index.js";
import { type CsvColumn, type CsvValue, writeCsv } from "../../lib/csv.js";
import { readCsvOrReject, recordImportBatch, rejectIfProblems } from "../../lib/csv-import.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { findProjects, type ProjectValues, projectProblems, projectValuesOf, unknownMeasureKeys } from "./projects.service.js";

/** CSV of the project log. Rows are matched by `Nøkkel` (the project's stable key); partners are `|`-separated. */
export const KIND_LABELS = {
  innovative_procurement: ["innovativt innkjøp", "innovative procurement", "innovativ anskaffelse"],
  futurebuilt: ["FutureBuilt"],
  welfare_technology: ["velferdsteknologi", "welfare technology", "Kom-Nær"],
  smartcity: ["SmartCity", "smart city"],
  other: ["annet", "other"],
} as const satisfies Record<ProjectKind, readonly string[]>;

export const STATUS_LABELS = {
  planned: ["planlagt", "planned"],
  ongoing: ["pågår", "pågående", "ongoing"],
  completed: ["fullført", "avsluttet", "completed"],
  cancelled: ["avbrutt", "kansellert", "cancelled"],
} as const satisfies Record<ProjectStatus, readonly string[]>;

type Col = "key" | "kind" | "title" | "status" | "established" | "start" | "end" | "partners" | "description" | "measure";

export const PROJECT_COLUMNS: readonly CsvColumn<Col>[] = [
  { key: "key", header: "Nøkkel", type: "text", required: true, aliases: ["key", "nokkel"] },
  { key: "kind", header: "Type", type: "text", required: true, aliases: ["kind"] },
  { key: "title", header: "Tittel", type: "text", required: true, aliases: ["title"] },
  { key: "status", header: "Status", type: "text", required: true },
  { key: "established", header: "Etablert", type: "date", aliases: ["established", "established_date", "etablert dato"] },
  { key: "start", header: "Start", type: "date", aliases: ["start_date", "startdato"] },
  { key: "end", header: "Slutt", type: "date", aliases: ["end", "end_date", "sluttdato"] },
  { key: "partners", header: "Partnere", type: "text", aliases: ["partners", "samarbeidspartnere"] },
  { key: "description", header: "Beskrivelse", type: "text", aliases: ["description"] },
  { key: "measure", header: "Tiltak", type: "text", aliases: ["measure", "measure_key", "tiltaksnøkkel"] },
];

export const splitPartners = (cell: string | null): string[] =>
  (cell ?? "")
    .split("|")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

export async function exportProjectsCsv(db: DbOrTx, q: ProjectQuery): Promise<Buffer> {
  const rows = await findProjects(db, q);
  return writeCsv(
    PROJECT_COLUMNS,
    rows.map((r) => ({
      key: r.key,
      kind: labelOf(r.kind, KIND_LABELS),
      title: r.title,
      status: labelOf(r.status, STATUS_LABELS),
      established: r.establishedDate,
      start: r.startDate,
      end: r.endDate,
      partners: r.partners.length > 0 ? r.partners.join(" | ") : null,
      description: r.description,
      measure: r.measureKey,
    })),
  );
}

const COLUMN_OF: Record<string, string> = { establishedDate: "Etablert", endDate: "Slutt" };

function rowValues(v: Record<Col, CsvValue>, line: number, problems: RowProblem[], today: string): ProjectValues | null {
  const start = problems.length;
  if (!stableKeySchema.safeParse(v.key).success)
    problems.push({ line, column: "Nøkkel", message: `"${v.key}" is not a key (lower-case letters, digits, '.', '_' or '-')` });
  const kind = codeFromLabel(String(v.kind), KIND_LABELS);
  if (!kind) problems.push({ line, column: "Type", message: `"${v.kind}" is not ${labelList(KIND_LABELS)}` });
  const status = codeFromLabel(String(v.status), STATUS_LABELS);
  if (!status) problems.push({ line, column: "Status", message: `"${v.status}" is not ${labelList(STATUS_LABELS)}` });
  const measureKey = v.measure === null ? null : String(v.measure);
  if (measureKey !== null && !stableKeySchema.safeParse(measureKey).success)
    problems.push({ line, column: "Tiltak", message: `"${measureKey}" is not a measure key` });
  if (problems.length > start || !kind || !status) return null;
  const values: ProjectValues = {
    kind,
    title: String(v.title),
    status,
    establishedDate: v.established === null ? null : String(v.established),
    startDate: v.start === null ? null : String(v.start),
    endDate: v.end === null ? null : String(v.end),
    partners: splitPartners(v.partners === null ? null : String(v.partners)),
    description: v.description === null ? null : String(v.description),
    measureKey,
  };
  for (const p of projectProblems(values, today)) problems.push({ line, column: COLUMN_OF[p.path] ?? p.path, message: p.message });
  return values;
}

/** Imports all or nothing, matching rows by key; re-importing the same file changes nothing. */
export async function importProjectsCsv(
  db: DbOrTx,
  actor: Actor,
  bytes: Uint8Array,
  opts: { fileName?: string; today?: string } = {},
): Promise<ImportSummary> {
  const table = readCsvOrReject(bytes, PROJECT_COLUMNS);
  const problems: RowProblem[] = [...table.errors];
  const today = opts.today ?? todayInOslo();
  const incoming = [];
  for (const row of table.rows) {
    const values = rowValues(row.values, row.line, problems, today);
    if (values) incoming.push({ line: row.line, id: null, key: String(row.values.key), values });
  }
  const unknown = new Set(
    await unknownMeasureKeys(
      db,
      incoming.map((r) => r.values.measureKey).filter((k): k is string => k !== null),
    ),
  );
  for (const r of incoming)
    if (r.values.measureKey && unknown.has(r.values.measureKey))
      problems.push({ line: r.line, column: "Tiltak", message: `no plan has a measure with key "${r.values.measureKey}"` });
  const rows = await db.select().from(projects);
  const keyOfId = new Map(rows.map((r) => [r.id, r.key]));
  const plan = planImport(
    incoming,
    rows.map((r) => ({ id: r.id, key: r.key, values: projectValuesOf(r) })),
  );
  problems.push(...plan.errors);
  rejectIfProblems(problems);
  const { batchId, counts } = await recordImportBatch(db, actor, {
    kind: "projects",
    fileName: opts.fileName,
    encoding: table.encoding,
    rowsRead: table.rows.length,
    plan,
  });
  if (plan.inserts.length > 0) await db.insert(projects).values(plan.inserts.map((r) => ({ key: r.key, ...r.values, batchId: batchId })));
  for (const u of plan.updates)
    await db
      .update(projects)
      .set({ ...u.after, batchId: batchId, updatedAt: new Date() })
      .where(eq(projects.id, u.id));
  await recordAudit(db, actor, {
    action: "project.import",
    entityType: "import_batch",
    entityId: batchId,
    after: {
      fileName: opts.fileName ?? null,
      ...counts,
      updated: plan.updates.map((u) => ({ key: keyOfId.get(u.id), before: u.before, after: u.after })),
    },
  });
  return { batchId: batchId, encoding: table.encoding, ...counts };
}
