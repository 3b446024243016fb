/**
 * Streaming RFC 4180 CSV reader (comma-separated, `"`-quoted fields with embedded commas, quotes and
 * line breaks; CRLF or LF) for Brreg's CSV bulk files. The first row is the header; each record is a
 * flat object keyed by the header names (Brreg's dotted names, e.g. `forretningsadresse.kommunenummer`).
 *
 * Text must be UTF-8 (a leading BOM is allowed). Bytes are decoded with a fatal TextDecoder, whole
 * lines at a time, so invalid UTF-8 (a Windows-1252 export, say) is a {@link RegisterFileError} that
 * names its line. A row with the wrong number of fields is yielded as an error with its line and
 * reading goes on.
 */
import { RegisterFileError, sizeText } from "./errors.js";

/** The columns of a CSV file: header names and their positions. */
export class CsvColumns {
  readonly names: readonly string[];
  private readonly index: Map<string, number>;

  constructor(names: readonly string[]) {
    this.names = names;
    this.index = new Map(names.map((name, i) => [name, i]));
  }

  has(name: string): boolean {
    return this.index.has(name);
  }

  indexOf(name: string): number {
    return this.index.get(name) ?? -1;
  }
}

/**
 * One CSV record: a flat map keyed by the (dotted) header names. Backed by the field array and the
 * shared column index, so a million records do not each build a 40-key object.
 */
export class CsvRecord {
  readonly columns: CsvColumns;
  readonly fields: readonly string[];

  constructor(columns: CsvColumns, fields: readonly string[]) {
    this.columns = columns;
    this.fields = fields;
  }

  /** The field under header `name` (empty string when empty), or undefined when there is no such column. */
  get(name: string): string | undefined {
    const i = this.columns.indexOf(name);
    return i === -1 ? undefined : this.fields[i];
  }

  toObject(): Record<string, string> {
    const out: Record<string, string> = {};
    this.columns.names.forEach((name, i) => {
      out[name] = this.fields[i] as string;
    });
    return out;
  }
}

export type CsvItem =
  | { line: number; value: CsvRecord; error?: undefined }
  | { line: number; value?: undefined; error: string; orgnr: string | null };

export interface CsvStreamOptions {
  /** A single record larger than this is a file error (default 16 MiB). */
  maxRecordBytes?: number;
}

const LF = 0x0a;

/** Reads the header and yields the records of each input chunk as one array. */
export async function* readCsvRecords(chunks: AsyncIterable<Uint8Array>, options: CsvStreamOptions = {}): AsyncGenerator<CsvItem[]> {
  const maxRecordBytes = options.maxRecordBytes ?? 16 * 1024 * 1024;
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let carryBytes: Buffer | null = null; // bytes after the last line feed of the previous chunk
  let text = ""; // decoded text not yet consumed (starts at a record boundary)
  let line = 1; // line of the first character of `text`
  let header: CsvColumns | null = null;
  let first = true;

  const source = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array>;
    try {
      next = await source.next();
    } catch (e) {
      throw e instanceof RegisterFileError ? e.at(line + countLines(text)) : e;
    }
    const done = next.done === true;
    let bytes: Buffer;
    if (done) {
      if (carryBytes === null && text === "") break;
      bytes = carryBytes ?? Buffer.alloc(0);
      carryBytes = null;
    } else {
      const chunk = next.value;
      const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      bytes = carryBytes ? Buffer.concat([carryBytes, b]) : b;
      carryBytes = null;
      if (first && bytes.length < 3 && !done) {
        carryBytes = Buffer.from(bytes);
        continue;
      }
    }
    if (first) {
      first = false;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    // Decode whole lines only (a line feed never sits inside a multi-byte UTF-8 sequence).
    let cut = bytes.length;
    if (!done) {
      const lastLf = bytes.lastIndexOf(LF);
      cut = lastLf + 1;
      if (cut < bytes.length) carryBytes = Buffer.from(bytes.subarray(cut));
      if (carryBytes && carryBytes.length + text.length > maxRecordBytes) {
        throw new RegisterFileError(
          `a line longer than ${sizeText(maxRecordBytes)}: this does not look like a CSV file`,
          line + countLines(text),
        );
      }
    }
    if (cut > 0) {
      let decoded: string;
      try {
        decoded = decoder.decode(bytes.subarray(0, cut));
      } catch {
        throw new RegisterFileError(
          "the file is not valid UTF-8 (is it a Windows-1252/Latin-1 export?): save it as UTF-8",
          line + countLines(text) + firstBadLine(bytes.subarray(0, cut)),
        );
      }
      text = text.length > 0 ? text + decoded : decoded;
    }

    const out: CsvItem[] = [];
    let pos = 0;
    const n = text.length;
    let nextQuote = text.indexOf('"'); // cached: -1 = no quote in the rest of the text
    while (pos < n) {
      // Blank lines are skipped.
      const c0 = text.charCodeAt(pos);
      if (c0 === 10) {
        pos++;
        line++;
        continue;
      }
      if (c0 === 13 && text.charCodeAt(pos + 1) === 10) {
        pos += 2;
        line++;
        continue;
      }
      let fields: string[];
      let end: number; // index after the record's line feed
      let lines: number;
      const nl = text.indexOf("\n", pos);
      if (nl === -1 && !done) break; // incomplete record: wait for more text
      const lineEnd = nl === -1 ? n : nl;
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = text.indexOf('"', pos);
      if (nextQuote === -1 || nextQuote >= lineEnd) {
        // Fast path: no quotes on this line.
        const stop = lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
        fields = text.slice(pos, stop).split(",");
        end = nl === -1 ? n : nl + 1;
        lines = 1;
      } else {
        const parsed = parseQuotedRecord(text, pos, done);
        if (parsed === null) {
          if (done) {
            throw new RegisterFileError(
              `the file ends inside a quoted field of the record starting at line ${line}: the file is truncated or a quote is not closed`,
              line + countLines(text.slice(pos)),
            );
          }
          break;
        }
        fields = parsed.fields;
        end = parsed.end;
        lines = parsed.lines;
      }
      const recordLine = line;
      line += lines;
      pos = end;
      if (header === null) {
        header = new CsvColumns(fields.map((f) => f.trim()));
        if (header.names.length < 2) {
          throw new RegisterFileError("expected a comma-separated header row (e.g. organisasjonsnummer,navn,…)", recordLine);
        }
        continue;
      }
      if (fields.length !== header.names.length) {
        out.push({
          line: recordLine,
          error: `expected ${header.names.length} fields (as in the header), found ${fields.length}`,
          orgnr: /^\d{9}$/.test(fields[0] ?? "") ? (fields[0] as string) : null,
        });
        continue;
      }
      out.push({ line: recordLine, value: new CsvRecord(header, fields) });
    }
    text = pos < n ? text.slice(pos) : "";
    if (text.length > maxRecordBytes) {
      throw new RegisterFileError(`a record longer than ${sizeText(maxRecordBytes)} (a quote that is never closed?)`, line);
    }
    if (out.length > 0) yield out;
    if (done) break;
  }
  if (header === null) throw new RegisterFileError("the file is empty: expected a CSV header row", 1);
}

