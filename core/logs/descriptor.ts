/**
 * A log described once. A descriptor is plain data (no zod, no database), so the server, the CSV
 * codec, the indicator feed, the privacy purge and the web app's list, form and page all read the
 * same description:
 *
 * - fields: type, bounds, whether optional, their CSV header (import = export) and i18n label;
 * - the natural key a CSV row without an id is matched by (core/logs/import-plan.ts);
 * - the indicators it feeds (a sum or a count per day or per school year, optionally filtered);
 * - who may write; which fields are personal and when they are purged.
 *
 * The zod schemas and the API contract routes follow from it in core/logs/log-schemas.ts; the
 * server binds it to a table in server/modules/logs. Special behaviour (PBL deadlines, offers,
 * welcomes, geometry, per-log totals) plugs in beside a descriptor, never inside it.
 */
import type { Labels } from "./labels.js";

export type LogRole = "admin" | "editor";

interface FieldBase {
  /** i18n key of the field's label (web form and table). */
  label: string;
  /** Column header in the CSV (bokmål) and the other headers import accepts. */
  csv: { header: string; aliases?: readonly string[] };
  /** May be left empty (null); required unless said. */
  optional?: boolean;
}

export type LogField =
  | (FieldBase & { type: "text"; max?: number })
  | (FieldBase & { type: "integer"; min?: number; max?: number })
  | (FieldBase & { type: "date" })
  | (FieldBase & { type: "schoolYear" })
  | (FieldBase & { type: "orgnr" })
  | (FieldBase & {
      type: "enum";
      /** Codes in display order. */
      values: readonly string[];
      /** CSV labels per code; the first is what export writes (core/logs/labels.ts). */
      labels: Labels<string>;
      /** i18n key prefix of the option labels: `${options}.${code}`. */
      options: string;
    });

export type LogFieldType = LogField["type"];

/** A value of a log field as the API and the database hold it. */
export type LogValue = string | number | null;
export type LogValues = Record<string, LogValue>;

/** An indicator fed by the log: per day (a date field) or per school year, summing a field or counting rows. */
export interface LogIndicatorRule {
  key: string;
  /** The field that dates a row: a "date" field (daily series) or a "schoolYear" field. */
  by: string;
  /** An integer field to sum; rows are counted when omitted. */
  sum?: string;
  /** Only rows whose field has one of these values. */
  where?: Readonly<Record<string, readonly string[]>>;
  /** Provenance shown with every value, e.g. "Næringskompass: skole og næringsliv". */
  source: string;
}

export interface LogPrivacy {
  /** Fields that are (or may be) personal data; never in public aggregates. */
  personal: readonly string[];
  /** Personal fields are emptied this many days after the row's date field (`by`). */
  purgeAfterDays?: number;
  by?: string;
}

export interface LogDescriptor {
  /** Stable key, also the web route and the import batch kind, e.g. "school-business". */
  key: string;
  /** API base path, e.g. "/api/school-business". */
  path: string;
  /** Web path under /logger, e.g. "skole-og-naeringsliv". */
  webPath: string;
  /** OpenAPI tag. */
  tag: string;
  /** Audit entity type and action prefix, e.g. "school_business_entry". */
  entity: string;
  /** import_batches.kind. */
  importKind: string;
  /** What a row is, for messages and OpenAPI summaries ("School and business entry"). */
  noun: string;
  /** Download name of the CSV export. */
  fileName: string;
  /** i18n key prefix of the log's texts: `${i18n}.title`, `${i18n}.lead`, `${i18n}.new` … */
  i18n: string;
  fields: Readonly<Record<string, LogField>>;
  /** Fields (in order) that identify a row when a CSV line has no id. */
  naturalKey: readonly string[];
  /** Fields the list is sorted by (then the id). */
  order: readonly string[];
  /** Fields the list and the export can be filtered by (`?field=value`). */
  filters: readonly string[];
  indicators: readonly LogIndicatorRule[];
  /** Roles that may write (create, edit, delete, import); any signed-in user may read. */
  write: readonly LogRole[];
  privacy: LogPrivacy;
}

