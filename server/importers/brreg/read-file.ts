/**
 * Reads a Brreg bulk file (hovedenheter or underenheter; JSON array or CSV; gzip'ed or not) into
 * batches of normalised register rows, each batch also encoded as COPY CSV text for the loader.
 *
 *   const file = readRegisterFile("enheter.json.gz", { naceVersion: "SN2007" });
 *   for await (const batch of file) await writer.write(batch.csv);
 *   file.summary; // after the loop: kind, format, counts, latest data date
 *
 * Format is detected from the first non-space byte (`[` → JSON, otherwise CSV); kind from the
 * fields (beliggenhetsadresse or organisation form BEDR/AAFY → underenheter); the NACE version,
 * when not given, from which standard knows more of the first batch's industry codes.
 */
import { hash } from "node:crypto";
import type { Readable } from "node:stream";
import { encodeRowFields } from "../../../core/register/copy-row.js";
import { lookupNace, naceVersionForDate, UNSPECIFIED_NACE_CODE } from "../../../core/register/nace.js";
import type { NaceVersion, RecordProblem, RegisterKind, RegisterRow } from "../../../core/register/types.js";
import { CsvRecord, readCsvRecords } from "./csv-stream.js";
import { RegisterFileError } from "./errors.js";
import { openRegisterBytes } from "./input.js";
import { splitJsonArray } from "./json-array-stream.js";
import { dataDateOf, get, normalizeRecord, type SourceRecord, todayIso } from "./normalize.js";

export type RegisterFormat = "json" | "csv";

export interface ReadRegisterOptions {
  kind?: RegisterKind;
  format?: RegisterFormat;
  naceVersion?: NaceVersion;
  /** Records per batch (default 5 000). */
  batchSize?: number;
  /** YYYY-MM-DD: later register dates are ignored for the data date (default: today). */
  today?: string;
  /**
   * Read only every `count`-th block of `batchSize` records, starting with block `index` (several
   * readers sharing one file in parallel). Every reader still scans the whole file (lines, file
   * errors, `read`) and detects kind and standard from the first block; counts and problems are
   * its own part's. Duplicates across parts are for the caller to catch.
   */
  shard?: { index: number; count: number };
}

export interface RegisterBatch {
  /** The accepted rows of this batch. */
  rows: RegisterRow[];
  /** The rows as COPY CSV lines (FORMAT csv, REGISTER_ROW_COLUMNS order incl. row_hash), each ending in "\n". */
  csv: string;
  /** Rejected records (errors) and kept rows with a flag (warnings) in this batch. */
  problems: RecordProblem[];
  /** Records read so far in the file, this batch included (accepted + rejected): for progress. */
  read: number;
  /** The COPY lines of `rows` (without newlines; `csv` is them joined) and each row's file line. */
  lines: string[];
  rowLines: number[];
}

export interface RegisterFileSummary {
  kind: RegisterKind;
  format: RegisterFormat;
  compressed: boolean;
  naceVersion: NaceVersion;
  naceVersionSource: "option" | "detected";
  /** Records read (accepted + rejected). */
  read: number;
  /** Rows accepted. */
  rows: number;
  /** Records rejected (problems with severity error). */
  rejected: number;
  /** Warnings on accepted rows. */
  warnings: number;
  /** Problem counts by code, e.g. { unknown_nace_code: 12, duplicate_orgnr: 1 }. */
  problemCounts: Record<string, number>;
  /** The latest register date in the data (not after today): dates a snapshot by its content. */
  maxDataDate: string | null;
}

/** A record as read, before normalisation. */
type RawItem =
  | { line: number; value: SourceRecord; error?: undefined; skipped?: undefined }
  | { line: number; value?: undefined; error: string; orgnr: string | null; skipped?: undefined }
  | { line: number; value?: undefined; error?: undefined; skipped: true };

/** The row hash: base64 MD5 of the encoded fields (one-shot `crypto.hash`, about twice as fast as createHash). */
function hashFields(fields: string): string {
  return hash("md5", fields, "base64");
}

/** One row as a COPY CSV line (with its row_hash: base64 MD5 of the encoded fields), no newline. */
export function encodeCopyRow(row: RegisterRow): string {
  const fields = encodeRowFields(row);
  return `${fields},"${hashFields(fields)}"`;
}

