import { naceVersionForDate } from "../../../../core/register/nace.js";
import type { NaceVersion, RegisterKind, RegisterRow } from "../../../../core/register/types.js";
import { normalizeRecord } from "../normalize.js";
import type { PatchOperation } from "./types.js";

/**
 * Applies an Endring event's JSON Patch (`endringer`) to a stored register row without asking
 * Brreg again, when that can be done faithfully:
 *
 * 1. The stored row is turned back into the part of a Brreg record the row is made of (name,
 *    organisasjonsform, naeringskode1, the address that placed the entity, headcount, dates, flags).
 * 2. Each operation is classified by its path: **ignored** when the row does not depend on it
 *    (sisteInnsendteAarsregnskap, registreringsdatoAntallAnsatte*, naeringskode2, hjemmeside, an
 *    address that does not place the entity, …); **mapped** when it lands in the rebuilt record; or
 *    **refetch** when it matters but the rebuilt record cannot take it faithfully (an address that
 *    may now place the entity, landkode, a line of a multi-line address, a liquidation flag turned
 *    off while the row's combined flag is on, move/copy/test operations, slettedato, …).
 * 3. The patched record goes through the same `normalizeRecord` as a bulk import, so NACE lookup,
 *    size classes and municipality renumbering follow one set of rules.
 */

export type PatchOutcome = { status: "ignored" } | { status: "patched"; row: RegisterRow } | { status: "refetch"; reason: string };

/** Top-level fields a register row is made of; changes to anything else are ignored. */
const RELEVANT = new Set([
  "organisasjonsnummer",
  "navn",
  "organisasjonsform",
  "naeringskode1",
  "forretningsadresse",
  "postadresse",
  "beliggenhetsadresse",
  "antallAnsatte",
  "harRegistrertAntallAnsatte",
  "registreringsdatoEnhetsregisteret",
  "stiftelsesdato",
  "oppstartsdato",
  "overordnetEnhet",
  "institusjonellSektorkode",
  "konkurs",
  "underAvvikling",
  "underTvangsavviklingEllerTvangsopplosning",
  "nedleggelsesdato",
  "slettedato",
]);

/** Fields inside an address that the row does not keep. */
const IGNORED_ADDRESS_FIELDS = new Set(["kommune", "land"]);
const ADDRESSES = new Set(["forretningsadresse", "postadresse", "beliggenhetsadresse"]);

