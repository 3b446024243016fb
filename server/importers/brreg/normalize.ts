/**
 * One Brreg record (a nested JSON object from the JSON dump, or a flat CSV record keyed by dotted
 * header names) → one {@link RegisterRow}, or a rejection. Both shapes are read through one
 * accessor, {@link Field} / `get(record, "forretningsadresse.kommunenummer")`.
 *
 * Rules (see docs/register.md for the why):
 * - orgnr: 9 digits with a valid modulus-11 check digit, else error `invalid_orgnr`; name required.
 * - industry: naeringskode1.kode looked up in the snapshot's NACE version. An unknown code is a
 *   warning `unknown_nace_code` and the row keeps the code with section/division null (reported,
 *   never silently counted as zero); a code below the list's finest level (Brreg's 43.221 under
 *   SN2025) counts under its listed ancestor with a warning `nace_code_not_listed`; `00.000`
 *   (uoppgitt) is kept without a warning; no code at all (e.g. an auxiliary unit) is fine.
 * - location: underenheter by beliggenhetsadresse; enheter by forretningsadresse, else postadresse —
 *   but a forretningsadresse abroad (landkode ≠ NO; foreign entities, NUF) places the entity abroad
 *   (no area) even when its postadresse is a Norwegian c/o address. The municipality number is
 *   mapped to today's; a split municipality is a warning `split_municipality` with the area empty.
 * - dates must be YYYY-MM-DD: anything else is a warning `invalid_date` and the value is dropped.
 */
import { isValidOrgnr } from "../../../core/logs/orgnr.js";
import { headcount } from "../../../core/register/headcount.js";
import { kisGroup } from "../../../core/register/kis.js";
import { currentMunicipality } from "../../../core/register/municipalities.js";
import { lookupNace } from "../../../core/register/nace.js";
import type { AddressRule, NaceVersion, RecordProblem, RegisterKind, RegisterRow } from "../../../core/register/types.js";
import { type CsvColumns, CsvRecord } from "./csv-stream.js";

/** A record as read: nested JSON or a flat CSV record. */
export type SourceRecord = Record<string, unknown> | CsvRecord;

export interface NormalizeContext {
  naceVersion: NaceVersion;
  /** YYYY-MM-DD; register dates after it do not count for the data date (default: today). */
  today?: string;
}

export type NormalizeResult =
  | { row: RegisterRow; warnings: RecordProblem[]; dataDate: string | null; problem?: undefined }
  | { problem: RecordProblem; row?: undefined };

// Lookups repeat a few thousand distinct values over a million records: memoised.
type NaceResult = (NonNullable<ReturnType<typeof lookupNace>> & { kis: string | null }) | null;
const naceMemo: Record<NaceVersion, Map<string, NaceResult>> = { SN2007: new Map(), SN2025: new Map() };
const municipalityMemo = new Map<string, ReturnType<typeof currentMunicipality>>();

function naceOf(version: NaceVersion, code: string): NaceResult {
  const memo = naceMemo[version];
  let r = memo.get(code);
  if (r === undefined) {
    const found = lookupNace(version, code, { ancestorFallback: true });
    r = found === null ? null : { ...found, kis: found.kind === "code" ? kisGroup(version, found.division) : null };
    if (memo.size < 100_000) memo.set(code, r);
  }
  return r;
}

function municipalityOf(code: string): ReturnType<typeof currentMunicipality> {
  let r = municipalityMemo.get(code);
  if (r === undefined) {
    r = currentMunicipality(code);
    if (municipalityMemo.size < 100_000) municipalityMemo.set(code, r);
  }
  return r;
}

/**
 * A field at a dotted path, compiled once: `forretningsadresse.kommunenummer` is the CSV column of
 * that name, or `record.forretningsadresse.kommunenummer` in nested JSON.
 */
export class Field {
  readonly path: string;
  private readonly parts: readonly string[];
  // The CSV column index, cached for the last header seen.
  private columns: CsvColumns | null = null;
  private index = -1;

  constructor(path: string) {
    this.path = path;
    this.parts = path.split(".");
  }

  of(record: SourceRecord): unknown {
    if (record instanceof CsvRecord) {
      if (record.columns !== this.columns) {
        this.columns = record.columns;
        this.index = record.columns.indexOf(this.path);
      }
      return this.index === -1 ? undefined : record.fields[this.index];
    }
    const parts = this.parts;
    let v: unknown = record[parts[0] as string];
    for (let i = 1; i < parts.length; i++) {
      if (v === null || typeof v !== "object") return undefined;
      v = (v as Record<string, unknown>)[parts[i] as string];
    }
    return v;
  }
}

const fieldCache = new Map<string, Field>();

/** The value at a dotted path: a CSV column of that name, or the nested JSON value. */
export function get(record: SourceRecord, path: string): unknown {
  let f = fieldCache.get(path);
  if (!f) {
    f = new Field(path);
    fieldCache.set(path, f);
  }
  return f.of(record);
}

