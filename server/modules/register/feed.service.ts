import type { EventOutcome, FeedCursor, FeedSyncSummary } from "../../../core/api/register.js";
import { todayInOslo } from "../../../core/periods.js";
import { naceVersionForDate } from "../../../core/register/nace.js";
import type { RecordProblem, RegisterKind, RegisterRow } from "../../../core/register/types.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import type { BrregClient } from "../../importers/brreg/feed/client.js";
import { applyEndringer } from "../../importers/brreg/feed/patch.js";
import type { FeedEvent, FeedStart } from "../../importers/brreg/feed/types.js";
import { normalizeRecord } from "../../importers/brreg/normalize.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { recomputeChangesAround } from "./changes.js";
import {
  findFeedBase,
  findFeedCursors,
  findSyncableKinds,
  isSnapshotComplete,
  recordEvents,
  removeEverywhere,
  saveFeedCursor,
} from "./feed.store.js";
import { PartitionRows, type StoredRow } from "./feed-rows.js";
import { beginSnapshotLoad, dropSnapshot, failSnapshotLoad, finishSnapshotLoad, partitionName } from "./snapshot-store.js";

/**
 * `sync brreg`: brings the register up to date from Brreg's update feed (docs/register.md, "Update
 * feed"). One sync of one kind:
 *
 * 1. base = the latest complete snapshot of the kind (national scope preferred); none → error.
 * 2. start = after the cursor's oppdateringsid when the cursor belongs to the base, else from
 *    midnight (Oslo) of the base's date (`dato=`). Reading the feed comes first: no events → nothing
 *    is written at all.
 * 3. A new snapshot (source 'feed', based_on = base) gets a copy of the base's rows, then each event
 *    in ascending oppdateringsid: Ny → fetch, normalise, insert when in the base's scope;
 *    Endring → apply the JSON Patch when it maps onto the row (patch.ts), else fetch again;
 *    Sletting → remove from the new snapshot; Ukjent (or any unknown type) → fetch again (HTTP 410 →
 *    Fjernet, `slettedato` → Sletting); Fjernet → removed from the new snapshot and, when the
 *    snapshot completes, from every snapshot, every change and the feed log (orgnr blanked) —
 *    Brreg's terms require removed entities to disappear.
 * 4. One transaction completes the snapshot (aggregates, changes against the previous snapshot of
 *    the same scope), records the events, moves the cursor and writes the audit entry. A crash before
 *    that leaves the previous snapshots and the cursor as they were; the next sync starts over from
 *    the old cursor (applying is idempotent: Ny/Ukjent fetch the current state, patches set values).
 *
 * Storage: a feed snapshot whose base is itself a feed snapshot of the same calendar month replaces
 * it (the base is dropped after the new one completes), so daily syncs keep one snapshot per month —
 * the last of each month stays, next to the bulk imports.
 */

export interface FeedSyncOptions {
  kind: RegisterKind;
  client: BrregClient;
  actor: Actor;
  /** Brreg's page size (default 1000). */
  pageSize?: number;
  /** At most this many events per sync (default 100 000); the rest come with the next sync. */
  maxEvents?: number;
}

export type { EventOutcome, FeedCursor, FeedSyncSummary };
export { findFeedBase, findFeedCursors, findSyncableKinds, removeEverywhere };

const MAX_PROBLEMS = 100;

/** The UTC instant of midnight in Oslo on a date, as Brreg's `dato` wants it (yyyy-MM-dd'T'HH:mm:ss.SSS'Z'). */
export function osloMidnightUtc(date: string): string {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  const wall = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Oslo", hour: "2-digit", hourCycle: "h23" }).format(utcMidnight);
  return new Date(utcMidnight - Number(wall) * 3_600_000).toISOString();
}

const inScopeOf = (scope: string) => {
  if (scope === "national") return () => true;
  const areas = new Set(scope.split(","));
  return (row: RegisterRow) => row.areaCode !== null && areas.has(row.areaCode);
};

