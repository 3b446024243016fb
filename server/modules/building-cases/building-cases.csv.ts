import { z } from "zod";
import { type CaseFields, createCaseSchema } from "../../../core/api/building-cases.js";
import { APPLICATION_TYPE_LABELS, APPLICATION_TYPES, type ApplicationType } from "../../../core/building-cases/types.js";
import { checkApplicationDates } from "../../../core/building-cases/validate.js";
import { todayInOslo } from "../../../core/periods.js";
import {
  type CsvColumn,
  type CsvEncoding,
  type CsvRowError,
  type CsvValue,
  decodeCsv,
  parseCsvRecords,
  readCsvTable,
  writeCsv,
} from "../../lib/csv.js";
import type { StoredCase } from "./building-cases.load.js";

/**
 * The case-system CSV format (see docs/building-cases.md): one row per application, `;`-separated,
 * dates dd.mm.åååå, ja/nei. Stops are repeated column groups: "Stopp fra", "Stopp til",
 * "Stoppgrunn", then "Stopp fra 2", "Stopp til 2", "Stoppgrunn 2" and so on.
 */
const FIXED = [
  { key: "caseId", header: "Saksnummer", type: "text", required: true, aliases: ["Saksnr", "Sak"] },
  { key: "applicationId", header: "SøknadsID", type: "text", required: true, aliases: ["Søknads-ID", "Søknad", "Journalpost"] },
  { key: "applicationType", header: "Søknadstype", type: "text", required: true, aliases: ["Type"] },
  { key: "commercial", header: "Næringsbygg", type: "boolean", required: true },
  { key: "buildingKind", header: "Bygningstype", type: "text" },
  { key: "address", header: "Adresse", type: "text" },
  { key: "receivedDate", header: "Mottatt", type: "date", required: true, aliases: ["Mottatt dato"] },
  { key: "completeDate", header: "Komplett", type: "date", aliases: ["Komplett dato", "Komplett søknad"] },
  { key: "decisionDate", header: "Vedtak", type: "date", aliases: ["Vedtaksdato", "Vedtak dato"] },
  { key: "neighbourObjections", header: "Nabomerknader", type: "boolean" },
  { key: "dispensationNeeded", header: "Dispensasjon", type: "boolean" },
  { key: "otherAuthorities", header: "Andre myndigheter", type: "boolean" },
] as const satisfies readonly CsvColumn[];
const STOP_PARTS = [
  { key: "stopFrom", header: "Stopp fra", type: "date" },
  { key: "stopTo", header: "Stopp til", type: "date" },
  { key: "stopReason", header: "Stoppgrunn", type: "text" },
] as const;
type StopPart = (typeof STOP_PARTS)[number]["key"];
const MAX_STOP_GROUPS = 50;

export const importMappingSchema = z
  .object({
    columns: z.partialRecord(z.enum([...FIXED.map((c) => c.key), ...STOP_PARTS.map((p) => p.key)]), z.string().min(1)),
    types: z.record(z.string().min(1), z.enum(APPLICATION_TYPES)),
  })
  .partial()
  .strict();
export type ImportMapping = z.infer<typeof importMappingSchema>;

const norm = (s: string) => s.toLocaleLowerCase("nb").replace(/[^a-z0-9æøå]/g, "");
const TYPE_ALIASES: Record<ApplicationType, string[]> = {
  ett_trinn: ["Ett trinn", "Søknad om tillatelse i ett trinn", "Ettrinnssøknad", "Ett-trinnssøknad"],
  rammetillatelse: ["Rammesøknad", "Søknad om rammetillatelse"],
  igangsettingstillatelse: ["Søknad om igangsettingstillatelse", "IG"],
  endringssoknad: ["Endring av tillatelse", "Søknad om endring av tillatelse", "Søknad om endring av gitt tillatelse"],
  dispensasjon: ["Søknad om dispensasjon", "Dispensasjonssøknad"],
  midlertidig_brukstillatelse: ["Søknad om midlertidig brukstillatelse", "MB"],
  ferdigattest: ["Søknad om ferdigattest", "FA"],
  tiltak_uten_ansvarsrett: ["Søknad om tiltak uten ansvarsrett", "Uten ansvarsrett"],
  annet: ["Andre"],
};
const TYPE_BY_LABEL = new Map<string, ApplicationType>(
  APPLICATION_TYPES.flatMap((t) => [t, APPLICATION_TYPE_LABELS[t], ...TYPE_ALIASES[t]].map((l) => [norm(l), t] as const)),
);

/** The application type for a label in the file: the mapping's own labels first, then the built-in ones. */
export function parseApplicationType(label: string, custom: Record<string, ApplicationType> = {}): ApplicationType | null {
  for (const [k, v] of Object.entries(custom)) if (norm(k) === norm(label)) return v;
  return TYPE_BY_LABEL.get(norm(label)) ?? null;
}

const stopHeader = (base: string, n: number) => (n === 1 ? base : `${base} ${n}`);
const stopKey = (part: StopPart, n: number) => `${part}${n}`;

function stopColumns(groups: number, mapping: ImportMapping["columns"] = {}): CsvColumn[] {
  const out: CsvColumn[] = [];
  for (let n = 1; n <= groups; n++)
    for (const p of STOP_PARTS) out.push({ key: stopKey(p.key, n), header: stopHeader(mapping[p.key] ?? p.header, n), type: p.type });
  return out;
}

export interface ParsedRow {
  line: number;
  fields: CaseFields;
}
export interface ParsedFile {
  encoding: CsvEncoding;
  rows: ParsedRow[];
  errors: CsvRowError[];
}

