/**
 * Shared types of the business-register (Enhetsregisteret) analysis. Pure: no I/O.
 * Glossary: hovedenhet = legal unit (company, "enheter" in Brreg's API); underenhet = local unit
 * (establishment, "underenheter"); beliggenhetsadresse = where a local unit is; forretningsadresse =
 * a legal unit's business address.
 */

export type RegisterKind = "enheter" | "underenheter";

/** Norway's industry standards: SN2007 (= NACE Rev. 2) until 2025-09-01, SN2025 (= NACE Rev. 2.1) after. */
export type NaceVersion = "SN2007" | "SN2025";

/** Size classes by employees, as SSB publishes them. */
export const SIZE_CLASSES = ["0", "1-4", "5-9", "10-19", "20-49", "50-99", "100-249", "250+"] as const;
export type SizeClass = (typeof SIZE_CLASSES)[number];

/** The figures a ranking of municipalities can use (GET /api/register/ranking). */
export const RANKING_METRICS = ["firms", "knowledge_intensive_share", "units", "employees5plus", "over100", "over250"] as const;
export type RankingMetric = (typeof RANKING_METRICS)[number];
export const isRankingMetric = (s: string | undefined): s is RankingMetric => RANKING_METRICS.some((m) => m === s);

/** Which address placed an entity in a municipality. */
export type AddressRule = "forretningsadresse" | "postadresse" | "beliggenhetsadresse";

/** One entity as stored per snapshot (the columns of register_rows, in COPY order). */
export interface RegisterRow {
  orgnr: string;
  name: string;
  orgForm: string | null;
  naceCode: string | null;
  naceVersion: NaceVersion | null;
  naceSection: string | null;
  naceDivision: string | null;
  kisGroup: string | null;
  municipalityRaw: string | null;
  areaCode: string | null;
  addressRule: AddressRule | null;
  address: string | null;
  postalCode: string | null;
  postalPlace: string | null;
  employees: number | null;
  sizeClass: SizeClass | null;
  registeredOn: string | null;
  startedOn: string | null;
  parentOrgnr: string | null;
  sectorCode: string | null;
  bankrupt: boolean;
  liquidating: boolean;
  closedOn: string | null;
}

/** The register_rows columns in the order the loader COPYs them (row_hash last). */
export const REGISTER_ROW_COLUMNS = [
  "orgnr",
  "name",
  "org_form",
  "nace_code",
  "nace_version",
  "nace_section",
  "nace_division",
  "kis_group",
  "municipality_raw",
  "area_code",
  "address_rule",
  "address",
  "postal_code",
  "postal_place",
  "employees",
  "size_class",
  "registered_on",
  "started_on",
  "parent_orgnr",
  "sector_code",
  "bankrupt",
  "liquidating",
  "closed_on",
  "row_hash",
] as const;

/** A problem with one input record: the row is rejected (error) or kept with a flag (warning). */
export interface RecordProblem {
  /** 1-based line in the (decompressed) file where the record starts. */
  line: number;
  orgnr: string | null;
  severity: "error" | "warning";
  /** Machine code, e.g. invalid_orgnr, unknown_nace_code, duplicate_orgnr, split_municipality. */
  code: string;
  message: string;
}
