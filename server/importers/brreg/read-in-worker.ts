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
  /** Records read so far in the file. */
  read: number;
  /** Bytes of the file read so far (compressed bytes for a gzip file). */
  bytesRead: number;
}

export interface LoaderReader extends AsyncIterable<LoaderBatch> {
  readonly summary: RegisterFileSummary;
  /** The snapshot's figures per municipality, accumulated while reading (see core/register/aggregate.ts). */
  readonly aggregates: AggregateRow[];
}

type WorkerMessage =
  | ({ type: "batch" } & LoaderBatch)
  | { type: "done"; summary: RegisterFileSummary; bytesRead: number; aggregates: AggregateRow[] }
  | { type: "error"; fileError: boolean; detail: string; line: number | null; message: string };

/**
 * Reads a register file in a worker thread (parse, check, encode), so that on a two-core machine
 * parsing runs beside the database load: PGlite's COPY on the main thread, or PostgreSQL's server
 * process. Errors arrive as they would in-process (RegisterFileError with its line).
 */
export function readRegisterFileInWorker(file: string, opts: ReadRegisterOptions = {}): LoaderReader {
  let summary: RegisterFileSummary | null = null;
  let aggregates: AggregateRow[] | null = null;
  return {
    get aggregates(): AggregateRow[] {
      if (!aggregates) throw new Error("the aggregates are known only after the file has been read to the end");
      return aggregates;
    },
    get summary(): RegisterFileSummary {
      if (!summary) throw new Error("the summary is known only after the file has been read to the end");
      return summary;
    },
    async *[Symbol.asyncIterator]() {
      const worker = new Worker(new URL("./read-worker-boot.mjs", import.meta.url), {
        workerData: { file, opts },
      });
      const queue: WorkerMessage[] = [];
      let wake: (() => void) | null = null;
      let crashed: Error | null = null;
      worker.on("message", (m: WorkerMessage) => {
        queue.push(m);
        wake?.();
        wake = null;
      });
      worker.on("error", (e) => {
        crashed = e;
        wake?.();
      });
      worker.on("exit", (code) => {
        if (code !== 0 && !crashed) crashed = new Error(`register reader thread exited with code ${code}`);
        wake?.();
      });
      try {
        for (;;) {
          while (queue.length === 0) {
            if (crashed) throw crashed;
            await new Promise<void>((r) => (wake = r));
          }
          const m = queue.shift() as WorkerMessage;
          if (m.type === "error") throw m.fileError ? new RegisterFileError(m.detail, m.line) : new Error(m.message);
          if (m.type === "done") {
            summary = m.summary;
            aggregates = m.aggregates;
            return;
          }
          const { type: _t, ...batch } = m;
          yield batch;
          worker.postMessage({ type: "ack" });
        }
      } finally {
        await worker.terminate();
      }
    },
  };
}