/** Syncs one kind from the update feed; see the module comment. */
export async function syncRegisterFeed(db: Db, o: FeedSyncOptions): Promise<FeedSyncSummary> {
  const started = process.hrtime.bigint();
  const { kind, client } = o;
  const base = await findFeedBase(db, kind);
  if (!base)
    throw new AppError(
      "conflict",
      `There is no ${kind} snapshot to apply Brreg's update feed to: import a bulk file first (npm run cli -- import brreg --file <file> --kind ${kind}).`,
    );
  const cursor = (await findFeedCursors(db)).find((c) => c.kind === kind) ?? null;
  const start: FeedStart =
    cursor && cursor.snapshotId === base.id ? { afterOppdateringsid: cursor.lastOppdateringsid } : { fromDato: osloMidnightUtc(base.asOf) };
  const read = await client.readUpdates(kind, start, { size: o.pageSize ?? 1000, maxEvents: o.maxEvents ?? 100_000 });

  const byType: Record<string, number> = {};
  for (const e of read.events) byType[e.endringstype] = (byType[e.endringstype] ?? 0) + 1;
  const outcomes: Record<EventOutcome, number> = {
    inserted: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    removed: 0,
    out_of_scope: 0,
    rejected: 0,
    not_found: 0,
  };
  const summary: FeedSyncSummary = {
    kind,
    baseSnapshotId: base.id,
    snapshotId: null,
    scope: base.scope,
    start,
    pages: read.pages,
    events: read.events.length,
    byType,
    fetched: 0,
    outcomes,
    removedEverywhere: 0,
    rows: 0,
    firstOppdateringsid: read.events[0]?.oppdateringsid ?? null,
    lastOppdateringsid: read.events.at(-1)?.oppdateringsid ?? null,
    asOf: null,
    truncated: read.truncated,
    droppedSnapshotId: null,
    problems: [],
    seconds: 0,
  };
  const last = read.events.at(-1);
  if (!last) {
    summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return summary;
  }
  const lastDate = todayInOslo(new Date(last.dato));
  // The later of the two dates (a sync never dates its snapshot before its base).
  const asOf = [lastDate, base.asOf].sort()[1] as string;
  summary.asOf = asOf;

  const load = await beginSnapshotLoad(db, {
    kind,
    source: "feed",
    sourceFormat: "brreg-oppdateringer",
    contentSha256: null,
    createdBy: o.actor.label,
    basedOn: base.id,
    note: `Brreg update feed ${read.events[0]?.oppdateringsid}–${last.oppdateringsid} applied to snapshot ${base.id}`,
  });
  try {
    // The feed writes row by row, not by COPY: end the (empty) COPY so the table is free.
    await load.writer.close();
    const rows = new PartitionRows(db, partitionName(load.snapshotId));
    await rows.copyFrom(base.id);
    await rows.createLookupIndex();
    const removed = new Set<string>();
    const inScope = inScopeOf(base.scope);
    const today = todayInOslo();

    const problem = (e: FeedEvent, p: RecordProblem) => {
      if (summary.problems.length < MAX_PROBLEMS) summary.problems.push({ ...p, oppdateringsid: e.oppdateringsid });
    };
    const remove = async (e: FeedEvent): Promise<EventOutcome> => {
      await rows.delete(e.orgnr);
      removed.add(e.orgnr);
      return "removed";
    };
    const store = async (row: RegisterRow, existing: StoredRow | null): Promise<EventOutcome> => {
      if (inScope(row)) return rows.put(row, existing);
      // Out of the base's scope: not kept (and dropped when it was, i.e. it moved away).
      if (existing) await rows.delete(row.orgnr);
      return "out_of_scope";
    };
    /** Fetches the entity again and stores what Brreg has now. */
    const refresh = async (e: FeedEvent, existing: StoredRow | null): Promise<EventOutcome> => {
      summary.fetched++;
      const got = await client.fetchEntity(kind, e.orgnr);
      if (got.status === "removed") return remove(e);
      if (got.status === "not_found") {
        await rows.delete(e.orgnr);
        return "not_found";
      }
      if (typeof got.record.slettedato === "string") return (await rows.delete(e.orgnr)) ? "deleted" : "unchanged";
      const n = normalizeRecord(kind, got.record, 0, { naceVersion: naceVersionForDate(today), today });
      if (n.problem) {
        problem(e, n.problem);
        return "rejected";
      }
      for (const w of n.warnings) problem(e, w);
      return store(n.row, existing);
    };

    for (const e of read.events) {
      let outcome: EventOutcome;
      switch (e.endringstype) {
        case "Sletting":
          outcome = (await rows.delete(e.orgnr)) ? "deleted" : "unchanged";
          break;
        case "Fjernet":
          outcome = await remove(e);
          break;
        case "Ny":
          outcome = await refresh(e, await rows.get(e.orgnr));
          break;
        case "Endring": {
          const existing = await rows.get(e.orgnr);
          if (!existing) {
            // Not in the base: it may have moved into the scope (or the base missed it).
            outcome = base.scope === "national" || touchesLocation(kind, e) ? await refresh(e, null) : "out_of_scope";
            break;
          }
          const patch = e.endringer && e.endringer.length > 0 ? applyEndringer(kind, existing.row, e.endringer, e.dato) : null;
          if (patch === null || patch.status === "refetch") outcome = await refresh(e, existing);
          else if (patch.status === "ignored") outcome = "unchanged";
          else outcome = await store(patch.row, existing);
          break;
        }
        default: // Ukjent, or a type Brreg adds later: ask again.
          outcome = await refresh(e, await rows.get(e.orgnr));
      }
      outcomes[outcome]++;
    }
    await rows.dropLookupIndex();
    summary.rows = await rows.count();
    summary.removedEverywhere = removed.size;
    const naceVersion = await rows.naceVersion();
    const dropBase = base.source === "feed" && base.asOf.slice(0, 7) === asOf.slice(0, 7);
    summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const { problems, ...stored } = summary;
    const newId = load.snapshotId;
    summary.snapshotId = newId;

    const { replaced } = await finishSnapshotLoad(db, newId, {
      asOf,
      scope: base.scope,
      naceVersion,
      summary: { ...stored, snapshotId: newId },
      rejections: problems,
      onComplete: async (tx) => {
        if (removed.size > 0) await removeEverywhere(tx, [...removed]);
        await recordEvents(tx, kind, read.events, removed);
        await saveFeedCursor(tx, { kind, lastOppdateringsid: last.oppdateringsid, lastDato: last.dato, snapshotId: newId });
        if (dropBase) {
          if (await isSnapshotComplete(tx, base.id)) {
            await dropSnapshot(tx, base.id);
            await recomputeChangesAround(tx, newId);
            summary.droppedSnapshotId = base.id;
          }
        }
        await recordAudit(tx, o.actor, {
          action: "register.sync",
          entityType: "register_snapshot",
          entityId: String(newId),
          before: { snapshotId: base.id, cursor: cursor?.lastOppdateringsid ?? null },
          after: {
            kind,
            asOf,
            scope: base.scope,
            events: summary.events,
            byType,
            outcomes,
            fetched: summary.fetched,
            lastOppdateringsid: last.oppdateringsid,
            droppedSnapshotId: summary.droppedSnapshotId,
          },
        });
      },
    });
    if (replaced !== null && summary.droppedSnapshotId === null) summary.droppedSnapshotId = replaced;
    summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return summary;
  } catch (err) {
    await load.writer.abort();
    await failSnapshotLoad(db, load.snapshotId, err instanceof Error ? err.message : String(err));
    throw err;
  } finally {
    await load.release();
  }
}

