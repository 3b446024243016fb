import { sql } from "drizzle-orm";
import type { FeedCursor } from "../../../core/api/register.js";
import type { RegisterKind } from "../../../core/register/types.js";
import type { DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import type { FeedEvent } from "../../importers/brreg/feed/types.js";
import { computeSnapshotAggregates } from "./aggregates.js";

/** The update feed's reads and writes: its base snapshot, cursors and event log (feed-rows.ts holds the row copy). */

export interface BaseSnapshot {
  id: number;
  asOf: string;
  scope: string;
  source: string;
}

/** The snapshot a sync of this kind builds on: the latest complete one, national scope preferred. */
export async function findFeedBase(db: DbOrTx, kind: RegisterKind): Promise<BaseSnapshot | null> {
  const [b] = await queryRows<{ id: number; as_of: string; scope: string; source: string }>(
    db,
    sql`select id, as_of::text as as_of, scope, source from register_snapshots
      where kind = ${kind} and status = 'complete'
      order by (scope = 'national') desc, as_of desc, id desc limit 1`,
  );
  return b ? { id: Number(b.id), asOf: b.as_of, scope: b.scope, source: b.source } : null;
}

export async function findFeedCursors(db: DbOrTx): Promise<FeedCursor[]> {
  const rows = await queryRows<{
    kind: RegisterKind;
    last: string | number;
    last_dato: string | Date | null;
    snapshot_id: number | null;
    updated_at: string | Date;
  }>(db, sql`select kind, last_oppdateringsid as last, last_dato, snapshot_id, updated_at from register_feed_cursors order by kind`);
  return rows.map((r) => ({
    kind: r.kind,
    lastOppdateringsid: Number(r.last),
    lastDato: r.last_dato === null ? null : new Date(r.last_dato).toISOString(),
    snapshotId: r.snapshot_id === null ? null : Number(r.snapshot_id),
    updatedAt: new Date(r.updated_at).toISOString(),
  }));
}

/** Moves the cursor of a kind to the last applied event and the snapshot it built. */
export async function saveFeedCursor(
  tx: DbOrTx,
  c: { kind: RegisterKind; lastOppdateringsid: number; lastDato: string; snapshotId: number },
): Promise<void> {
  await tx.execute(sql`
    insert into register_feed_cursors (kind, last_oppdateringsid, last_dato, snapshot_id, updated_at)
    values (${c.kind}, ${c.lastOppdateringsid}, ${c.lastDato}::timestamptz, ${c.snapshotId}, now())
    on conflict (kind) do update set last_oppdateringsid = excluded.last_oppdateringsid, last_dato = excluded.last_dato,
      snapshot_id = excluded.snapshot_id, updated_at = now()`);
}

export async function isSnapshotComplete(db: DbOrTx, snapshotId: number): Promise<boolean> {
  const [still] = await queryRows<{ id: number }>(
    db,
    sql`select id from register_snapshots where id = ${snapshotId} and status = 'complete'`,
  );
  return still !== undefined;
}

/**
 * Removes entities from every snapshot, every computed change and the feed log (orgnr blanked), and
 * recomputes the aggregates of the snapshots that held them. Brreg's terms for removed (Fjernet)
 * entities.
 */
export async function removeEverywhere(tx: DbOrTx, orgnrs: readonly string[]): Promise<number[]> {
  const affected = new Set<number>();
  for (let i = 0; i < orgnrs.length; i += 500) {
    const list = sql.join(
      orgnrs.slice(i, i + 500).map((x) => sql`${x}`),
      sql`, `,
    );
    const gone = await queryRows<{ snapshot_id: number }>(
      tx,
      sql`delete from register_rows where orgnr in (${list}) returning snapshot_id`,
    );
    for (const g of gone) affected.add(Number(g.snapshot_id));
    await tx.execute(sql`delete from register_changes where orgnr in (${list})`);
    await tx.execute(sql`update register_feed_events set orgnr = '' where orgnr in (${list})`);
  }
  for (const id of affected) await computeSnapshotAggregates(tx, id);
  return [...affected];
}

export async function recordEvents(
  tx: DbOrTx,
  kind: RegisterKind,
  events: readonly FeedEvent[],
  removed: ReadonlySet<string>,
): Promise<void> {
  for (let i = 0; i < events.length; i += 500) {
    const values = sql.join(
      events
        .slice(i, i + 500)
        .map((e) => sql`(${kind}, ${e.oppdateringsid}, ${removed.has(e.orgnr) ? "" : e.orgnr}, ${e.endringstype}, ${e.dato}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(sql`
      insert into register_feed_events (kind, oppdateringsid, orgnr, endringstype, dato) values ${values}
      on conflict (kind, oppdateringsid) do nothing`);
  }
}

/** The kinds a plain `sync brreg` covers: those with a complete snapshot to build on. */
export async function findSyncableKinds(db: DbOrTx): Promise<RegisterKind[]> {
  const rows = await queryRows<{ kind: RegisterKind }>(
    db,
    sql`select distinct kind from register_snapshots where status = 'complete' order by kind`,
  );
  return rows.map((r) => r.kind);
}
