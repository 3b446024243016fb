import type { RegisterKind, RegisterRow } from "../../core/register/types.js";
import type { Db } from "../../server/db/client.js";
import { loadSnapshotRows } from "../../server/modules/register/snapshot-store.js";

/** A register row with defaults for what a test does not care about. */
export function registerRow(p: Partial<RegisterRow> & { orgnr: string }): RegisterRow {
  return {
    name: `Firma ${p.orgnr}`,
    orgForm: "AS",
    naceCode: "62.010",
    naceVersion: "SN2007",
    naceSection: "J",
    naceDivision: "62",
    kisGroup: "HTKIS",
    municipalityRaw: p.areaCode ?? "3201",
    areaCode: "3201",
    addressRule: null,
    address: null,
    postalCode: null,
    postalPlace: null,
    employees: null,
    sizeClass: "0",
    registeredOn: "2010-01-01",
    startedOn: null,
    parentOrgnr: null,
    sectorCode: null,
    bankrupt: false,
    liquidating: false,
    closedOn: null,
    ...p,
  };
}

/**
 * Loads a complete register snapshot from rows (through the same COPY path as a file import), for
 * tests that need register data. Rows are completed with `registerRow` defaults.
 */
export async function seedRegisterSnapshot(
  db: Db,
  o: { kind: RegisterKind; asOf: string; scope?: string; rows: (Partial<RegisterRow> & { orgnr: string })[]; source?: string },
): Promise<number> {
  const rows = o.rows.map((r) =>
    registerRow({
      addressRule: o.kind === "underenheter" ? "beliggenhetsadresse" : "forretningsadresse",
      orgForm: o.kind === "underenheter" ? "BEDR" : "AS",
      ...r,
    }),
  );
  return loadSnapshotRows(
    db,
    { kind: o.kind, source: o.source ?? "test", sourceFormat: "test", contentSha256: null, createdBy: "test" },
    rows,
    { asOf: o.asOf, scope: o.scope ?? "national", naceVersion: rows[0]?.naceVersion ?? null },
  );
}