/** Does an Endring touch the address that places an entity of this kind? */
function touchesLocation(kind: RegisterKind, e: FeedEvent): boolean {
  if (!e.endringer || e.endringer.length === 0) return true;
  const addresses = kind === "underenheter" ? ["/beliggenhetsadresse"] : ["/forretningsadresse", "/postadresse"];
  return e.endringer.some((op) => addresses.some((a) => op.path === a || op.path.startsWith(`${a}/`)));
}

/** The summary as lines for the CLI (English, like the rest of the CLI output). */
export function formatSyncSummary(s: FeedSyncSummary): string[] {
  const from = "afterOppdateringsid" in s.start ? `after oppdateringsid ${s.start.afterOppdateringsid}` : `from ${s.start.fromDato}`;
  if (s.snapshotId === null) return [`${s.kind}: no new events ${from} (snapshot ${s.baseSnapshotId} is up to date); nothing changed.`];
  const types = Object.entries(s.byType)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const o = s.outcomes;
  const lines = [
    `${s.kind}: applied ${s.events} events ${from} (oppdateringsid ${s.firstOppdateringsid}–${s.lastOppdateringsid}) to snapshot ${s.baseSnapshotId} → new snapshot ${s.snapshotId} as of ${s.asOf} (${s.scope === "national" ? "national" : `scope ${s.scope}`}, ${s.rows} entities)`,
    `  events by type: ${types}`,
    `  fetched ${s.fetched} entities; inserted ${o.inserted}, updated ${o.updated}, deleted ${o.deleted}, removed (Fjernet) ${o.removed}, unchanged ${o.unchanged}, skipped out of scope ${o.out_of_scope}, rejected ${o.rejected}, not found ${o.not_found}`,
  ];
  if (s.removedEverywhere > 0) lines.push(`  ${s.removedEverywhere} removed entities were deleted from every snapshot and the feed log`);
  if (s.droppedSnapshotId !== null) lines.push(`  replaced snapshot ${s.droppedSnapshotId} (one feed snapshot is kept per month)`);
  for (const p of s.problems.slice(0, 10))
    lines.push(`  oppdateringsid ${p.oppdateringsid}, ${p.orgnr ?? "?"}: ${p.severity} ${p.code}: ${p.message}`);
  if (s.truncated) lines.push("  more events are waiting: run the sync again");
  lines.push(`  ${s.seconds.toFixed(1)} s`);
  return lines;
}