/** The header a field is reported under: the file's own (mapped) name, or the stop group's column. */
function columnOf(field: string, stopGroups: readonly number[], mapping: ImportMapping["columns"] = {}): string {
  // "stops.<index>.<field>" (index among the row's stops) or "group.<n>.<field>" (the n-th column group).
  const stop = field.match(/^(stops|group)\.(\d+)\.(\w+)$/);
  if (stop) {
    const part = stop[3] === "fromDate" ? STOP_PARTS[0] : stop[3] === "toDate" ? STOP_PARTS[1] : STOP_PARTS[2];
    const group = stop[1] === "group" ? Number(stop[2]) : (stopGroups[Number(stop[2])] ?? 1);
    return stopHeader(mapping[part.key] ?? part.header, group);
  }
  const col = FIXED.find((c) => c.key === field);
  return col ? (mapping[col.key] ?? col.header) : field;
}

function rowToFields(v: (key: string) => CsvValue, groups: number, types: ImportMapping["types"]) {
  const text = (k: string) => {
    const x = v(k);
    return x === null ? null : String(x);
  };
  const problems: { field: string; message: string }[] = [];
  const type = parseApplicationType(text("applicationType") ?? "", types);
  if (!type) problems.push({ field: "applicationType", message: `unknown application type "${text("applicationType")}"` });
  const stops: CaseFields["stops"] = [];
  const stopGroups: number[] = [];
  for (let n = 1; n <= groups; n++) {
    const [fromDate = null, toDate = null, reason = null] = STOP_PARTS.map((p) => text(stopKey(p.key, n)));
    if (fromDate === null && toDate === null && reason === null) continue;
    if (fromDate === null) {
      problems.push({ field: `group.${n}.fromDate`, message: "a stop needs a start date" });
      continue;
    }
    stops.push({ fromDate, toDate, reason });
    stopGroups.push(n);
  }
  const fields: CaseFields = {
    caseId: text("caseId") ?? "",
    applicationId: text("applicationId") ?? "",
    applicationType: type ?? "annet",
    commercial: v("commercial") === true,
    buildingKind: text("buildingKind"),
    address: text("address"),
    receivedDate: text("receivedDate") ?? "",
    completeDate: text("completeDate"),
    decisionDate: text("decisionDate"),
    neighbourObjections: v("neighbourObjections") === true,
    dispensationNeeded: v("dispensationNeeded") === true,
    otherAuthorities: v("otherAuthorities") === true,
    stops,
  };
  // The same rules as the API: lengths and formats (zod), then the dates against each other.
  const parsed = createCaseSchema.safeParse(fields);
  if (!parsed.success) for (const i of parsed.error.issues) problems.push({ field: i.path.map(String).join("."), message: i.message });
  if (problems.length === 0) problems.push(...checkApplicationDates(fields, todayInOslo()));
  return { fields, problems, stopGroups };
}

/** Reads the file into case fields; every problem is reported with its line and column, nothing is dropped silently. */
export function parseCaseCsv(bytes: Uint8Array, mapping: ImportMapping = {}): ParsedFile {
  // The stop groups present decide the columns, so the header is read first (the codec decodes again).
  const header = parseCsvRecords(decodeCsv(bytes).text)[0]?.cells.map(norm) ?? [];
  const fromBase = mapping.columns?.stopFrom ?? STOP_PARTS[0].header;
  let groups = 0;
  for (let n = 1; n <= MAX_STOP_GROUPS; n++) if (header.includes(norm(stopHeader(fromBase, n)))) groups = n;
  // A mapped column is looked up (and reported) by the file's own header.
  const fixed: CsvColumn[] = FIXED.map((c) => {
    const mapped = mapping.columns?.[c.key];
    return mapped ? { ...c, header: mapped, aliases: [] } : c;
  });
  const table = readCsvTable(bytes, [...fixed, ...stopColumns(groups, mapping.columns)]);
  const errors = [...table.errors];
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const { fields, problems, stopGroups } = rowToFields((k) => values[k] ?? null, groups, mapping.types);
    const key = `${fields.caseId}\u0000${fields.applicationId}`;
    const first = seen.get(key);
    if (first !== undefined) problems.push({ field: "applicationId", message: `the same application as on line ${first}` });
    else seen.set(key, line);
    for (const p of problems) errors.push({ line, column: columnOf(p.field, stopGroups, mapping.columns), message: p.message });
    if (problems.length === 0) rows.push({ line, fields });
  }
  errors.sort((a, b) => a.line - b.line);
  return { encoding: table.encoding, rows, errors };
}

/** The cases as a CSV file in the import format (UTF-8 with BOM); as many stop groups as the case with most stops needs. */
export function casesToCsv(cases: readonly StoredCase[]): Buffer {
  const groups = Math.max(1, ...cases.map((c) => c.stops.length));
  const columns: CsvColumn[] = [...FIXED, ...stopColumns(groups)];
  const rows = cases.map((c) => {
    const row: Record<string, CsvValue> = {
      caseId: c.caseId,
      applicationId: c.applicationId,
      applicationType: APPLICATION_TYPE_LABELS[c.applicationType],
      commercial: c.commercial,
      buildingKind: c.buildingKind,
      address: c.address,
      receivedDate: c.receivedDate,
      completeDate: c.completeDate,
      decisionDate: c.decisionDate,
      neighbourObjections: c.neighbourObjections,
      dispensationNeeded: c.dispensationNeeded,
      otherAuthorities: c.otherAuthorities,
    };
    c.stops.forEach((s, i) => {
      row[stopKey("stopFrom", i + 1)] = s.fromDate;
      row[stopKey("stopTo", i + 1)] = s.toDate;
      row[stopKey("stopReason", i + 1)] = s.reason;
    });
    return row;
  });
  return writeCsv(columns, rows);
}
