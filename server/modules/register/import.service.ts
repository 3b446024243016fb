import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ImportSummary } from "../../../core/api/register.js";
import { naceVersionForDate } from "../../../core/register/nace.js";
import type { NaceVersion, RecordProblem, RegisterKind } from "../../../core/register/types.js";
import type { Db } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { RegisterFileError } from "../../importers/brreg/errors.js";
import { readRegisterFileInWorkers } from "../../importers/brreg/read-in-worker.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { diffCounts, findCompleteSnapshotBySha, saveSnapshotSummary } from "./import.store.js";
import { beginSnapshotLoad, failSnapshotLoad, finishSnapshotLoad } from "./snapshot-store.js";

/**
 * Imports one Brreg bulk file (hovedenheter or underenheter; gzip or plain JSON array, or CSV) as a
 * register snapshot. Streaming with bounded memory: records are parsed, checked and encoded in
 * batches and COPYed into the snapshot's own partition; nothing is visible until the last step
 * attaches it (docs/register.md, "Imports"). The same file twice changes nothing.
 */

export interface ImportOptions {
  kind?: RegisterKind;
  /** The date the data describes; default: the latest register date found in the data. */
  asOf?: string;
  /** 'national' or comma-separated municipality numbers; default: detected (see docs). */
  scope?: string;
  naceVersion?: NaceVersion;
  actor: Actor;
  /** The name recorded as the snapshot's source (default: the file's base name). */
  sourceName?: string;
  batchSize?: number;
  /** Reader threads (default: one per core, at most four). */
  readers?: number;
  /** Called with bytes read from the file so far and its size. */
  onProgress?: (p: { bytesRead: number; totalBytes: number; records: number }) => void;
}

export type { ImportSummary };

const MAX_PROBLEMS_KEPT = 1000;
/** A file whose entities lie in at most this many municipalities is an extract for those. */
export const SCOPE_MUNICIPALITY_LIMIT = 20;

export async function sha256File(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) h.update(chunk as Buffer);
  return h.digest("hex");
}

/** Imports a register file; see ImportSummary. Throws RegisterFileError (with a line) for unreadable files. */
export async function importRegisterFile(db: Db, file: string, o: ImportOptions): Promise<ImportSummary> {
  const started = process.hrtime.bigint();
  const totalBytes = fs.statSync(file).size;
  const sha = await sha256File(file);
  const existing = await findCompleteSnapshotBySha(db, sha);
  if (existing && (!o.asOf || o.asOf === existing.as_of) && (!o.scope || o.scope === existing.scope)) {
    const prev = existing.summary;
    return {
      read: 0,
      loaded: 0,
      rejected: 0,
      warnings: 0,
      problemCounts: {},
      unknownCodes: {},
      ...prev,
      // The stored summary leaves the problems out (the snapshot's rejections hold them).
      problems: prev?.problems ?? [],
      snapshotId: Number(existing.id),
      alreadyImported: true,
      kind: existing.kind,
      format: existing.source_format,
      asOf: existing.as_of,
      scope: existing.scope,
      naceVersion: existing.nace_version,
      inserted: 0,
      updated: 0,
      unchanged: prev?.loaded ?? 0,
      removed: 0,
      replacedSnapshotId: null,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
    };
  }

  // Kind, format and industry-code standard are detected by the reader unless given; the snapshot
  // row gets them when the file has been read (it is invisible until then anyway).
  const naceOption = o.naceVersion ?? (o.asOf ? naceVersionForDate(o.asOf) : undefined);
  const load = await beginSnapshotLoad(db, {
    kind: o.kind ?? "enheter",
    source: o.sourceName ?? path.basename(file),
    sourceFormat: "pending",
    contentSha256: sha,
    createdBy: o.actor.label,
  });
  const problems: RecordProblem[] = [];
  const problemCounts: Record<string, number> = {};
  const unknownCodes: Record<string, number> = {};
  const areas = new Set<string>();
  let read = 0;
  let loaded = 0;
  let rejected = 0;
  let warnings = 0;
  let maxDate: string | null = null;
  try {
    const reader = readRegisterFileInWorkers(file, { kind: o.kind, naceVersion: naceOption, batchSize: o.batchSize }, o.readers);
    for await (const batch of reader) {
      read = batch.read;
      loaded += batch.rowCount;
      for (const a of batch.areas) areas.add(a);
      for (const p of batch.problems) {
        if (p.severity === "error") rejected++;
        else warnings++;
        problemCounts[p.code] = (problemCounts[p.code] ?? 0) + 1;
        if (p.code === "unknown_nace_code") {
          const code = /industry code (\S+)/.exec(p.message)?.[1] ?? "?";
          unknownCodes[code] = (unknownCodes[code] ?? 0) + 1;
        }
        if (problems.length < MAX_PROBLEMS_KEPT) problems.push(p);
      }
      await load.writer.write(batch.csv);
      o.onProgress?.({ bytesRead: batch.bytesRead, totalBytes, records: read });
    }
    await load.writer.close();
    const fileSummary = reader.summary;
    // Several readers report in any order: the kept problems by line.
    problems.sort((a, b) => a.line - b.line);
    const { kind, naceVersion } = fileSummary;
    read = fileSummary.read;
    maxDate = fileSummary.maxDataDate;
    if (loaded === 0) throw new RegisterFileError("the file holds no valid records; nothing was imported", null);
    const asOf = o.asOf ?? maxDate ?? new Date().toISOString().slice(0, 10);
    const scope = o.scope ?? (areas.size > SCOPE_MUNICIPALITY_LIMIT ? "national" : [...areas].sort().join(",") || "national");
    const summaryBase = {
      kind,
      format: fileSummary.format,
      asOf,
      scope,
      naceVersion,
      read,
      loaded,
      rejected,
      warnings,
      problemCounts,
      unknownCodes,
    };
    const tRead = Number(process.hrtime.bigint() - started) / 1e9;
    const { replaced, seconds: finishSeconds } = await finishSnapshotLoad(db, load.snapshotId, {
      kind,
      sourceFormat: fileSummary.compressed ? `${fileSummary.format}.gz` : fileSummary.format,
      asOf,
      scope,
      naceVersion,
      summary: summaryBase,
      rejections: problems.slice(0, MAX_PROBLEMS_KEPT),
      aggregates: reader.aggregates ?? undefined,
    });
    const tDiff = process.hrtime.bigint();
    const diff = await diffCounts(db, load.snapshotId);
    const diffSeconds = Number(process.hrtime.bigint() - tDiff) / 1e9;
    const summary: ImportSummary = {
      snapshotId: load.snapshotId,
      alreadyImported: false,
      ...summaryBase,
      ...diff,
      problems,
      replacedSnapshotId: replaced,
      seconds: Number(process.hrtime.bigint() - started) / 1e9,
      timings: { readAndCopy: tRead, ...finishSeconds, diff: diffSeconds },
    };
    const { problems: _omit, ...stored } = summary;
    await db.transaction(async (tx) => {
      await saveSnapshotSummary(tx, load.snapshotId, stored);
      await recordAudit(tx, o.actor, {
        action: "register.import",
        entityType: "register_snapshot",
        entityId: String(load.snapshotId),
        after: {
          source: o.sourceName ?? path.basename(file),
          kind,
          asOf,
          scope,
          read,
          loaded,
          rejected,
          inserted: diff.inserted,
          updated: diff.updated,
        },
      });
    });
    return summary;
  } catch (err) {
    await load.writer.abort();
    await failSnapshotLoad(db, load.snapshotId, err instanceof Error ? err.message : String(err));
    if (err instanceof RegisterFileError || err instanceof AppError) throw err;
    throw err;
  } finally {
    await load.release();
  }
}