/** The reader of one register file: iterate it for batches, then read `summary`. */
export interface RegisterFileReader extends AsyncIterable<RegisterBatch> {
  /** Set when the file has been read to the end. */
  readonly summary: RegisterFileSummary;
}

export function readRegisterFile(source: string | Readable, opts: ReadRegisterOptions = {}): RegisterFileReader {
  let summary: RegisterFileSummary | null = null;
  let started = false;
  return {
    get summary(): RegisterFileSummary {
      if (!summary) throw new Error("readRegisterFile: the summary is known only after the file has been read to the end");
      return summary;
    },
    [Symbol.asyncIterator]() {
      if (started) throw new Error("readRegisterFile: a register file can be iterated only once");
      started = true;
      return read(source, opts, (s) => {
        summary = s;
      });
    },
  };
}

async function* read(
  source: string | Readable,
  opts: ReadRegisterOptions,
  done: (s: RegisterFileSummary) => void,
): AsyncGenerator<RegisterBatch> {
  const batchSize = Math.max(1, opts.batchSize ?? 5000);
  const today = opts.today ?? todayIso();
  const detected = { compressed: false };
  const bytes = peekable(openRegisterBytes(source, detected));
  const firstChunk = await bytes.peekNonSpace();
  const format: RegisterFormat = opts.format ?? (firstChunk === 0x5b /* [ */ ? "json" : "csv");
  const shard = opts.shard && opts.shard.count > 1 ? opts.shard : null;
  // A record belongs to this reader when its block does; the first block is parsed by every reader
  // (kind and standard are detected from it).
  const ownRecord = (i: number) => !shard || Math.floor(i / batchSize) % shard.count === shard.index;
  const items: AsyncIterable<RawItem[]> =
    format === "json" ? splitJsonArray(bytes, { skip: shard ? (i) => i >= batchSize && !ownRecord(i) : undefined }) : readCsvRecords(bytes);
  let recordIndex = 0;

  let kind: RegisterKind | null = opts.kind ?? null;
  let naceVersion: NaceVersion | null = opts.naceVersion ?? null;
  const seen = new Set<number>();
  const problemCounts: Record<string, number> = {};
  let readCount = 0;
  let rowCount = 0;
  let rejected = 0;
  let warningCount = 0;
  let maxDataDate: string | null = null;

  let rows: RegisterRow[] = [];
  let lines: string[] = [];
  let rowLines: number[] = [];
  let problems: RecordProblem[] = [];
  let inBatch = 0;

  const note = (p: RecordProblem) => {
    problems.push(p);
    problemCounts[p.code] = (problemCounts[p.code] ?? 0) + 1;
    if (p.severity === "error") rejected++;
    else warningCount++;
  };

  const take = (item: RawItem, k: RegisterKind, version: NaceVersion) => {
    const own = ownRecord(recordIndex++);
    if (!own || item.skipped) {
      readCount++;
      return;
    }
    readCount++;
    inBatch++;
    if (item.error !== undefined) {
      note({
        line: item.line,
        orgnr: item.orgnr,
        severity: "error",
        code: format === "json" ? "malformed_json" : "wrong_field_count",
        message: item.error,
      });
      return;
    }
    const r = normalizeRecord(k, item.value, item.line, { naceVersion: version, today });
    if (r.problem) {
      note(r.problem);
      return;
    }
    const n = Number(r.row.orgnr);
    if (seen.has(n)) {
      note({
        line: item.line,
        orgnr: r.row.orgnr,
        severity: "error",
        code: "duplicate_orgnr",
        message: `organisasjonsnummer ${r.row.orgnr} occurs earlier in the file; this occurrence is skipped`,
      });
      return;
    }
    seen.add(n);
    for (const w of r.warnings) note(w);
    if (r.dataDate !== null && (maxDataDate === null || r.dataDate > maxDataDate)) maxDataDate = r.dataDate;
    rows.push(r.row);
    lines.push(encodeCopyRow(r.row));
    rowLines.push(item.line);
    rowCount++;
  };

  const flush = (): RegisterBatch => {
    const batch: RegisterBatch = {
      rows,
      csv: lines.length === 0 ? "" : `${lines.join("\n")}\n`,
      problems,
      read: readCount,
      lines,
      rowLines,
    };
    rows = [];
    lines = [];
    rowLines = [];
    problems = [];
    inBatch = 0;
    return batch;
  };

  let pending: RawItem[] | null = kind && naceVersion ? null : [];
  for await (const chunk of items) {
    if (pending) {
      for (const item of chunk) pending.push(item);
      if (pending.length < batchSize) continue;
      kind ??= detectKind(pending);
      naceVersion ??= detectNaceVersion(pending, today);
      const first = pending;
      pending = null;
      for (const item of first) {
        take(item, kind, naceVersion);
        if (inBatch >= batchSize) yield flush();
      }
      continue;
    }
    if (kind === null || naceVersion === null) throw new Error("kind and industry standard are detected from the first records");
    for (const item of chunk) {
      take(item, kind, naceVersion);
      if (inBatch >= batchSize) yield flush();
    }
  }
  if (pending) {
    kind ??= detectKind(pending);
    naceVersion ??= detectNaceVersion(pending, today);
    for (const item of pending) {
      take(item, kind, naceVersion);
      if (inBatch >= batchSize) yield flush();
    }
  }
  if (inBatch > 0) yield flush();

  done({
    kind: kind ?? opts.kind ?? "enheter",
    format,
    compressed: detected.compressed,
    naceVersion: naceVersion ?? opts.naceVersion ?? naceVersionForDate(today),
    naceVersionSource: opts.naceVersion ? "option" : "detected",
    read: readCount,
    rows: rowCount,
    rejected,
    warnings: warningCount,
    problemCounts,
    maxDataDate,
  });
}

