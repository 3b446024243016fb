/**
 * Pure parsers for the reference files in data/register/ (file text in, plain data out; no I/O).
 * The server reads the files (server/modules/register/reference-data.ts); the generator
 * (scripts/generate-register-reference.ts) turns the parsed data into core/register/generated/*.ts so
 * the rules in core work without I/O, and core/register/generated.test.ts checks that the generated
 * modules still equal what these parsers read from the files.
 */

/** One row of nace/sn2007_codes.csv or nace/sn2025_codes.csv (Klass classification 6). */
export interface NaceCodeRow {
  code: string;
  parentCode: string;
  level: number;
  name: string;
}

/** One `codeChanges` entry of Klass 131 `/changes`. */
export interface MunicipalityChange {
  oldCode: string;
  oldName: string;
  newCode: string;
  newName: string;
  /** YYYY-MM-DD, the day the new code took effect. */
  changeOccurred: string;
}

/** One code of Klass 131 `/codesAt` (the official name, with Sami/Kven forms: "Oslo - Oslove"). */
export interface MunicipalityCodeRow {
  code: string;
  name: string;
}

/** RFC 4180 CSV (comma, double quotes, CRLF or LF) → rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A Klass classification-6 code list (header code,parentCode,level,name,shortName). */
export function parseNaceCodesCsv(text: string): NaceCodeRow[] {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`NACE code list: column ${name} missing`);
    return i;
  };
  const [ci, pi, li, ni] = [col("code"), col("parentCode"), col("level"), col("name")];
  return rows
    .filter((r) => r.length > 1)
    .map((r) => ({ code: r[ci] ?? "", parentCode: r[pi] ?? "", level: Number(r[li]), name: r[ni] ?? "" }));
}

/** Klass 131 `/changes` JSON (`{ codeChanges: [...] }`). */
export function parseMunicipalityChanges(text: string): MunicipalityChange[] {
  const json = JSON.parse(text) as { codeChanges?: unknown };
  if (!Array.isArray(json.codeChanges)) throw new Error("Klass 131 changes: codeChanges missing");
  return json.codeChanges.map((c: Record<string, unknown>) => ({
    oldCode: String(c.oldCode),
    oldName: String(c.oldName ?? ""),
    newCode: String(c.newCode),
    newName: String(c.newName ?? ""),
    changeOccurred: String(c.changeOccurred),
  }));
}

/** Klass 131 `/codesAt` JSON (`{ codes: [...] }`), without 9999 Uoppgitt. */
export function parseMunicipalityCodes(text: string): MunicipalityCodeRow[] {
  const json = JSON.parse(text) as { codes?: unknown };
  if (!Array.isArray(json.codes)) throw new Error("Klass 131 codesAt: codes missing");
  return json.codes.map((c: Record<string, unknown>) => ({ code: String(c.code), name: String(c.name) })).filter((c) => c.code !== "9999");
}

/** One row of kis/eurostat_htec_kis_nace_rev2_divisions.csv. */
export interface KisDivisionRow {
  division: string;
  sn2007Section: string;
  domain: string;
  group: string;
  isKis: boolean;
}

export function parseKisCsv(text: string): KisDivisionRow[] {
  const [header, ...rows] = parseCsv(text);
  const col = (name: string) => {
    const i = header?.indexOf(name) ?? -1;
    if (i < 0) throw new Error(`KIS table: column ${name} missing`);
    return i;
  };
  const [di, si, dom, gi, ki] = [
    col("nace2_division"),
    col("sn2007_section"),
    col("eurostat_domain"),
    col("eurostat_group_code"),
    col("is_kis"),
  ];
  return rows
    .filter((r) => r.length > 1)
    .map((r) => ({
      division: r[di] ?? "",
      sn2007Section: r[si] ?? "",
      domain: r[dom] ?? "",
      group: r[gi] || "not_classified",
      isKis: r[ki] === "true",
    }));
}