function decodePointer(path: string): string[] | null {
  if (!path.startsWith("/")) return null;
  return path
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** The part of a Brreg record the row was made of. */
export function recordFromRow(kind: RegisterKind, row: RegisterRow): Record<string, unknown> {
  const r: Record<string, unknown> = { organisasjonsnummer: row.orgnr, navn: row.name };
  if (row.orgForm !== null) r.organisasjonsform = { kode: row.orgForm };
  if (row.naceCode !== null) r.naeringskode1 = { kode: row.naceCode };
  if (row.addressRule !== null) {
    const a: Record<string, unknown> = {};
    if (row.municipalityRaw !== null) a.kommunenummer = row.municipalityRaw;
    if (row.address !== null) a.adresse = [row.address];
    if (row.postalCode !== null) a.postnummer = row.postalCode;
    if (row.postalPlace !== null) a.poststed = row.postalPlace;
    r[row.addressRule] = a;
  }
  if (row.employees !== null) r.antallAnsatte = row.employees;
  // The flag is not stored: '0' means none registered, any other class means some.
  if (row.sizeClass !== null) r.harRegistrertAntallAnsatte = row.sizeClass !== "0";
  if (row.registeredOn !== null) r.registreringsdatoEnhetsregisteret = row.registeredOn;
  if (row.startedOn !== null) r[kind === "enheter" ? "stiftelsesdato" : "oppstartsdato"] = row.startedOn;
  if (row.parentOrgnr !== null) r.overordnetEnhet = row.parentOrgnr;
  if (row.sectorCode !== null) r.institusjonellSektorkode = { kode: row.sectorCode };
  r.konkurs = row.bankrupt;
  r.underAvvikling = row.liquidating;
  if (row.closedOn !== null) r.nedleggelsesdato = row.closedOn;
  return r;
}

/** Why an operation cannot be mapped onto the rebuilt record (null: it can, or it is irrelevant). */
function refetchReason(kind: RegisterKind, row: RegisterRow, op: PatchOperation, parts: string[]): string | null {
  const top = parts[0] ?? "";
  if (!["add", "replace", "remove"].includes(op.op)) return `operation ${op.op} on ${op.path}`;
  if (top === "organisasjonsnummer" || top === "slettedato") return `${op.path} changed`;
  if (ADDRESSES.has(top)) {
    const placing = kind === "underenheter" ? top === "beliggenhetsadresse" : top === row.addressRule;
    if (!placing) {
      // Only an address that could now place the entity matters.
      if (kind === "underenheter") return null;
      if (top === "postadresse" && row.addressRule === "forretningsadresse") return null;
      return `${top} may now place the entity`;
    }
    const field = parts[1];
    if (field === undefined) return null; // the whole address replaced: faithful
    if (IGNORED_ADDRESS_FIELDS.has(field)) return null;
    if (field === "landkode") return `${op.path} (the entity may now be abroad)`;
    if (field === "adresse" && parts.length > 2) return `one line of ${top}`;
    return null;
  }
  if (
    (top === "underAvvikling" || top === "underTvangsavviklingEllerTvangsopplosning") &&
    (op.op === "remove" || op.value !== true) &&
    row.liquidating
  )
    return `${top} turned off (the row keeps one combined flag)`;
  return null;
}

function isIgnored(kind: RegisterKind, row: RegisterRow, parts: string[]): boolean {
  const top = parts[0] ?? "";
  if (!RELEVANT.has(top)) return true;
  if (kind === "enheter" && top === "oppstartsdato") return true;
  if (kind === "underenheter" && top === "stiftelsesdato") return true;
  if (ADDRESSES.has(top)) {
    if (kind === "underenheter" && top !== "beliggenhetsadresse") return true;
    if (kind === "enheter" && top === "postadresse" && row.addressRule === "forretningsadresse") return true;
    const field = parts[1];
    if (field !== undefined && IGNORED_ADDRESS_FIELDS.has(field)) return true;
  }
  // Descriptions next to codes (naeringskode1/beskrivelse, …) are not stored.
  if (parts.length > 1 && ["organisasjonsform", "naeringskode1", "institusjonellSektorkode"].includes(top) && parts[1] !== "kode")
    return true;
  return false;
}

/** Sets, adds or removes the value at a JSON pointer (missing parents are created; lenient replace). */
function applyOperation(record: Record<string, unknown>, parts: string[], op: PatchOperation): void {
  let target: Record<string, unknown> = record;
  for (const key of parts.slice(0, -1)) {
    const next = target[key];
    if (isRecord(next)) {
      target = next;
      continue;
    }
    if (op.op === "remove") return;
    const created: Record<string, unknown> = {};
    target[key] = created;
    target = created;
  }
  const last = parts[parts.length - 1] ?? "";
  if (op.op === "remove") delete target[last];
  else target[last] = structuredClone(op.value);
}

/**
 * The row after the event's operations, or what to do instead. `dato` (the event's time) picks the
 * industry-code standard of a changed naeringskode1.
 */
export function applyEndringer(kind: RegisterKind, row: RegisterRow, endringer: readonly PatchOperation[], dato: string): PatchOutcome {
  const relevant: { op: PatchOperation; parts: string[] }[] = [];
  for (const op of endringer) {
    const parts = decodePointer(op.path);
    if (parts === null || parts.length === 0 || parts[0] === "") return { status: "refetch", reason: `path ${JSON.stringify(op.path)}` };
    if (isIgnored(kind, row, parts)) continue;
    const reason = refetchReason(kind, row, op, parts);
    if (reason !== null) return { status: "refetch", reason };
    relevant.push({ op, parts });
  }
  if (relevant.length === 0) return { status: "ignored" };

  const record = recordFromRow(kind, row);
  for (const { op, parts } of relevant) applyOperation(record, parts, op);
  const codeChanged = relevant.some((r) => r.parts[0] === "naeringskode1");
  const naceVersion: NaceVersion = codeChanged || row.naceVersion === null ? naceVersionForDate(dato.slice(0, 10)) : row.naceVersion;
  const result = normalizeRecord(kind, record, 0, { naceVersion, today: dato.slice(0, 10) });
  if (result.problem) return { status: "refetch", reason: result.problem.message };
  return { status: "patched", row: result.row };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