const UNIT_FORMS = new Set(["BEDR", "AAFY"]);

/** Hovedenheter or underenheter, from the fields of the first records. */
export function detectKind(items: readonly RawItem[]): RegisterKind {
  let units = 0;
  let companies = 0;
  for (const item of items) {
    if (item.value === undefined) continue;
    const rec = item.value;
    if (rec instanceof CsvRecord) {
      // The header says it all.
      if (rec.columns.has("beliggenhetsadresse.kommunenummer") || rec.columns.has("oppstartsdato")) return "underenheter";
      if (rec.columns.has("forretningsadresse.kommunenummer") || rec.columns.has("stiftelsesdato")) return "enheter";
    }
    const form = get(rec, "organisasjonsform.kode");
    if (get(rec, "beliggenhetsadresse") !== undefined || (typeof form === "string" && UNIT_FORMS.has(form))) units++;
    else if (get(rec, "forretningsadresse") !== undefined || typeof form === "string") companies++;
  }
  if (units === 0 && companies === 0) {
    throw new RegisterFileError("cannot tell whether this is a file of hovedenheter or underenheter: give the kind explicitly", null);
  }
  return units > companies ? "underenheter" : "enheter";
}

/**
 * The NACE standard of the codes in the first records: the one that knows more of them; on a tie
 * (or no codes) the standard in force on the latest register date in those records.
 */
export function detectNaceVersion(items: readonly RawItem[], today: string): NaceVersion {
  let sn2007 = 0;
  let sn2025 = 0;
  let latest: string | null = null;
  for (const item of items) {
    if (item.value === undefined) continue;
    const code = get(item.value, "naeringskode1.kode");
    if (typeof code === "string" && code !== "" && code !== UNSPECIFIED_NACE_CODE) {
      if (lookupNace("SN2007", code)) sn2007++;
      if (lookupNace("SN2025", code)) sn2025++;
    }
    const d = dataDateOf(item.value, today);
    if (d !== null && (latest === null || d > latest)) latest = d;
  }
  if (sn2007 !== sn2025) return sn2007 > sn2025 ? "SN2007" : "SN2025";
  return naceVersionForDate(latest ?? today);
}

/** A byte stream whose first non-whitespace byte can be looked at before it is read. */
function peekable(source: AsyncGenerator<Buffer>): AsyncIterable<Buffer> & { peekNonSpace(): Promise<number | null> } {
  const buffered: Buffer[] = [];
  return {
    async peekNonSpace() {
      for (;;) {
        for (const b of buffered) {
          for (let i = 0; i < b.length; i++) {
            const c = b[i] as number;
            // whitespace and a UTF-8 BOM
            if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xef || c === 0xbb || c === 0xbf) continue;
            return c;
          }
        }
        const r = await source.next();
        if (r.done) return null;
        buffered.push(r.value);
      }
    },
    async *[Symbol.asyncIterator]() {
      for (let b = buffered.shift(); b !== undefined; b = buffered.shift()) yield b;
      yield* source;
    },
  };
}
