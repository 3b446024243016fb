/**
 * Streaming split of a top-level JSON array (Brreg's bulk dumps: one array of objects,
 * pretty-printed) into records. A byte-level scanner tracks strings, escapes and brace depth, cuts
 * each top-level object out of the byte stream and hands it to the native `JSON.parse`. Memory is
 * bounded by the chunk size plus the largest record (capped by `maxRecordBytes`), never the file.
 *
 * - A record that is not valid JSON is yielded as an error with the line it starts on; reading
 *   continues with the next record. A raw line break inside a string (invalid JSON) ends the
 *   string, so a missing closing quote in a pretty-printed file spoils one record, not the rest.
 * - Anything that is not an array of objects, text between records, or a stream that ends inside
 *   a record or without the closing `]` is a {@link RegisterFileError}.
 */
import { RegisterFileError, sizeText } from "./errors.js";

export type JsonArrayItem =
  | { line: number; value: Record<string, unknown>; error?: undefined; skipped?: undefined }
  | { line: number; value?: undefined; error: string; orgnr: string | null; skipped?: undefined }
  /** A record another reader parses (see `skip`): only its place is reported. */
  | { line: number; value?: undefined; error?: undefined; skipped: true };

export interface SplitJsonArrayOptions {
  /** A record larger than this is a file error (default 16 MiB): protects memory on a broken file. */
  maxRecordBytes?: number;
  /**
   * Records (by 0-based index) to cut out but not decode or parse — for readers that share a file,
   * each parsing its own part. The scan (and so line numbering and file errors) is unchanged.
   */
  skip?: (recordIndex: number) => boolean;
}

// Scanner states.
const START = 0;
const EXPECT_FIRST = 1;
const IN_RECORD = 2;
const AFTER_RECORD = 3;
const EXPECT_NEXT = 4;
const DONE = 5;

const LF = 0x0a;
const CR = 0x0d;
const TAB = 0x09;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const BACKSLASH = 0x5c;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

/** Bytes that matter inside a record outside strings: 1 for { } " and line feed. */
const RECORD_BYTES = new Uint8Array(256);
for (const c of [LBRACE, RBRACE, QUOTE, LF]) RECORD_BYTES[c] = 1;
/** Bytes that matter inside a string: " \ and line feed. */
const STRING_BYTES = new Uint8Array(256);
for (const c of [QUOTE, BACKSLASH, LF]) STRING_BYTES[c] = 1;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function describeByte(c: number): string {
  if (c >= 0x21 && c <= 0x7e) return `'${String.fromCharCode(c)}'`;
  return `byte 0x${c.toString(16).padStart(2, "0")}`;
}

const ORGNR_IN_TEXT = /"organisasjonsnummer"\s*:\s*"(\d{9})"/;

/**
 * Splits a byte stream holding one JSON array of objects into records. Yields the records of each
 * input chunk as one array (fewer async steps on the hot path).
 */
