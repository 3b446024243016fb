/**
 * Opens a register file as a stream of decompressed bytes. Gzip is detected by its magic bytes
 * (1f 8b), not the file name; a truncated gzip stream becomes a {@link RegisterFileError}.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { RegisterFileError } from "./errors.js";

const READ_CHUNK = 1024 * 1024;

/** Bytes of `source` (a path or a readable byte stream), gunzipped when they are gzip (then `detected.compressed` is set). */
export async function* openRegisterBytes(source: string | Readable, detected?: { compressed: boolean }): AsyncGenerator<Buffer> {
  const raw: AsyncIterable<Uint8Array | string> =
    typeof source === "string" ? createReadStream(source, { highWaterMark: READ_CHUNK }) : source;
  const it = raw[Symbol.asyncIterator]();
  // Peek at least two bytes.
  const head: Buffer[] = [];
  let headBytes = 0;
  let ended = false;
  while (headBytes < 2) {
    const r = await it.next();
    if (r.done) {
      ended = true;
      break;
    }
    const b = toBuffer(r.value);
    head.push(b);
    headBytes += b.length;
  }
  const first = Buffer.concat(head, headBytes);
  if (!(first.length >= 2 && first[0] === 0x1f && first[1] === 0x8b)) {
    if (first.length > 0) yield first;
    if (ended) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield toBuffer(r.value);
    }
  }

  async function* compressed(): AsyncGenerator<Buffer> {
    yield first;
    if (ended) return;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield toBuffer(r.value);
    }
  }
  if (detected) detected.compressed = true;
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  const input = Readable.from(compressed(), { objectMode: false });
  input.on("error", (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "Z_BUF_ERROR" || /unexpected end of file/i.test(err.message ?? "")) {
      throw new RegisterFileError("the gzip file is truncated (unexpected end of file): download it again", null);
    }
    if (typeof err.code === "string" && err.code.startsWith("Z_")) {
      throw new RegisterFileError(`the gzip file is damaged (${err.message})`, null);
    }
    throw e;
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
