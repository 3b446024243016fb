import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { SYSTEM_ACTOR } from "../audit/index.js";
import { type ImportSummary, importRegisterFile } from "./import.service.js";

export const BUNDLED_REGISTER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../data/register/demo");

/**
 * The demo extracts shipped in data/register/demo (real Brreg data, see PROVENANCE.md there): the
 * first 10 288 hovedenheter of the June 2022 bulk file (SN2007, 2020–2023 municipality numbers)
 * and the first 20 000 underenheter of the August 2026 file (SN2025). Both are nationwide extracts,
 * not the whole register: figures shown from them are a sample's.
 */
export const BUNDLED_REGISTER_FILES: { file: string; kind: "enheter" | "underenheter"; note: string }[] = [
  { file: "enheter_2022-06_utvalg_10288.json.gz", kind: "enheter", note: "extract" },
  { file: "underenheter_utvalg_20000.csv.gz", kind: "underenheter", note: "extract" },
];

/** Imports the demo extracts when the database has no register snapshot at all. */
export async function loadBundledRegister(db: Db): Promise<ImportSummary[]> {
  const [any] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from register_snapshots where status = 'complete'`);
  if (Number(any?.n ?? 0) > 0) return [];
  const out: ImportSummary[] = [];
  for (const f of BUNDLED_REGISTER_FILES) {
    const full = path.join(BUNDLED_REGISTER_DIR, f.file);
    if (!fs.existsSync(full)) continue;
    // Nationwide extracts: the scope is the country (the rows are a sample of it).
    out.push(await importRegisterFile(db, full, { kind: f.kind, scope: "national", actor: SYSTEM_ACTOR, sourceName: f.file }));
  }
  return out;
}