/** The summary as lines for a terminal (English; the CLI is an operator's tool). */
export function formatImportSummary(s: ImportSummary): string[] {
  if (s.alreadyImported)
    return [`This file is already imported as snapshot ${s.snapshotId} (${s.kind}, ${s.asOf}, scope ${s.scope}); nothing changed.`];
  const lines = [
    `Snapshot ${s.snapshotId}: ${s.kind}, as of ${s.asOf}, scope ${s.scope.length > 60 ? `${s.scope.slice(0, 60)}…` : s.scope}, ${s.format}, industry codes ${s.naceVersion ?? "?"}${s.replacedSnapshotId ? ` (replaces snapshot ${s.replacedSnapshotId})` : ""}`,
    `  read ${s.read}, loaded ${s.loaded}, rejected ${s.rejected}; against the previous snapshot: inserted ${s.inserted}, updated ${s.updated}, unchanged ${s.unchanged}, removed ${s.removed}`,
    `  warnings ${s.warnings}; ${s.seconds.toFixed(1)} s${s.timings ? ` (read + load ${s.timings.readAndCopy.toFixed(1)} s, indexes ${s.timings.indexes.toFixed(1)} s, attach + aggregates + changes ${s.timings.attachAndAggregate.toFixed(1)} s, diff ${s.timings.diff.toFixed(1)} s)` : ""}`,
  ];
  for (const [code, n] of Object.entries(s.problemCounts)) lines.push(`  ${code}: ${n}`);
  const unknown = Object.entries(s.unknownCodes);
  if (unknown.length > 0) lines.push(`  unknown industry codes: ${unknown.map(([c, n]) => `${c} (${n})`).join(", ")}`);
  for (const p of s.problems.filter((p) => p.severity === "error").slice(0, 20))
    lines.push(`  line ${p.line}: ${p.orgnr ?? "-"}: ${p.message}`);
  const more = s.problems.filter((p) => p.severity === "error").length - 20;
  if (more > 0) lines.push(`  … and ${more} more rejected rows (GET /api/register/snapshots lists the first 1000)`);
  return lines;
}