export async function* splitJsonArray(
  chunks: AsyncIterable<Uint8Array>,
  options: SplitJsonArrayOptions = {},
): AsyncGenerator<JsonArrayItem[]> {
  const maxRecordBytes = options.maxRecordBytes ?? 16 * 1024 * 1024;
  const skip = options.skip;
  let recordIndex = 0;
  let state = START;
  let line = 1;
  let bomAt = 0; // bytes of a leading UTF-8 BOM (ef bb bf) seen so far
  let offset = 0; // file offset of the current chunk
  // Record scanning state (survives chunk boundaries).
  let depth = 0;
  let inString = false;
  let escaped = false;
  let broken = false; // a raw line break inside a string: JSON.parse will reject the record
  let recordLine = 0;
  let pieces: Buffer[] = []; // earlier chunks' parts of the record being scanned
  let piecesBytes = 0;

  const source = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await source.next();
    } catch (e) {
      throw e instanceof RegisterFileError ? e.at(line) : e;
    }
    if (next.done) break;
    const chunk = next.value;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const n = buf.length;
    const out: JsonArrayItem[] = [];
    let i = 0;
    let recordStart = state === IN_RECORD ? 0 : -1;

    while (i < n) {
      if (state === IN_RECORD) {
        // Hot loop: find the closing brace of the top-level object.
        let c = 0;
        if (inString) {
          if (escaped) {
            escaped = false;
            if (buf[i] === LF) line++;
            i++;
            if (i >= n) break;
          }
          while (i < n) {
            c = buf[i] as number;
            if (STRING_BYTES[c] === 0) {
              i++;
              continue;
            }
            if (c === QUOTE) {
              inString = false;
              i++;
              break;
            }
            if (c === BACKSLASH) {
              if (i + 1 < n) {
                if (buf[i + 1] === LF) line++;
                i += 2;
              } else {
                escaped = true;
                i++;
              }
              continue;
            }
            // A raw line feed inside a string is invalid JSON: assume a missing closing quote.
            line++;
            broken = true;
            inString = false;
            i++;
            break;
          }
          if (inString) break; // chunk ended inside the string
        }
        let ended = false;
        while (i < n) {
          c = buf[i] as number;
          if (RECORD_BYTES[c] === 0) {
            i++;
            continue;
          }
          i++;
          if (c === QUOTE) {
            // Scan the string inline (the common case: short keys and values).
            inString = true;
            while (i < n) {
              c = buf[i] as number;
              if (STRING_BYTES[c] === 0) {
                i++;
                continue;
              }
              if (c === QUOTE) {
                inString = false;
                i++;
                break;
              }
              if (c === BACKSLASH) {
                if (i + 1 < n) {
                  if (buf[i + 1] === LF) line++;
                  i += 2;
                } else {
                  escaped = true;
                  i++;
                }
                continue;
              }
              line++;
              broken = true;
              inString = false;
              i++;
              break;
            }
            if (inString) break;
          } else if (c === LBRACE) {
            depth++;
          } else if (c === RBRACE) {
            depth--;
            if (depth === 0) {
              ended = true;
              break;
            }
          } else {
            line++; // LF
          }
        }
        if (!ended) break; // need the next chunk
        // i is just past the closing brace.
        if (skip?.(recordIndex++)) {
          pieces = [];
          piecesBytes = 0;
          out.push({ line: recordLine, skipped: true });
          broken = false;
          recordStart = -1;
          state = AFTER_RECORD;
          continue;
        }
        let text: string;
        if (piecesBytes > 0) {
          pieces.push(buf.subarray(0, i));
          text = Buffer.concat(pieces, piecesBytes + i).toString("utf8");
          pieces = [];
          piecesBytes = 0;
        } else {
          text = buf.toString("utf8", recordStart, i);
        }
        out.push(parseRecord(text, recordLine, broken));
        broken = false;
        recordStart = -1;
        state = AFTER_RECORD;
        continue;
      }

      // Between records: whitespace and structure only.
      const c = buf[i] as number;
      if (c === SPACE || c === TAB || c === CR) {
        i++;
        continue;
      }
      if (c === LF) {
        line++;
        i++;
        continue;
      }
      switch (state) {
        case START:
          if (bomAt < 3 && offset + i === bomAt && c === UTF8_BOM[bomAt]) {
            bomAt++;
            i++;
            continue;
          }
          if (c !== LBRACKET) {
            throw new RegisterFileError(
              `not a JSON array: expected '[' at the start of the file, found ${describeByte(c)}. Is this a CSV file, or is it still compressed in another format than gzip?`,
              line,
            );
          }
          state = EXPECT_FIRST;
          i++;
          continue;
        case EXPECT_FIRST:
        case EXPECT_NEXT:
          if (c === LBRACE) {
            state = IN_RECORD;
            depth = 1;
            inString = false;
            escaped = false;
            recordLine = line;
            recordStart = i;
            i++;
            continue;
          }
          if (c === RBRACKET && state === EXPECT_FIRST) {
            state = DONE;
            i++;
            continue;
          }
          throw new RegisterFileError(
            state === EXPECT_FIRST
              ? `expected a record ('{') or the end of the array (']'), found ${describeByte(c)}`
              : `expected the next record ('{') after ',', found ${describeByte(c)}`,
            line,
          );
        case AFTER_RECORD:
          if (c === COMMA) {
            state = EXPECT_NEXT;
            i++;
            continue;
          }
          if (c === RBRACKET) {
            state = DONE;
            i++;
            continue;
          }
          throw new RegisterFileError(`unexpected ${describeByte(c)} between records (expected ',' or ']')`, line);
        case DONE:
          throw new RegisterFileError(`unexpected ${describeByte(c)} after the closing ']' of the array`, line);
      }
    }

    if (state === IN_RECORD) {
      // The record continues in the next chunk: keep its bytes so far.
      const part = buf.subarray(Math.max(recordStart, 0));
      piecesBytes += part.length;
      if (piecesBytes > maxRecordBytes) {
        throw new RegisterFileError(
          `the record starting here is larger than ${sizeText(maxRecordBytes)}: the file is probably not valid JSON`,
          recordLine,
        );
      }
      // Copy: the caller may reuse chunk memory (and a small part should not pin a big chunk).
      pieces.push(Buffer.from(part));
    }
    offset += n;
    if (out.length > 0) yield out;
  }

  switch (state) {
    case DONE:
      return;
    case START:
      throw new RegisterFileError("the file is empty: expected a JSON array", line);
    case IN_RECORD:
      throw new RegisterFileError(
        `the file ends inside the record starting at line ${recordLine}: the file is truncated (or a string is not closed)`,
        line,
      );
    default:
      throw new RegisterFileError("the file ends before the closing ']' of the array: the file is truncated", line);
  }
}

function parseRecord(text: string, line: number, broken: boolean): JsonArrayItem {
  try {
    const value: unknown = JSON.parse(text);
    if (!broken && value !== null && typeof value === "object" && !Array.isArray(value)) {
      return { line, value: value as Record<string, unknown> };
    }
    return { line, error: "malformed JSON: line break inside a string", orgnr: orgnrIn(text) };
  } catch (e) {
    return { line, error: `malformed JSON: ${jsonErrorDetail(e, text, line)}`, orgnr: orgnrIn(text) };
  }
}

/** JSON.parse's message with its character position turned into a file line. */
function jsonErrorDetail(e: unknown, text: string, line: number): string {
  const message = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(message);
  if (!m) return message;
  const pos = Number(m[1]);
  let at = line;
  for (let k = text.indexOf("\n"); k !== -1 && k < pos; k = text.indexOf("\n", k + 1)) at++;
  const short = message.replace(/\s*\(line \d+ column \d+\)/, "").replace(/, "[\s\S]*$/, "");
  return `${short.replace(/ in JSON at position \d+.*$/, "")} at line ${at}`;
}

function orgnrIn(text: string): string | null {
  return ORGNR_IN_TEXT.exec(text)?.[1] ?? null;
}
