/**
 * The product's one CSV codec, made for what Norwegian Excel reads and writes ("CSV (semikolondelt)"):
 * `;` as separator, dates as dd.mm.yyyy, decimal comma. Export is UTF-8 with BOM and CRLF; import
 * accepts UTF-8 (with or without BOM) or Windows-1252, says which it detected, and refuses anything
 * else (UTF-16, binary, bytes Windows-1252 leaves undefined) with a line number.
 */

export type CsvEncoding = "utf-8" | "windows-1252";

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "CsvError";
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];
/** Bytes that Windows-1252 leaves undefined. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Detects the encoding and decodes; throws CsvError for anything but UTF-8 or Windows-1252. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding; bom: boolean } {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    throw new CsvError("the file is UTF-16; save it as CSV UTF-8 or CSV (semikolondelt)", 1);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new CsvError("the file contains NUL bytes: it is not a text file (or it is UTF-16)", lineOfOffset(bytes, nul));
  const bom = UTF8_BOM.every((b, i) => bytes[i] === b);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), encoding: "utf-8", bom };
  } catch {
    if (bom) {
      // A BOM promises UTF-8: point at the first invalid sequence.
      throw new CsvError("invalid UTF-8 after a UTF-8 byte order mark", lineOfOffset(body, firstInvalidUtf8(body)));
    }
  }
  for (const [i, b] of body.entries()) {
    if (CP1252_UNDEFINED.has(b)) throw new CsvError(`byte 0x${b.toString(16)} is neither UTF-8 nor Windows-1252`, lineOfOffset(body, i));
  }
  return { text: decodeWindows1252(body), encoding: "windows-1252", bom: false };
}

/** Windows-1252 bytes 0x80–0x9F (the rest is Latin-1). Node's TextDecoder treats the label as Latin-1. */
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest invalid prefix (an incomplete tail is also invalid).
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  return lo;
}

export interface CsvRecord {
  /** Line in the file where the record starts (1-based). */
  line: number;
  cells: string[];
}

/** Splits CSV text into records (RFC 4180 quoting; a quoted cell may span lines). */
export function parseCsvRecords(text: string, separator = ";"): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let cellStarted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
    } else if (c === separator) {
      cells.push(cell);
      cell = "";
      cellStarted = false;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      if (!(cells.length === 1 && cells[0] === "")) records.push({ line: recordLine, cells });
      cells = [];
      cell = "";
      cellStarted = false;
      line++;
      recordLine = line;
    } else {
      if (c === '"') throw new CsvError('a quote (") inside an unquoted cell; quote the whole cell', line);
      cell += c;
      cellStarted = true;
    }
  }
  if (quoted) throw new CsvError("a quoted cell is never closed", recordLine);
  cells.push(cell);
  if (!(cells.length === 1 && cells[0] === "")) records.push({ line: recordLine, cells });
  return records;
}

// ---------------------------------------------------------------------------------------------
// Typed columns

export type CsvType = "text" | "integer" | "decimal" | "date" | "boolean";

export interface CsvColumn<K extends string = string> {
  key: K;
  /** Header as exported; also accepted on import (case-insensitive). */
  header: string;
  type: CsvType;
  required?: boolean;
  /** Other headers accepted on import (e.g. a case system's own names). */
  aliases?: string[];
}

export type CsvValue = string | number | boolean | null;

export interface CsvRowError {
  line: number;
  column?: string;
  message: string;
}

export interface CsvTable<K extends string> {
  encoding: CsvEncoding;
  rows: { line: number; values: Record<K, CsvValue> }[];
  errors: CsvRowError[];
}

const norm = (s: string) => s.trim().toLocaleLowerCase("nb");

/** "1 234,5", "1234.5", "-3" → number; throws on anything else. */
export function parseNbNumber(raw: string): number {
  const s = raw.replace(/[\s\u00a0\u202f]/g, "").replace(/\u2212/g, "-");
  if (/^-?\d+(,\d+)?$/.test(s)) return Number(s.replace(",", "."));
  if (/^-?\d+\.\d+$/.test(s)) return Number(s);
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) return Number(s.replace(/\./g, "").replace(",", "."));
  throw new Error(`"${raw}" is not a number`);
}

