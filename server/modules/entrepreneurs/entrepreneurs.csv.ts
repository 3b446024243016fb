import { eq } from "drizzle-orm";
import type { SessionQuery } from "../../../core/api/entrepreneurs.js";
import type { SessionKind } from "../../../core/entrepreneurs/vocabulary.js";
import type { RowProblem } from "../../../core/logs/import-errors.js";
import { type ImportSummary, planImport } from "../../../core/logs/import-plan.js";
import { codeFromLabel, labelList, labelOf } from "../../../core/logs/labels.js";
import { todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { entrepreneurSessions, importBatches } from "../../db/schema/index.js";
import { type CsvColumn, type CsvValue, writeCsv } from "../../lib/csv.js";
import { readCsvOrReject, rejectIfProblems } from "../../lib/csv-import.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { findSessions, type SessionValues, sessionProblems, sessionValuesOf } from "./entrepreneurs.service.js";

/**
 * CSV of Etablerertjenesten's sessions (Excel "CSV (semikolondelt)", see server/lib/csv.ts). The
 * `ID` column makes an export round-trip; rows without it are matched by date + type + title + home
 * municipality (core/logs/import-plan.ts has the whole upsert rule).
 */
export const KIND_LABELS = {
  guidance: ["veiledning", "guidance"],
  course: ["kurs", "course"],
  event: ["arrangement", "event"],
} as const satisfies Record<SessionKind, readonly string[]>;

type Col = "id" | "date" | "kind" | "title" | "participants" | "growth" | "foreign" | "municipality";

export const SESSION_COLUMNS: readonly CsvColumn<Col>[] = [
  { key: "id", header: "ID", type: "text" },
  { key: "date", header: "Dato", type: "date", required: true, aliases: ["date"] },
  { key: "kind", header: "Type", type: "text", required: true, aliases: ["kind"] },
  { key: "title", header: "Tittel", type: "text", aliases: ["title"] },
  { key: "participants", header: "Deltakere", type: "integer", required: true, aliases: ["participants"] },
  { key: "growth", header: "Med vekstpotensial", type: "integer", aliases: ["participants_growth_potential", "vekstpotensial"] },
  { key: "foreign", header: "Med innvandrerbakgrunn", type: "integer", aliases: ["participants_foreign_background", "innvandrerbakgrunn"] },
  {
    key: "municipality",
    header: "Hjemkommune",
    type: "text",
    required: true,
    aliases: ["home_municipality", "kommunenr", "kommunenummer"],
  },
];

export const sessionKey = (v: SessionValues): string =>
  [v.date, v.kind, (v.title ?? "").toLocaleLowerCase("nb"), v.homeMunicipality].join("|");

export async function exportSessionsCsv(db: DbOrTx, q: SessionQuery): Promise<Buffer> {
  const rows = await findSessions(db, q);
  return writeCsv(
    SESSION_COLUMNS,
    rows.map((r) => ({
      id: r.id,
      date: r.date,
      kind: labelOf(r.kind, KIND_LABELS),
      title: r.title,
      participants: r.participants,
      growth: r.participantsGrowthPotential,
      foreign: r.participantsForeignBackground,
      municipality: r.homeMunicipality,
    })),
  );
}

const COLUMN_OF: Record<string, string> = {
  date: "Dato",
  participantsGrowthPotential: "Med vekstpotensial",
  participantsForeignBackground: "Med innvandrerbakgrunn",
};

function rowValues(v: Record<Col, CsvValue>, line: number, problems: RowProblem[], today: string): SessionValues | null {
  const kind = codeFromLabel(String(v.kind), KIND_LABELS);
  if (!kind) problems.push({ line, column: "Type", message: `"${v.kind}" is not ${labelList(KIND_LABELS)}` });
  const municipality = String(v.municipality).padStart(4, "0");
  if (!/^\d{4}$/.test(municipality))
    problems.push({ line, column: "Hjemkommune", message: `"${v.municipality}" is not a municipality number` });
  if (v.id !== null && !isUuid(String(v.id))) problems.push({ line, column: "ID", message: `"${v.id}" is not an id from an export` });
  for (const [col, header] of [
    ["participants", "Deltakere"],
    ["growth", "Med vekstpotensial"],
    ["foreign", "Med innvandrerbakgrunn"],
  ] as const) {
    const n = v[col];
    if (typeof n === "number" && n < 0) problems.push({ line, column: header, message: "negative" });
  }
  if (!kind) return null;
  const values: SessionValues = {
    date: String(v.date),
    kind,
    title: v.title === null ? null : String(v.title),
    participants: Number(v.participants),
    participantsGrowthPotential: v.growth === null ? 0 : Number(v.growth),
    participantsForeignBackground: v.foreign === null ? 0 : Number(v.foreign),
    homeMunicipality: municipality,
  };
  for (const p of sessionProblems(values, today)) problems.push({ line, column: COLUMN_OF[p.path] ?? p.path, message: p.message });
  return values;
}

/**
 * Imports a CSV file all or nothing: any bad row → validation_failed with every problem and its
 * line, and nothing written. Otherwise inserts and updates in one transaction (the caller's), records
 * an import batch and one audit entry. Re-importing the same file changes nothing.
 */
export async function importSessionsCsv(
  db: DbOrTx,
  actor: Actor,
  bytes: Uint8Array,
  opts: { fileName?: string; today?: string } = {},
): Promise<ImportSummary> {
  const table = readCsvOrReject(bytes, SESSION_COLUMNS);
  const problems: RowProblem[] = [...table.errors];
  const today = opts.today ?? todayInOslo();
  const incoming = [];
  for (const row of table.rows) {
    const values = rowValues(row.values, row.line, problems, today);
    if (values)
      incoming.push({ line: row.line, id: row.values.id === null ? null : String(row.values.id), key: sessionKey(values), values });
  }
  const existing = (await db.select().from(entrepreneurSessions)).map((r) => {
    const values = sessionValuesOf(r);
    return { id: r.id, key: sessionKey(values), values };
  });
  const plan = planImport(incoming, existing);
  problems.push(...plan.errors);
  rejectIfProblems(problems);
  const rowsRead = table.rows.length;
  const [batch] = await db
    .insert(importBatches)
    .values({
      kind: "entrepreneur_sessions",
      fileName: opts.fileName ?? null,
      encoding: table.encoding,
      rowsRead,
      inserted: plan.inserts.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged.length,
      createdBy: actor.label,
    })
    .returning();
  if (!batch) throw new Error("insert returned no row");
  for (let i = 0; i < plan.inserts.length; i += 500) {
    const chunk = plan.inserts.slice(i, i + 500);
    await db.insert(entrepreneurSessions).values(chunk.map((r) => ({ ...(r.id ? { id: r.id } : {}), ...r.values, batchId: batch.id })));
  }
  for (const u of plan.updates)
    await db
      .update(entrepreneurSessions)
      .set({ ...u.after, batchId: batch.id, updatedAt: new Date() })
      .where(eq(entrepreneurSessions.id, u.id));
  await recordAudit(db, actor, {
    action: "entrepreneur_session.import",
    entityType: "import_batch",
    entityId: batch.id,
    after: {
      fileName: opts.fileName ?? null,
      rowsRead,
      inserted: plan.inserts.length,
      updated: plan.updates.map((u) => ({ id: u.id, before: u.before, after: u.after })),
      unchanged: plan.unchanged.length,
    },
  });
  return {
    batchId: batch.id,
    encoding: table.encoding,
    rowsRead,
    inserted: plan.inserts.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged.length,
  };
}