type FieldValue<F> = F extends { type: "integer" } ? number : F extends { type: "enum"; values: readonly (infer V)[] } ? V : string;
/** Nullable when the field is optional (or, for a descriptor not known literally, may be). */
type Maybe<F, T> = "optional" extends keyof F ? (F extends { optional: false } ? T : T | null) : T;
type Fields<D extends LogDescriptor> = D["fields"];

/** A row's field values, typed from the descriptor (integers are numbers, enums their codes, optional fields nullable). */
export type ValuesOf<D extends LogDescriptor> = { -readonly [K in keyof Fields<D>]: Maybe<Fields<D>[K], FieldValue<Fields<D>[K]>> };
type RequiredKeys<D extends LogDescriptor> = { [K in keyof Fields<D>]: null extends ValuesOf<D>[K] ? never : K }[keyof Fields<D>];
type OptionalKeys<D extends LogDescriptor> = Exclude<keyof Fields<D>, RequiredKeys<D>>;
/** What a create accepts: the required fields, and the optional ones or not. */
export type CreateOf<D extends LogDescriptor> = { [K in RequiredKeys<D>]: ValuesOf<D>[K] } & { [K in OptionalKeys<D>]?: ValuesOf<D>[K] };
/** What an update accepts: any of the fields. */
export type UpdateOf<D extends LogDescriptor> = Partial<ValuesOf<D>>;
/** A row as the API answers it. */
export type ViewOf<D extends LogDescriptor> = { id: string } & ValuesOf<D> & {
    batchId: string | null;
    createdAt: string;
    updatedAt: string;
  };
/** The list's filters. */
export type QueryOf<D extends LogDescriptor> = Partial<Pick<ValuesOf<D>, Extract<D["filters"][number], keyof Fields<D>>>>;

/** Declares a descriptor; returns it unchanged with its literal types kept. */
export function defineLog<const D extends LogDescriptor>(d: D): D {
  return d;
}

/** The field names of a descriptor, in declaration order. */
export function fieldNames(d: LogDescriptor): string[] {
  return Object.keys(d.fields);
}

const norm = (v: LogValue): string => (v === null ? "" : String(v).trim().toLocaleLowerCase("nb"));

/** The natural key of a row's values (case- and space-insensitive for text). */
export function naturalKeyOf(d: LogDescriptor, v: LogValues): string {
  return d.naturalKey.map((f) => norm(v[f] ?? null)).join("|");
}

/** The indicator keys a log feeds. */
export function indicatorKeysOf(d: LogDescriptor): string[] {
  return d.indicators.map((i) => i.key);
}

/**
 * Checks a descriptor's internal references (natural key, order, filters, indicator rules and
 * privacy name real fields of the right type); returns the problems, empty when it is sound.
 */
export function descriptorProblems(d: LogDescriptor): string[] {
  const out: string[] = [];
  const has = (f: string) => f in d.fields;
  for (const [what, list] of [
    ["naturalKey", d.naturalKey],
    ["order", d.order],
    ["filters", d.filters],
    ["privacy.personal", d.privacy.personal],
  ] as const)
    for (const f of list) if (!has(f)) out.push(`${what}: no field "${f}"`);
  for (const r of d.indicators) {
    const by = d.fields[r.by];
    if (!by || (by.type !== "date" && by.type !== "schoolYear")) out.push(`${r.key}: "${r.by}" is not a date or school-year field`);
    if (r.sum !== undefined && d.fields[r.sum]?.type !== "integer") out.push(`${r.key}: "${r.sum}" is not an integer field`);
    for (const [f, values] of Object.entries(r.where ?? {})) {
      const field = d.fields[f];
      if (field?.type !== "enum") out.push(`${r.key}: "${f}" is not an enum field`);
      else for (const v of values) if (!field.values.includes(v)) out.push(`${r.key}: "${v}" is not a value of "${f}"`);
    }
  }
  const headers = Object.values(d.fields).map((f) => f.csv.header.toLocaleLowerCase("nb"));
  if (new Set(headers).size !== headers.length) out.push("two fields share a CSV header");
  return out;
}