const address = (prefix: string) => ({
  lines: new Field(`${prefix}.adresse`),
  postalCode: new Field(`${prefix}.postnummer`),
  postalPlace: new Field(`${prefix}.poststed`),
  municipality: new Field(`${prefix}.kommunenummer`),
  country: new Field(`${prefix}.landkode`),
});

/** The fields a row is made of. */
const F = {
  orgnr: new Field("organisasjonsnummer"),
  name: new Field("navn"),
  orgForm: new Field("organisasjonsform.kode"),
  nace: new Field("naeringskode1.kode"),
  employees: new Field("antallAnsatte"),
  hasEmployees: new Field("harRegistrertAntallAnsatte"),
  registeredOn: new Field("registreringsdatoEnhetsregisteret"),
  founded: new Field("stiftelsesdato"),
  started: new Field("oppstartsdato"),
  closedOn: new Field("nedleggelsesdato"),
  parent: new Field("overordnetEnhet"),
  sector: new Field("institusjonellSektorkode.kode"),
  bankrupt: new Field("konkurs"),
  liquidating: new Field("underAvvikling"),
  forcedLiquidation: new Field("underTvangsavviklingEllerTvangsopplosning"),
  business: address("forretningsadresse"),
  postal: address("postadresse"),
  location: address("beliggenhetsadresse"),
};

/** Fields whose dates tell how recent the data is (their maximum dates a snapshot by its content). */
const DATA_DATE_FIELDS = [
  F.registeredOn,
  F.founded,
  new Field("registreringsdatoAntallAnsatteEnhetsregisteret"),
  new Field("registreringsdatoAntallAnsatteNAVAaregisteret"),
  F.started,
];

/** Trimmed text, null when absent or empty. */
function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? null : t;
  }
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return null;
}

function bool(v: unknown): boolean | null {
  if (v === true || v === "true") return true;
  if (v === false || v === "false") return false;
  return null;
}

function int(v: unknown): number | null | "invalid" {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 ? v : "invalid";
  if (typeof v === "string") {
    const t = v.trim();
    if (t === "") return null;
    return /^\d{1,9}$/.test(t) ? Number(t) : "invalid";
  }
  return "invalid";
}

/** Address lines (a JSON array, or CSV text with one line per line) joined with ", ". */
function addressLines(v: unknown): string | null {
  let lines: unknown[];
  if (Array.isArray(v)) lines = v;
  else if (typeof v === "string") lines = v.split("\n");
  else return null;
  const parts: string[] = [];
  for (const l of lines) {
    const t = text(l);
    if (t !== null) parts.push(t);
  }
  return parts.length === 0 ? null : parts.join(", ");
}

function isForeign(landkode: string | null): boolean {
  return landkode !== null && landkode.toUpperCase() !== "NO";
}

type AddressFields = (typeof F)["business"];

function hasAddress(record: SourceRecord, a: AddressFields): boolean {
  return a.lines.of(record) != null || text(a.postalPlace.of(record)) !== null || text(a.country.of(record)) !== null;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -100_000;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : (DAYS_IN_MONTH[m] as number));
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

function problem(line: number, orgnr: string | null, severity: "error" | "warning", code: string, message: string): RecordProblem {
  return { line, orgnr, severity, code, message };
}

/** A date field: YYYY-MM-DD or null; anything else adds an `invalid_date` warning. */
function dateOf(record: SourceRecord, field: Field, line: number, orgnr: string, warnings: RecordProblem[]): string | null {
  const v = text(field.of(record));
  if (v === null) return null;
  if (isIsoDate(v)) return v;
  warnings.push(
    problem(line, orgnr, "warning", "invalid_date", `${field.path} ${JSON.stringify(v)} is not a date (YYYY-MM-DD); left empty`),
  );
  return null;
}

