import os from "node:os";
import { Worker } from "node:worker_threads";
import type { AggregateRow } from "../../../core/register/aggregate.js";
import type { RecordProblem } from "../../../core/register/types.js";
import { RegisterFileError } from "./errors.js";
import type { ReadRegisterOptions, RegisterFileSummary } from "./read-file.js";

/** A batch as the loader needs it: COPY text and what the summary counts, not the row objects. */
export interface LoaderBatch {
  csv: string;
  rowCount: number;
  /** Municipalities (today's numbers) of the batch's rows. */
  areas: string[];
  problems: RecordProblem[];
  /** Records read so far in the file (by the furthest reader). */
  read: number;
  /** Bytes of the file read so far (compressed bytes for a gzip file). */
  bytesRead: number;
}

export interface LoaderReader extends AsyncIterable<LoaderBatch> {
  readonly summary: RegisterFileSummary;
  /**
   * The snapshot's figures per municipality, accumulated while reading (core/register/aggregate.ts);
   * null when rows were dropped after accumulation (a duplicate across shares): compute them in SQL.
   */
  readonly aggregates: AggregateRow[] | null;
}

type WorkerMessage =
  | {
      type: "batch";
      lines: string[];
      orgnrs: Uint32Array;
      rowLines: number[];
      areas: string[];
      problems: RecordProblem[];
      read: number;
      bytesRead: number;
    }
  | { type: "done"; summary: RegisterFileSummary; bytesRead: number; aggregates: AggregateRow[] }
  | { type: "error"; fileError: boolean; detail: string; line: number | null; message: string };

/** Readers to run: one per core beyond the main thread's, at least one, at most four. */
export function defaultReaderCount(): number {
  return Math.max(1, Math.min(4, os.availableParallelism?.() ?? os.cpus().length));
}

function mergeAggregates(parts: AggregateRow[][]): AggregateRow[] {
  const cells = new Map<string, AggregateRow>();
  for (const part of parts)
    for (const a of part) {
      const id = `${a.areaCode}\u0000${a.dimension}\u0000${a.key}`;
      const c = cells.get(id);
      if (!c) cells.set(id, { ...a });
      else {
        c.entities += a.entities;
        c.employees5plus += a.employees5plus;
        c.units1to4 += a.units1to4;
        c.unitsUnknown += a.unitsUnknown;
      }
    }
  return [...cells.values()];
}

/**
 * Reads a register file in worker threads — parse, check, encode — so that parsing runs beside
 * the database load (PGlite's COPY on the main thread, or the PostgreSQL server process). With
 * several readers each parses its own share of the records (all scan the file, for line numbers
 * and file errors); this thread drops an organisation number a share repeats from another.
 * Errors arrive as they would in-process (RegisterFileError with its line).
 */
export function readRegisterFileInWorkers(file: string, opts: ReadRegisterOptions = {}, readers?: number): LoaderReader {
  let summary: RegisterFileSummary | null = null;
  let aggregates: AggregateRow[] | null = null;
  let done = false;
  return {
    get summary(): RegisterFileSummary {
      if (!summary) throw new Error("the summary is known only after the file has been read to the end");
      return summary;
    },
    get aggregates(): AggregateRow[] | null {
      if (!done) throw new Error("the aggregates are known only after the file has been read to the end");
      return aggregates;
    },
    async *[Symbol.asyncIterator]() {
      const count = Math.max(1, readers ?? defaultReaderCount());
      const queue: { from: Worker; m: WorkerMessage }[] = [];
      let wake: (() => void) | null = null;
      let crashed: Error | null = null;
      const workers = Array.from({ length: count }, (_, index) => {
        const w = new Worker(new URL("./read-worker-boot.mjs", import.meta.url), {
          workerData: { file, opts: { ...opts, shard: { index, count } } },
          // A reader needs little heap (one batch and its share's organisation numbers); a low
          // limit makes it collect early, which keeps the process's peak memory down.
          resourceLimits: { maxOldGenerationSizeMb: 512 },
        });
        w.on("message", (m: WorkerMessage) => {
          queue.push({ from: w, m });
          wake?.();
          wake = null;
        });
        w.on("error", (e) => {
          crashed = e;
          wake?.();
        });
        w.on("exit", (code) => {
          if (code !== 0 && !crashed) crashed = new Error(`register reader thread exited with code ${code}`);
          wake?.();
        });
        return w;
      });
      const seen = new Set<number>();
      const summaries: RegisterFileSummary[] = [];
      const aggregateParts: AggregateRow[][] = [];
      let dropped = 0;
      let furthestRead = 0;
      let bytesRead = 0;
      const extraProblems: Record<string, number> = {};
      try {
        while (summaries.length < count) {
          while (queue.length === 0) {
            if (crashed) throw crashed;
            await new Promise<void>((r) => (wake = r));
          }
          const next = queue.shift();
          if (!next) continue;
          const { from, m } = next;
          if (m.type === "error") throw m.fileError ? new RegisterFileError(m.detail, m.line) : new Error(m.message);
          if (m.type === "done") {
            summaries.push(m.summary);
            aggregateParts.push(m.aggregates);
            continue;
          }
          furthestRead = Math.max(furthestRead, m.read);
          bytesRead = Math.max(bytesRead, m.bytesRead);
          const kept: string[] = [];
          const problems = m.problems;
          for (const [i, line] of m.lines.entries()) {
            const orgnr = m.orgnrs[i] ?? -1 - i;
            if (seen.has(orgnr)) {
              dropped++;
              extraProblems.duplicate_orgnr = (extraProblems.duplicate_orgnr ?? 0) + 1;
              const nr = String(orgnr).padStart(9, "0");
              problems.push({
                line: m.rowLines[i] ?? 0,
                orgnr: nr,
                severity: "error",
                code: "duplicate_orgnr",
                message: `organisasjonsnummer ${nr} occurs twice in the file; one occurrence is skipped`,
              });
              continue;
            }
            seen.add(orgnr);
            kept.push(line);
          }
          from.postMessage({ type: "ack" });
          yield {
            csv: kept.length === 0 ? "" : `${kept.join("\n")}\n`,
            rowCount: kept.length,
            areas: m.areas,
            problems,
            read: furthestRead,
            bytesRead,
          };
        }
        summary = mergeSummaries(summaries, dropped, extraProblems);
        aggregates = dropped > 0 ? null : count === 1 ? (aggregateParts[0] ?? []) : mergeAggregates(aggregateParts);
        done = true;
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
      }
    },
  };
}

function mergeSummaries(parts: RegisterFileSummary[], dropped: number, extra: Record<string, number>): RegisterFileSummary {
  const first = parts[0] as RegisterFileSummary;
  const problemCounts: Record<string, number> = { ...extra };
  for (const p of parts) for (const [k, v] of Object.entries(p.problemCounts)) problemCounts[k] = (problemCounts[k] ?? 0) + v;
  const dates = parts.map((p) => p.maxDataDate).filter((d): d is string => d !== null);
  return {
    ...first,
    // Every reader scans every record; the counts of accepted and rejected are per share.
    read: first.read,
    rows: parts.reduce((a, p) => a + p.rows, 0) - dropped,
    rejected: parts.reduce((a, p) => a + p.rejected, 0) + dropped,
    warnings: parts.reduce((a, p) => a + p.warnings, 0),
    problemCounts,
    maxDataDate: dates.length > 0 ? (dates.sort().at(-1) ?? null) : null,
  };
}
