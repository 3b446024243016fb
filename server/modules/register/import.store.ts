import { sql } from "drizzle-orm";
import type { ImportSummary } from "../../../core/api/register.js";
import type { NaceVersion, RegisterKind } from "../../../core/register/types.js";
import type { Db, DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";

/** The bulk import's reads and writes of snapshot rows besides the load itself (snapshot-store.ts). */

export interface ImportedSnapshot {
  id: number;
  kind: RegisterKind;
  as_of: string;
  scope: string;
  nace_version: NaceVersion | null;
  summary: Partial<ImportSummary> | null;
  source_format: string;
}

/** The latest complete snapshot made from a file with this content hash. */
export async function findCompleteSnapshotBySha(db: DbOrTx, sha: string): Promise<ImportedSnapshot | null> {
  const [existing] = await queryRows<ImportedSnapshot>(
    db,
    sql`
      select id, kind, as_of::text as as_of, scope, nace_version, summary, source_format from register_snapshots
      where content_sha256 = ${sha} and status = 'complete' order by id desc limit 1`,
  );
  return existing ?? null;
}

/** Stores the import summary (without its problem list) on the snapshot. */
export async function saveSnapshotSummary(db: DbOrTx, snapshotId: number, summary: Omit<ImportSummary, "problems">): Promise<void> {
  await db.execute(sql`update register_snapshots set summary = ${JSON.stringify(summary)}::jsonb where id = ${snapshotId}`);
}

/** Inserted / updated / unchanged / removed against the previous snapshot of the same kind and scope. */
export async function diffCounts(
  db: Db,
  snapshotId: number,
): Promise<{ inserted: number; updated: number; unchanged: number; removed: number }> {
  const [prev] = await queryRows<{ id: number }>(
    db,
    sql`
      select p.id from register_snapshots p, register_snapshots me
      where me.id = ${snapshotId} and p.kind = me.kind and p.scope = me.scope and p.status = 'complete' and p.as_of < me.as_of
      order by p.as_of desc limit 1`,
  );
  if (!prev) {
    const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from register_rows where snapshot_id = ${snapshotId}`);
    return { inserted: Number(n?.n ?? 0), updated: 0, unchanged: 0, removed: 0 };
  }
  const [r] = await queryRows<{ inserted: number; updated: number; unchanged: number; removed: number }>(
    db,
    sql`
      select count(*) filter (where o.orgnr is null)::int as inserted,
             count(*) filter (where n.orgnr is not null and o.orgnr is not null and n.row_hash <> o.row_hash)::int as updated,
             count(*) filter (where n.orgnr is not null and o.orgnr is not null and n.row_hash = o.row_hash)::int as unchanged,
             count(*) filter (where n.orgnr is null)::int as removed
      from (select orgnr, row_hash from register_rows where snapshot_id = ${snapshotId}) n
      full join (select orgnr, row_hash from register_rows where snapshot_id = ${prev.id}) o on o.orgnr = n.orgnr`,
  );
  return { inserted: Number(r?.inserted), updated: Number(r?.updated), unchanged: Number(r?.unchanged), removed: Number(r?.removed) };
}
