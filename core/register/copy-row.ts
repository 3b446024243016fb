import type { RegisterRow } from "./types.js";

/**
 * Encodes register rows as PostgreSQL COPY CSV (FORMAT csv): fields in REGISTER_ROW_COLUMNS order
 * without row_hash, null as an empty unquoted field, every text value quoted (so an empty string is
 * never read as null), booleans t/f. The loader appends the row hash.
 */
function text(v: string | null): string {
  if (v === null) return "";
  return `"${v.includes('"') ? v.replaceAll('"', '""') : v}"`;
}

const num = (v: number | null) => (v === null ? "" : String(v));
const bool = (v: boolean) => (v ? "t" : "f");

/** The row's fields as one CSV line without the trailing hash column and without a newline. */
export function encodeRowFields(r: RegisterRow): string {
  return [
    text(r.orgnr),
    text(r.name),
    text(r.orgForm),
    text(r.naceCode),
    text(r.naceVersion),
    text(r.naceSection),
    text(r.naceDivision),
    text(r.kisGroup),
    text(r.municipalityRaw),
    text(r.areaCode),
    text(r.addressRule),
    text(r.address),
    text(r.postalCode),
    text(r.postalPlace),
    num(r.employees),
    text(r.sizeClass),
    text(r.registeredOn),
    text(r.startedOn),
    text(r.parentOrgnr),
    text(r.sectorCode),
    bool(r.bankrupt),
    bool(r.liquidating),
    text(r.closedOn),
  ].join(",");
}
