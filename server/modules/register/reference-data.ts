import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type KisDivisionRow,
  type MunicipalityChange,
  type MunicipalityCodeRow,
  type NaceCodeRow,
  parseKisCsv,
  parseMunicipalityChanges,
  parseMunicipalityCodes,
  parseNaceCodesCsv,
} from "../../../core/register/reference-parsers.js";
import type { NaceVersion } from "../../../core/register/types.js";

/**
 * Readers of the bundled reference files in data/register/ (provenance: data/register/PROVENANCE.md).
 * Each file is read once and cached. The rules in core/register/ use generated copies of the same
 * data (core/register/generated/, made by scripts/generate-register-reference.ts from these readers),
 * so they stay pure; a unit test checks that the copies still equal the files.
 */
const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export const REFERENCE_FILES = {
  SN2007: "data/register/nace/sn2007_codes.csv",
  SN2025: "data/register/nace/sn2025_codes.csv",
  kis: "data/register/kis/eurostat_htec_kis_nace_rev2_divisions.csv",
  municipalityChanges: "data/register/kommuner/klass131_changes.json",
  municipalityCodes: "data/register/kommuner/klass131_codes_2026-01-01.json",
} as const;

const cache = new Map<string, unknown>();

function once<T>(key: string, read: () => T): T {
  if (!cache.has(key)) cache.set(key, read());
  return cache.get(key) as T;
}

/** The text of a file under the repository root (UTF-8). */
export function readReferenceText(relativePath: string): string {
  return once(`text:${relativePath}`, () => readFileSync(`${ROOT}${relativePath}`, "utf8"));
}

export function naceCodeRows(version: NaceVersion): NaceCodeRow[] {
  return once(`nace:${version}`, () => parseNaceCodesCsv(readReferenceText(REFERENCE_FILES[version])));
}

export function kisRows(): KisDivisionRow[] {
  return once("kis", () => parseKisCsv(readReferenceText(REFERENCE_FILES.kis)));
}

export function municipalityChanges(): MunicipalityChange[] {
  return once("changes", () => parseMunicipalityChanges(readReferenceText(REFERENCE_FILES.municipalityChanges)));
}

/** Today's municipalities (Klass 131 on 2026-01-01) without 9999 Uoppgitt. */
export function municipalityCodes(): MunicipalityCodeRow[] {
  return once("codes", () => parseMunicipalityCodes(readReferenceText(REFERENCE_FILES.municipalityCodes)));
}