/** "26.11.2026", "26.11.26" is refused, "2026-11-26" → "2026-11-26". */
export function parseNbDate(raw: string): string {
  const s = raw.trim();
  let y: number;
  let m: number;
  let d: number;
  const nb = s.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/);
  const iso = s.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (nb) [d, m, y] = [Number(nb[1]), Number(nb[2]), Number(nb[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else throw new Error(`"${raw}" is not a date (dd.mm.åååå)`);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw new Error(`"${raw}" is not a real date`);
  return date.toISOString().slice(0, 10);
}

const TRUE = new Set(["ja", "j", "x", "true", "1", "yes", "y"]);
const FALSE = new Set(["nei", "n", "", "false", "0", "no"]);

function parseCell(raw: string, type: CsvType): CsvValue {
  // Export protects cells against formula injection with a leading apostrophe; undo it.
  const text = /^'[=+\-@]/.test(raw) ? raw.slice(1) : raw;
  if (type === "text") return text.trim() === "" ? null : text.trim();
  if (text.trim() === "") return type === "boolean" ? false : null;
  switch (type) {
    case "integer": {
      const n = parseNbNumber(text);
      if (!Number.isInteger(n)) throw new Error(`"${raw}" is not a whole number`);
      return n;
    }
    case "decimal":
      return parseNbNumber(text);
    case "date":
      return parseNbDate(text);
    case "boolean": {
      const v = norm(text);
      if (TRUE.has(v)) return true;
      if (FALSE.has(v)) return false;
      throw new Error(`"${raw}" is not ja/nei`);
    }
  }
}

/**
 * Reads a CSV file into typed rows. The header row maps to columns by header or alias
 * (case-insensitive), or by an explicit `mapping` { key: "header in the file" }. Every bad cell is
 * reported with its line and column; callers import nothing when `errors` is not empty.
 */
export function readCsvTable<K extends string>(
  bytes: Uint8Array,
  columns: readonly CsvColumn<K>[],
  options: { mapping?: Partial<Record<K, string>> } = {},
): CsvTable<K> {
  const { text, encoding } = decodeCsv(bytes);
  const records = parseCsvRecords(text);
  const header = records[0];
  if (!header) throw new CsvError("the file is empty", 1);
  const headerIndex = new Map(header.cells.map((h, i) => [norm(h), i]));
  const index = new Map<K, number>();
  const errors: CsvRowError[] = [];
  for (const col of columns) {
    const mapped = options.mapping?.[col.key];
    const names = mapped ? [mapped] : [col.header, ...(col.aliases ?? [])];
    const found = names.map((n) => headerIndex.get(norm(n))).find((i) => i !== undefined);
    if (found !== undefined) index.set(col.key, found);
    else if (col.required) errors.push({ line: header.line, column: col.header, message: `missing column "${names[0]}"` });
  }
  if (errors.length > 0) return { encoding, rows: [], errors };
  const rows: CsvTable<K>["rows"] = [];
  for (const rec of records.slice(1)) {
    const values = {} as Record<K, CsvValue>;
    let ok = true;
    for (const col of columns) {
      const i = index.get(col.key);
      const raw = i === undefined ? "" : (rec.cells[i] ?? "");
      try {
        const v = parseCell(raw, col.type);
        if (col.required && (v === null || v === "")) throw new Error("required");
        values[col.key] = v;
      } catch (e) {
        ok = false;
        errors.push({ line: rec.line, column: col.header, message: e instanceof Error ? e.message : String(e) });
      }
    }
    if (ok) rows.push({ line: rec.line, values });
  }
  return { encoding, rows, errors };
}

function formatCell(value: CsvValue, type: CsvType): string {
  if (value === null || value === undefined) return "";
  let s: string;
  if (type === "date" && typeof value === "string") {
    const [y, m, d] = value.split("-");
    s = `${d}.${m}.${y}`;
  } else if (type === "boolean") {
    s = value ? "ja" : "nei";
  } else if (typeof value === "number") {
    s = String(value).replace(".", ",");
  } else {
    s = String(value);
    if (/^[=+\-@]/.test(s)) s = `'${s}`;
  }
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as UTF-8 with BOM, `;`-separated, CRLF, nb-NO dates and decimal comma. */
export function writeCsv<K extends string>(columns: readonly CsvColumn<K>[], rows: readonly Partial<Record<K, CsvValue>>[]): Buffer {
  const lines = [columns.map((c) => formatCell(c.header, "text")).join(";")];
  for (const row of rows) lines.push(columns.map((c) => formatCell(row[c.key] ?? null, c.type)).join(";"));
  return Buffer.concat([Buffer.from(UTF8_BOM), Buffer.from(`${lines.join("\r\n")}\r\n`, "utf8")]);
}
