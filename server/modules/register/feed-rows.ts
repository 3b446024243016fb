import { type SQL, sql } from "drizzle-orm";
import type { RegisterRow } from "../../../core/register/types.js";
import type { DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { encodeCopyLine } from "./snapshot-store.js";

/**
 * Row-at-a-time access to one snapshot's partition table while a feed sync builds it (the table is
 * still detached, so it is addressed by name; see snapshot-store.ts). An orgnr index is created for
 * the sync and dropped before the snapshot is finished (which adds the primary key).
 */

const SELECT = sql.raw(`orgnr, name, org_form as "orgForm", nace_code as "naceCode", nace_version as "naceVersion",
  nace_section as "naceSection", nace_division as "naceDivision", kis_group as "kisGroup", municipality_raw as "municipalityRaw",
  area_code as "areaCode", address_rule as "addressRule", address, postal_code as "postalCode", postal_place as "postalPlace",
  employees, size_class as "sizeClass", registered_on::text as "registeredOn", started_on::text as "startedOn",
  parent_orgnr as "parentOrgnr", sector_code as "sectorCode", bankrupt, liquidating, closed_on::text as "closedOn", row_hash as "rowHash"`);

/** The row's fingerprint exactly as a bulk load writes it: the last (quoted, base64) field of its COPY line. */
export function rowHash(row: RegisterRow): string {
  const line = encodeCopyLine(row);
  return line.slice(line.lastIndexOf(',"') + 2, -1);
}

export interface StoredRow {
  row: RegisterRow;
  hash: string;
}

export class PartitionRows {
  private readonly table: SQL;

  constructor(
    private readonly db: DbOrTx,
    readonly tableName: string,
  ) {
    if (!/^register_rows_\d+$/.test(tableName)) throw new Error(`not a register partition: ${tableName}`);
    this.table = sql.raw(tableName);
  }

  /** Copies every row of another snapshot into this table (INSERT … SELECT; snapshot_id takes the table's default). */
  async copyFrom(snapshotId: number): Promise<void> {
    await this.db.execute(sql`
      insert into ${this.table} (orgnr, name, org_form, nace_code, nace_version, nace_section, nace_division, kis_group, municipality_raw,
        area_code, address_rule, address, postal_code, postal_place, employees, size_class, registered_on, started_on, parent_orgnr,
        sector_code, bankrupt, liquidating, closed_on, row_hash)
      select orgnr, name, org_form, nace_code, nace_version, nace_section, nace_division, kis_group, municipality_raw,
        area_code, address_rule, address, postal_code, postal_place, employees, size_class, registered_on, started_on, parent_orgnr,
        sector_code, bankrupt, liquidating, closed_on, row_hash
      from register_rows where snapshot_id = ${snapshotId}`);
  }

  async createLookupIndex(): Promise<void> {
    await this.db.execute(sql.raw(`create index ${this.tableName}_feed_orgnr on ${this.tableName} (orgnr)`));
  }

  async dropLookupIndex(): Promise<void> {
    await this.db.execute(sql.raw(`drop index if exists ${this.tableName}_feed_orgnr`));
  }

  async get(orgnr: string): Promise<StoredRow | null> {
    const [r] = await queryRows<RegisterRow & { rowHash: string }>(
      this.db,
      sql`select ${SELECT} from ${this.table} where orgnr = ${orgnr} limit 1`,
    );
    if (!r) return null;
    const { rowHash: hash, ...row } = r;
    return { row: { ...row, employees: row.employees === null ? null : Number(row.employees) }, hash };
  }

  /** Inserts or replaces the row; returns what happened compared with the stored one. */
  async put(row: RegisterRow, existing: StoredRow | null): Promise<"inserted" | "updated" | "unchanged"> {
    const hash = rowHash(row);
    if (existing && existing.hash === hash) return "unchanged";
    if (existing) await this.delete(row.orgnr);
    await this.db.execute(sql`
      insert into ${this.table} (orgnr, name, org_form, nace_code, nace_version, nace_section, nace_division, kis_group, municipality_raw,
        area_code, address_rule, address, postal_code, postal_place, employees, size_class, registered_on, started_on, parent_orgnr,
        sector_code, bankrupt, liquidating, closed_on, row_hash)
      values (${row.orgnr}, ${row.name}, ${row.orgForm}, ${row.naceCode}, ${row.naceVersion}, ${row.naceSection}, ${row.naceDivision},
        ${row.kisGroup}, ${row.municipalityRaw}, ${row.areaCode}, ${row.addressRule}, ${row.address}, ${row.postalCode}, ${row.postalPlace},
        ${row.employees}, ${row.sizeClass}, ${row.registeredOn}::date, ${row.startedOn}::date, ${row.parentOrgnr}, ${row.sectorCode},
        ${row.bankrupt}, ${row.liquidating}, ${row.closedOn}::date, ${hash})`);
    return existing ? "updated" : "inserted";
  }

  /** Deletes the row; true when there was one. */
  async delete(orgnr: string): Promise<boolean> {
    const r = await queryRows<{ orgnr: string }>(this.db, sql`delete from ${this.table} where orgnr = ${orgnr} returning orgnr`);
    return r.length > 0;
  }

  /** The industry-code standard of the rows: one version, 'mixed', or null when no row has a code. */
  async naceVersion(): Promise<string | null> {
    const rows = await queryRows<{ v: string }>(
      this.db,
      sql`select distinct nace_version as v from ${this.table} where nace_version is not null limit 2`,
    );
    if (rows.length === 0) return null;
    return rows.length === 1 ? (rows[0]?.v ?? null) : "mixed";
  }

  async count(): Promise<number> {
    const [r] = await queryRows<{ n: number }>(this.db, sql`select count(*)::int as n from ${this.table}`);
    return Number(r?.n ?? 0);
  }
}