/**
 * Parses one record that contains quotes, starting at `pos`. Returns null when the text ends
 * before the record does (and more text may come).
 */
function parseQuotedRecord(text: string, pos: number, atEnd: boolean): { fields: string[]; end: number; lines: number } | null {
  const fields: string[] = [];
  const n = text.length;
  let i = pos;
  let lines = 1;
  for (;;) {
    // Start of a field.
    if (i < n && text.charCodeAt(i) === 34) {
      let value = "";
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return null; // quoted field continues beyond the text
        if (text.charCodeAt(q + 1) === 34) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        if (q + 1 >= n && !atEnd) return null; // cannot tell yet whether this is "" or the end
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      for (let k = value.indexOf("\n"); k !== -1; k = value.indexOf("\n", k + 1)) lines++;
      // Lenient: text after the closing quote up to the delimiter is kept.
      const stop = nextDelimiter(text, i);
      if (stop === -1 && !atEnd) return null;
      const rest = stop === -1 ? n : stop;
      if (rest > i) value += stripCr(text.slice(i, rest));
      fields.push(value);
      i = rest;
    } else {
      const stop = nextDelimiter(text, i);
      if (stop === -1 && !atEnd) return null;
      const rest = stop === -1 ? n : stop;
      fields.push(stripCr(text.slice(i, rest)));
      i = rest;
    }
    if (i >= n) return { fields, end: n, lines };
    if (text.charCodeAt(i) === 10) return { fields, end: i + 1, lines };
    i++; // comma
  }
}

/** Index of the next comma or line feed at or after `i`, or -1. */
function nextDelimiter(text: string, i: number): number {
  const comma = text.indexOf(",", i);
  const nl = text.indexOf("\n", i);
  if (comma === -1) return nl;
  if (nl === -1) return comma;
  return Math.min(comma, nl);
}

function stripCr(s: string): string {
  return s.length > 0 && s.charCodeAt(s.length - 1) === 13 ? s.slice(0, -1) : s;
}

function countLines(text: string): number {
  let n = 0;
  for (let k = text.indexOf("\n"); k !== -1; k = text.indexOf("\n", k + 1)) n++;
  return n;
}

/** 0-based index of the first line of `bytes` that is not valid UTF-8. */
function firstBadLine(bytes: Buffer): number {
  const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  let start = 0;
  let index = 0;
  while (start < bytes.length) {
    const lf = bytes.indexOf(LF, start);
    const end = lf === -1 ? bytes.length : lf + 1;
    try {
      strict.decode(bytes.subarray(start, end));
    } catch {
      return index;
    }
    index++;
    start = end;
  }
  return index;
}
