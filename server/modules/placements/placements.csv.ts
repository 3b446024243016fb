import { eq } from "drizzle-orm";
import type { PlacementQuery, Sector } from "../../../core/api/placements.js";
import type { RowProblem } from "../../../core/logs/import-errors.js";
import { type ImportSummary, planImport } from "../../../core/logs/import-plan.js";
import { codeFromLabel, labelList, labelOf } from "../../../core/logs/labels.js";
import { isValidOrgnr, normalizeOrgnr } from "../../../core/logs/orgnr.js";
import { normalizeSchoolYear } from "../../../core/logs/school-year.js";
import type { DbOrTx } from "../../db/client.js";
import { liaPlacements } from "../../db/schema/index.js";
import { type CsvColumn, type CsvValue, writeCsv } from "../../lib/csv.js";
import { readCsvOrReject, recordImportBatch, rejectIfProblems } from "../../lib/csv-import.js";
import { isUuid } from "../../lib/ids.js";
import { type Actor, recordAudit } from "../audit/audit.service.js";
import { findPlacements, type PlacementValues, placementValuesOf } from "./placements.service.js";

/**
 * CSV of LIA placements. `ID` makes an export round-trip; rows without it are matched by school
 * year + company name + school (core/logs/import-plan.ts has the whole upsert rule).
 */
export const SECTOR_LABELS = {
  private: ["privat", "private"],
  municipal: ["kommunal", "municipal"],
  state: ["statlig", "state"],
  voluntary: ["frivillig", "voluntary"],
} as const satisfies Record<Sector, readonly string[]>;

type Col = "id" | "schoolYear" | "company" | "orgnr" | "sector" | "school" | "placements";

export const PLACEMENT_COLUMNS: readonly CsvColumn<Col>[] = [
  { key: "id", header: "ID", type: "text" },
  { key: "schoolYear", header: "Skoleår", type: "text", required: true, aliases: ["school_year", "skolear"] },
  { key: "company", header: "Bedrift", type: "text", required: true, aliases: ["company", "virksomhet", "company_name"] },
  { key: "orgnr", header: "Orgnr", type: "text", aliases: ["organisasjonsnummer", "orgnr."] },
  { key: "sector", header: "Sektor", type: "text", required: true, aliases: ["sector"] },
  { key: "school", header: "Skole", type: "text", aliases: ["school"] },
  { key: "placements", header: "Plasser", type: "integer", required: true, aliases: ["placements", "praksisplasser"] },
];

const norm = (s: string | null) => (s ?? "").trim().toLocaleLowerCase("nb");
export const placementKey = (v: PlacementValues): string => [v.schoolYear, norm(v.companyName), norm(v.school)].join("|");

export async function exportPlacementsCsv(db: DbOrTx, q: PlacementQuery): Promise<Buffer> {
  const rows = await findPlacements(db, q);
  return writeCsv(
    PLACEMENT_COLUMNS,
    rows.map((r) => ({
      id: r.id,
      schoolYear: r.schoolYear,
      company: r.companyName,
      orgnr: r.orgnr,
      sector: labelOf(r.sector, SECTOR_LABELS),
      school: r.school,
      placements: r.placements,
    })),
  );
}

function rowValues(v: Record<Col, CsvValue>, line: number, problems: RowProblem[]): PlacementValues | null {
  const start = problems.length;
  const schoolYear = normalizeSchoolYear(String(v.schoolYear));
  if (!schoolYear) problems.push({ line, column: "Skoleår", message: `"${v.schoolYear}" is not a school year like 2016/17` });
  const sector = codeFromLabel(String(v.sector), SECTOR_LABELS);
  if (!sector) problems.push({ line, column: "Sektor", message: `"${v.sector}" is not ${labelList(SECTOR_LABELS)}` });
  const orgnr = v.orgnr === null ? null : normalizeOrgnr(String(v.orgnr));
  if (orgnr !== null && !isValidOrgnr(orgnr))
    problems.push({ line, column: "Orgnr", message: `"${v.orgnr}" is not a valid organisation number` });
  if (Number(v.placements) < 1) problems.push({ line, column: "Plasser", message: "must be at least 1" });
  if (v.id !== null && !isUuid(String(v.id))) problems.push({ line, column: "ID", message: `"${v.id}" is not an id from an export` });
  if (problems.length > start || !schoolYear || !sector) return null;
  return {
    schoolYear,
    companyName: String(v.company),
    orgnr,
    sector,
    school: v.school === null ? null : String(v.school),
    placements: Number(v.placements),
  };
}

/** Imports all or nothing (see the entrepreneur log for the same rules); re-importing changes nothing. */
export async function importPlacementsCsv(
  db: DbOrTx,
  actor: Actor,
  bytes: Uint8Array,
  opts: { fileName?: string } = {},
): Promise<ImportSummary> {
  const table = readCsvOrReject(bytes, PLACEMENT_COLUMNS);
  const problems: RowProblem[] = [...table.errors];
  const incoming = [];
  for (const row of table.rows) {
    const values = rowValues(row.values, row.line, problems);
    if (values)
      incoming.push({ line: row.line, id: row.values.id === null ? null : String(row.values.id), key: placementKey(values), values });
  }
  const existing = (await db.select().from(liaPlacements)).map((r) => {
    const values = placementValuesOf(r);
    return { id: r.id, key: placementKey(values), values };
  });
  const plan = planImport(incoming, existing);
  problems.push(...plan.errors);
  rejectIfProblems(problems);
  const { batchId, counts } = await recordImportBatch(db, actor, {
    kind: "lia_placements",
    fileName: opts.fileName,
    encoding: table.encoding,
    rowsRead: table.rows.length,
    plan,
  });
  for (let i = 0; i < plan.inserts.length; i += 500) {
    const chunk = plan.inserts.slice(i, i + 500);
    await db.insert(liaPlacements).values(chunk.map((r) => ({ ...(r.id ? { id: r.id } : {}), ...r.values, batchId: batchId })));
  }
  for (const u of plan.updates)
    await db
      .update(liaPlacements)
      .set({ ...u.after, batchId: batchId, updatedAt: new Date() })
      .where(eq(liaPlacements.id, u.id));
  await recordAudit(db, actor, {
    action: "lia_placement.import",
    entityType: "import_batch",
    entityId: batchId,
    after: {
      fileName: opts.fileName ?? null,
      ...counts,
      updated: plan.updates.map((u) => ({ id: u.id, before: u.before, after: u.after })),
    },
  });
  return { batchId: batchId, encoding: table.encoding, ...counts };
}