/** Normalises one record of a `kind` file read at `line`. */
export function normalizeRecord(kind: RegisterKind, record: SourceRecord, line: number, ctx: NormalizeContext): NormalizeResult {
  const orgnr = text(F.orgnr.of(record));
  if (orgnr === null || !isValidOrgnr(orgnr)) {
    return {
      problem: problem(
        line,
        orgnr,
        "error",
        "invalid_orgnr",
        orgnr === null
          ? "organisasjonsnummer is missing"
          : `organisasjonsnummer ${JSON.stringify(orgnr)} is not 9 digits with a valid check digit`,
      ),
    };
  }
  const name = text(F.name.of(record));
  if (name === null) return { problem: problem(line, orgnr, "error", "missing_name", "navn (name) is missing") };

  const warnings: RecordProblem[] = [];

  // Industry.
  const version = ctx.naceVersion;
  const naceCode = text(F.nace.of(record));
  let naceSection: string | null = null;
  let naceDivision: string | null = null;
  let kis: string | null = null;
  if (naceCode !== null) {
    const nace = naceOf(version, naceCode);
    if (nace === null) {
      warnings.push(
        problem(
          line,
          orgnr,
          "warning",
          "unknown_nace_code",
          `industry code ${naceCode} is not in ${version}; kept without section and division`,
        ),
      );
    } else if (nace.kind === "code") {
      naceSection = nace.section;
      naceDivision = nace.division;
      kis = nace.kis;
      if (!nace.exact) {
        // e.g. Brreg's SN2007 subclass 43.221 published under SN2025, whose list stops at 43.22.
        warnings.push(
          problem(
            line,
            orgnr,
            "warning",
            "nace_code_not_listed",
            `industry code ${naceCode} is not listed in ${version}; counted under ${nace.matchedCode} (division ${nace.division})`,
          ),
        );
      }
    }
    // kind "unspecified" (00.000, uoppgitt): kept without section and division, no warning.
  }

  // Location.
  let place: AddressFields = F.location;
  let addressRule: AddressRule | null = null;
  let municipalityRaw: string | null = null;
  if (kind === "underenheter") {
    municipalityRaw = text(F.location.municipality.of(record));
    if (municipalityRaw !== null) addressRule = "beliggenhetsadresse";
  } else {
    municipalityRaw = text(F.business.municipality.of(record));
    if (municipalityRaw !== null) {
      addressRule = "forretningsadresse";
    } else if (!isForeign(text(F.business.country.of(record)))) {
      // (A business address abroad places the entity abroad, even with a Norwegian c/o postadresse.)
      municipalityRaw = text(F.postal.municipality.of(record));
      if (municipalityRaw !== null) addressRule = "postadresse";
    }
    place =
      addressRule === "forretningsadresse"
        ? F.business
        : addressRule === "postadresse"
          ? F.postal
          : hasAddress(record, F.business)
            ? F.business
            : F.postal;
  }
  let areaCode: string | null = null;
  if (municipalityRaw !== null) {
    const m = municipalityOf(municipalityRaw);
    if (m.status === "split") {
      warnings.push(
        problem(
          line,
          orgnr,
          "warning",
          "split_municipality",
          `municipality ${municipalityRaw} was split; the entity cannot be placed in one of today's municipalities`,
        ),
      );
    } else if (m.code === null) {
      const detail = municipalityRaw === "2100" ? " (2100 is Svalbard, which is not a municipality)" : "";
      warnings.push(
        problem(line, orgnr, "warning", "unknown_municipality", `municipality number ${municipalityRaw} is not known${detail}`),
      );
    } else {
      areaCode = m.code;
    }
  }

  // Headcount.
  const rawEmployees = F.employees.of(record);
  let antallAnsatte = int(rawEmployees);
  if (antallAnsatte === "invalid") {
    warnings.push(problem(line, orgnr, "warning", "invalid_number", `antallAnsatte ${JSON.stringify(rawEmployees)} is not a whole number`));
    antallAnsatte = null;
  }
  const hc = headcount({ antallAnsatte, harRegistrertAntallAnsatte: bool(F.hasEmployees.of(record)) });

  // Parent.
  let parentOrgnr = text(F.parent.of(record));
  if (parentOrgnr !== null && !isValidOrgnr(parentOrgnr)) {
    warnings.push(
      problem(
        line,
        orgnr,
        "warning",
        "invalid_parent_orgnr",
        `overordnetEnhet ${JSON.stringify(parentOrgnr)} is not a valid organisation number`,
      ),
    );
    parentOrgnr = null;
  }

  const row: RegisterRow = {
    orgnr,
    name,
    orgForm: text(F.orgForm.of(record)),
    naceCode,
    naceVersion: naceCode === null ? null : version,
    naceSection,
    naceDivision,
    kisGroup: kis,
    municipalityRaw,
    areaCode,
    addressRule,
    address: addressLines(place.lines.of(record)),
    postalCode: text(place.postalCode.of(record)),
    postalPlace: text(place.postalPlace.of(record)),
    employees: hc.employees,
    sizeClass: hc.sizeClass,
    registeredOn: dateOf(record, F.registeredOn, line, orgnr, warnings),
    startedOn: dateOf(record, kind === "enheter" ? F.founded : F.started, line, orgnr, warnings),
    parentOrgnr,
    sectorCode: text(F.sector.of(record)),
    bankrupt: bool(F.bankrupt.of(record)) === true,
    liquidating: bool(F.liquidating.of(record)) === true || bool(F.forcedLiquidation.of(record)) === true,
    closedOn: dateOf(record, F.closedOn, line, orgnr, warnings),
  };

  return { row, warnings, dataDate: dataDateOf(record, ctx.today ?? todayIso()) };
}

/** The latest register date in a record that is not after `today` (null when none). */
export function dataDateOf(record: SourceRecord, today: string): string | null {
  let max: string | null = null;
  for (const field of DATA_DATE_FIELDS) {
    const v = field.of(record);
    if (typeof v !== "string" || v.length !== 10 || v > today || !isIsoDate(v)) continue;
    if (max === null || v > max) max = v;
  }
  return max;
}
