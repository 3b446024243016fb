/**
 * Worker thread body for {@link readRegisterFileInWorker}: reads, checks and encodes a register
 * file and posts the batches to the main thread, which only writes them to the database. At most
 * IN_FLIGHT batches wait unacknowledged, so memory stays bounded when the database is slower.
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
    const areas = new Set<string>();
    for (const r of b.rows) {
      if (r.areaCode) areas.add(r.areaCode);
      aggregates.add(r);
    }
    port.postMessage({
      type: "batch",
      csv: b.csv,
      rowCount: b.rows.length,
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
