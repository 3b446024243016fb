import { once } from "node:events";
import { finished } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { RegisterSnapshotRow } from "../../../core/api/register.js";
import type { AggregateRow } from "../../../core/register/aggregate.js";
import { REGISTER_ROW_COLUMNS, type RegisterKind, type RegisterRow } from "../../../core/register/types.js";
import type { Db, DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { AppError } from "../../errors.js";
import { encodeCopyRow } from "../../importers/brreg/read-file.js";
import { computeSnapshotAggregates } from "./aggregates.js";
import { recomputeChangesAround } from "./changes.js";

/**
 * Low-level life of a register snapshot: a 'loading' snapshot row and a detached partition table
 * filled by COPY (the fastest path each engine has: PGlite's COPY FROM '/dev/blob', PostgreSQL's
 * COPY FROM STDIN); then, in one transaction, the partition is attached, aggregates and changes
 * are computed and the snapshot becomes 'complete'. Until then nothing is visible: readers only
 * ever look at complete snapshots. A failed or killed load leaves a detached table and a
 * 'loading' row, which `cleanupIncompleteSnapshots` removes (at start and before every import).
 */

export const partitionName = (snapshotId: number) => `register_rows_${Math.trunc(snapshotId)}`;

/** Serialises imports across processes on one PostgreSQL (session-level advisory lock). */
const IMPORT_LOCK_ID = 7_312_025;
/** In one process (and for PGlite) a flag does the same. */
let importRunning = false;

export interface SnapshotMeta {
  kind: RegisterKind;
  source: string;
  sourceFormat: string;
  contentSha256: string | null;
  createdBy: string;
  basedOn?: number | null;
  note?: string | null;
}

export interface FinishInput {
  /** Set when the kind (or format) was only known after reading the file. */
  kind?: RegisterKind;
  sourceFormat?: string;
  asOf: string;
  scope: string;
  naceVersion: string | null;
  summary: Record<string, unknown>;
  rejections: unknown[];
  /** Figures accumulated while reading; computed from the stored rows when absent. */
  aggregates?: readonly AggregateRow[];
  /** Runs last inside the completing transaction (a feed sync moves its cursor here). */
  onComplete?: (tx: DbOrTx) => Promise<void>;
}

const COPY_COLUMNS = REGISTER_ROW_COLUMNS.join(", ");

/** One row as a COPY CSV line, with its fingerprint (no newline). */
export const encodeCopyLine = encodeCopyRow;

/** Raw driver access for COPY: PGlite or a node-postgres pool behind drizzle. */
type Raw = { kind: "pglite"; client: PGlite } | { kind: "postgres"; pool: pg.Pool };

function rawOf(db: Db): Raw {
  const client: unknown = "$client" in db ? db.$client : undefined;
  if (client instanceof PGlite) return { kind: "pglite", client };
  if (client instanceof pg.Pool) return { kind: "postgres", pool: client };
  throw new Error("The register store needs a PGlite or node-postgres database");
}

/**
 * A bulk writer into one snapshot's partition. `write` takes COPY CSV text (complete lines);
 * `close` ends the COPY. On PostgreSQL one COPY stream stays open for the whole load, so parsing
 * (this process) and loading (the server process) run in parallel on two cores.
 */
export interface PartitionWriter {
  write(csv: string): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

export interface OpenLoad {
  snapshotId: number;
  writer: PartitionWriter;
  /** Releases the import lock (and the dedicated connection on PostgreSQL). */
  release(): Promise<void>;
}

/** Creates the 'loading' snapshot and its detached partition and opens a COPY into it. */
export async function beginSnapshotLoad(db: Db, meta: SnapshotMeta): Promise<OpenLoad> {
  if (importRunning) throw new AppError("conflict", "Another register import is running in this process; wait for it to finish.");
  const raw = rawOf(db);
  let conn: pg.PoolClient | null = null;
  importRunning = true;
  try {
    if (raw.kind === "postgres") {
      conn = await raw.pool.connect();
      const got = await conn.query<{ got: boolean }>("select pg_try_advisory_lock($1) as got", [IMPORT_LOCK_ID]);
      if (!got.rows[0]?.got)
        throw new AppError("conflict", "Another register import is running against this database; wait for it to finish.");
    }
    await cleanupIncompleteSnapshots(db, { lockHeld: true });
    const [snap] = await queryRows<{ id: number }>(
      db,
      sql`
        insert into register_snapshots (kind, as_of, scope, source, source_format, content_sha256, status, based_on, note, created_by)
        values (${meta.kind}, current_date, 'loading', ${meta.source}, ${meta.sourceFormat}, ${meta.contentSha256}, 'loading',
                ${meta.basedOn ?? null}, ${meta.note ?? null}, ${meta.createdBy})
        returning id`,
    );
    const id = Number(snap?.id);
    const table = partitionName(id);
    await db.execute(sql.raw(`create table ${table} (like register_rows including defaults)`));
    await db.execute(sql.raw(`alter table ${table} alter column snapshot_id set default ${id}`));
    const writer = conn ? await postgresWriter(conn, table) : raw.kind === "pglite" ? pgliteWriter(raw.client, table) : null;
    if (!writer) throw new Error("no connection for the COPY");
    const c = conn;
    return {
      snapshotId: id,
      writer,
      async release() {
        importRunning = false;
        if (c) {
          await c.query("select pg_advisory_unlock($1)", [IMPORT_LOCK_ID]).catch(() => undefined);
          c.release();
        }
      },
    };
  } catch (err) {
    importRunning = false;
    if (conn) {
      await conn.query("select pg_advisory_unlock($1)", [IMPORT_LOCK_ID]).catch(() => undefined);
      conn.release();
    }
    throw err;
  }
}

function pgliteWriter(client: PGlite, table: string): PartitionWriter {
  const statement = `copy ${table} (${COPY_COLUMNS}) from '/dev/blob' with (format csv)`;
  return {
    async write(csv) {
      if (csv.length === 0) return;
      await client.query(statement, [], { blob: new Blob([csv]) });
    },
    async close() {},
    async abort() {},
  };
}

async function postgresWriter(conn: pg.PoolClient, table: string): Promise<PartitionWriter> {
  const stream = conn.query(copyFrom(`copy ${table} (${COPY_COLUMNS}) from stdin with (format csv)`));
  let failed: Error | null = null;
  stream.on("error", (e: Error) => {
    failed = e;
  });
  return {
    async write(csv) {
      if (failed) throw failed;
      if (csv.length === 0) return;
      // Backpressure: wait while the server has not taken the previous chunks.
      if (!stream.write(csv)) await Promise.race([once(stream, "drain"), once(stream, "error")]);
      if (failed) throw failed;
    },
    async close() {
      if (failed) throw failed;
      stream.end();
      await finished(stream);
    },
    async abort() {
      stream.destroy(new Error("import aborted"));
      await finished(stream).catch(() => undefined);
    },
  };
}

/**
 * Indexes and attaches the partition, computes aggregates and changes, and marks the snapshot
 * complete — one transaction. A complete snapshot of the same kind, scope and date is replaced.
 */
export async function finishSnapshotLoad(
  db: Db,
  snapshotId: number,
  input: FinishInput,
): Promise<{ replaced: number | null; seconds: { indexes: number; attachAndAggregate: number } }> {
  const table = partitionName(snapshotId);
  const t0 = performance.now();
  // Sorting for the indexes is the bulk of this step: on a PostgreSQL server give it memory. Not on
  // PGlite: its WebAssembly memory never shrinks, and it counts against the process's RSS.
  const server = rawOf(db).kind === "postgres";
  if (server) await db.execute(sql.raw("set maintenance_work_mem = '256MB'"));
  // Indexes first, outside the transaction (on PGlite this is the same connection anyway).
  await db.execute(sql.raw(`alter table ${table} add primary key (orgnr)`));
  await db.execute(sql.raw(`create index ${table}_area_idx on ${table} (area_code, employees desc nulls last)`));
  await db.execute(sql.raw(`create index ${table}_parent_idx on ${table} (parent_orgnr)`));
  await db.execute(sql.raw(`create index ${table}_name_idx on ${table} (lower(name) text_pattern_ops)`));
  await db.execute(sql.raw(`alter table ${table} add constraint ${table}_snapshot_check check (snapshot_id = ${snapshotId})`));
  if (server) await db.execute(sql.raw("reset maintenance_work_mem"));
  const t1 = performance.now();
  const replaced = await db.transaction(async (tx) => {
    if (input.kind) await tx.execute(sql`update register_snapshots set kind = ${input.kind} where id = ${snapshotId}`);
    if (input.sourceFormat)
      await tx.execute(sql`update register_snapshots set source_format = ${input.sourceFormat} where id = ${snapshotId}`);
    const [old] = await queryRows<{ id: number }>(
      tx,
      sql`
        select s.id from register_snapshots s, register_snapshots me
        where me.id = ${snapshotId} and s.kind = me.kind and s.scope = ${input.scope} and s.as_of = ${input.asOf}
          and s.status = 'complete' and s.id <> me.id`,
    );
    if (old) await dropSnapshot(tx, Number(old.id));
    await tx.execute(sql.raw(`alter table register_rows attach partition ${table} for values in (${snapshotId})`));
    await tx.execute(sql`
      update register_snapshots set as_of = ${input.asOf}, scope = ${input.scope}, nace_version = ${input.naceVersion},
        summary = ${JSON.stringify(input.summary)}::jsonb, rejections = ${JSON.stringify(input.rejections)}::jsonb,
        status = 'complete', completed_at = now()
      where id = ${snapshotId}`);
    await computeSnapshotAggregates(tx, snapshotId, input.aggregates);
    await recomputeChangesAround(tx, snapshotId);
    if (input.onComplete) await input.onComplete(tx);
    return old ? Number(old.id) : null;
  });
  const t2 = performance.now();
  return { replaced, seconds: { indexes: (t1 - t0) / 1000, attachAndAggregate: (t2 - t1) / 1000 } };
}

/** Gives up a load: drops its partition and marks the snapshot failed (kept for the record). */
export async function failSnapshotLoad(db: Db, snapshotId: number, reason: string): Promise<void> {
  await db.execute(sql.raw(`drop table if exists ${partitionName(snapshotId)}`));
  await db.execute(
    sql`update register_snapshots set status = 'failed', note = ${reason.slice(0, 2000)}, completed_at = now() where id = ${snapshotId}`,
  );
}

/** Removes a complete snapshot: its partition, aggregates and changes. */
export async function dropSnapshot(db: DbOrTx, snapshotId: number): Promise<void> {
  const table = partitionName(snapshotId);
  await db.execute(sql.raw(`alter table register_rows detach partition ${table}`));
  await db.execute(sql.raw(`drop table ${table}`));
  await db.execute(sql`delete from register_snapshots where id = ${snapshotId}`);
}

/**
 * Drops what a failed or killed import left: detached partitions and 'loading' snapshots. Only
 * safe when no import is running — the import lock is checked (or already held by the caller).
 */
export async function cleanupIncompleteSnapshots(db: Db, o: { lockHeld?: boolean } = {}): Promise<number> {
  if (!o.lockHeld) {
    if (importRunning) return 0;
    const raw = rawOf(db);
    if (raw.kind === "postgres") {
      const conn = await raw.pool.connect();
      try {
        const got = await conn.query<{ got: boolean }>("select pg_try_advisory_lock($1) as got", [IMPORT_LOCK_ID]);
        if (!got.rows[0]?.got) return 0;
        try {
          return await cleanupNow(db);
        } finally {
          await conn.query("select pg_advisory_unlock($1)", [IMPORT_LOCK_ID]);
        }
      } finally {
        conn.release();
      }
    }
  }
  return cleanupNow(db);
}

async function cleanupNow(db: Db): Promise<number> {
  const stale = await queryRows<{ id: number }>(db, sql`select id from register_snapshots where status = 'loading'`);
  for (const s of stale) {
    await db.execute(sql.raw(`drop table if exists ${partitionName(Number(s.id))}`));
    await db.execute(
      sql`update register_snapshots set status = 'failed', note = 'interrupted: the import did not finish', completed_at = now() where id = ${s.id}`,
    );
  }
  // Detached partitions without a loading row (a crash between steps).
  const orphans = await queryRows<{ name: string }>(
    db,
    sql`
      select c.relname as name from pg_class c
      where c.relkind = 'r' and c.relname ~ '^register_rows_[0-9]+$' and not c.relispartition`,
  );
  for (const o of orphans) await db.execute(sql.raw(`drop table if exists ${o.name}`));
  return stale.length + orphans.length;
}

/** Loads rows given in memory (tests, demo data, feed syncs) as one complete snapshot. */
export async function loadSnapshotRows(
  db: Db,
  meta: SnapshotMeta,
  rows: readonly RegisterRow[],
  finish: Omit<FinishInput, "summary" | "rejections"> & { summary?: Record<string, unknown> },
): Promise<number> {
  const load = await beginSnapshotLoad(db, meta);
  try {
    for (let i = 0; i < rows.length; i += 10_000) {
      const lines = rows.slice(i, i + 10_000).map(encodeCopyLine);
      await load.writer.write(`${lines.join("\n")}\n`);
    }
    await load.writer.close();
    await finishSnapshotLoad(db, load.snapshotId, { ...finish, summary: finish.summary ?? { read: rows.length }, rejections: [] });
    return load.snapshotId;
  } catch (err) {
    await load.writer.abort();
    await failSnapshotLoad(db, load.snapshotId, String(err));
    throw err;
  } finally {
    await load.release();
  }
}

interface SnapshotListRow {
  id: number;
  kind: RegisterKind;
  asOf: string;
  scope: string;
  source: string;
  sourceFormat: string | null;
  naceVersion: string | null;
  status: string;
  basedOn: number | null;
  summary: RegisterSnapshotRow["summary"];
  rejections: RegisterSnapshotRow["rejections"];
  note: string | null;
  createdBy: string | null;
  startedAt: Date | string;
  completedAt: Date | string | null;
}

const isoOf = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** The latest 200 snapshots (imports and feed syncs, complete or failed), newest first. */
export async function findSnapshotRows(db: DbOrTx): Promise<RegisterSnapshotRow[]> {
  const rows = await queryRows<SnapshotListRow>(
    db,
    sql`
      select id, kind, as_of::text as "asOf", scope, source, source_format as "sourceFormat", nace_version as "naceVersion", status,
        based_on as "basedOn", summary, rejections, note, created_by as "createdBy", started_at as "startedAt", completed_at as "completedAt"
      from register_snapshots order by started_at desc, id desc limit 200`,
  );
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    basedOn: r.basedOn === null ? null : Number(r.basedOn),
    startedAt: isoOf(r.startedAt),
    completedAt: r.completedAt === null ? null : isoOf(r.completedAt),
  }));
}
