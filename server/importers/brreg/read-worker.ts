/**
 * Worker thread body for {@link readRegisterFileInWorkers}: reads one share of a register file
 * (every `count`-th block of records; see ReadRegisterOptions.shard), checks and encodes it, and
 * posts the batches to the main thread, which checks organisation numbers across shares and
 * writes to the database. At most IN_FLIGHT batches wait unacknowledged, so memory stays bounded
 * when the database is slower.
 */
import fs from "node:fs";
import { Transform } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import { AggregateAccumulator } from "../../../core/register/aggregate.js";
import { RegisterFileError } from "./errors.js";
import { type ReadRegisterOptions, readRegisterFile } from "./read-file.js";

const IN_FLIGHT = 4;
const { file, opts } = workerData as { file: string; opts: ReadRegisterOptions };
const port = parentPort;
if (!port) throw new Error("read-worker must run in a worker thread");

let unacked = 0;
let wake: (() => void) | null = null;
port.on("message", (m: { type: string }) => {
  if (m.type === "ack") {
    unacked--;
    wake?.();
    wake = null;
  }
});

let bytesRead = 0;
const counter = new Transform({
  transform(chunk: Buffer, _enc, cb) {
    bytesRead += chunk.length;
    cb(null, chunk);
  },
});

const aggregates = new AggregateAccumulator();
try {
  const reader = readRegisterFile(fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(counter), opts);
  for await (const b of reader) {
    // Rows travel as their COPY lines with organisation number and file line, so the main thread
    // can drop a number another share already had (and then recompute the aggregates in SQL).
    const orgnrs = new Uint32Array(b.rows.length);
    const areas = new Set<string>();
    b.rows.forEach((r, i) => {
      orgnrs[i] = Number(r.orgnr);
      if (r.areaCode) areas.add(r.areaCode);
      aggregates.add(r);
    });
    port.postMessage({
      type: "batch",
      lines: b.lines,
      orgnrs,
      rowLines: b.rowLines,
      areas: [...areas],
      problems: b.problems,
      read: b.read,
      bytesRead,
    });
    unacked++;
    while (unacked >= IN_FLIGHT) await new Promise<void>((r) => (wake = r));
  }
  port.postMessage({ type: "done", summary: reader.summary, bytesRead, aggregates: aggregates.rows() });
} catch (e) {
  const err = e as Error;
  port.postMessage({
    type: "error",
    fileError: e instanceof RegisterFileError,
    detail: e instanceof RegisterFileError ? e.detail : err.message,
    line: e instanceof RegisterFileError ? e.line : null,
    message: err.message,
  });
}
