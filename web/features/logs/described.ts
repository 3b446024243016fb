/**
 * The web side of a described log (core/logs/descriptor.ts): its entry form (fields, client-side
 * checks, request body) and its table columns, derived from the same descriptor the server uses.
 * The server has the last word on validation; its `details` are shown at the field they name.
 */
import type { LogDescriptor, LogField, LogValue } from "../../../core/logs/descriptor.js";
import { isValidOrgnr, normalizeOrgnr } from "../../../core/logs/orgnr.js";
import { normalizeSchoolYear } from "../../../core/logs/school-year.js";
import { isIsoDate } from "../../../core/periods.js";
import type { Draft, DraftErrors, EntryKind, FieldDef } from "./entries.js";

const INTEGER = /^\d+$/;

function integerOf(raw: string): number | null {
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, "");
  return INTEGER.test(s) ? Number(s) : null;
}

function fieldDef(name: string, f: LogField): FieldDef {
  const base = { name, label: f.label };
  switch (f.type) {
    case "enum":
      return { ...base, type: "select", options: f.values.map((v) => ({ value: v, label: `${f.options}.${v}` })) };
    case "integer":
      return { ...base, type: "integer", short: true };
    case "date":
      return { ...base, type: "date", short: true };
    case "schoolYear":
    case "orgnr":
      return { ...base, type: "text", short: true };
    case "text":
      return { ...base, type: "text" };
  }
}

/** The i18n key of what is wrong with a draft value, or null. */
function fieldError(f: LogField, raw: string): string | null {
  const v = raw.trim();
  if (!v) {
    if (f.optional) return null;
    if (f.type === "integer") return "entry.errors.countRequired";
    if (f.type === "schoolYear") return "entry.errors.schoolYearRequired";
    if (f.type === "date") return "entry.errors.dateRequired";
    return f.type === "enum" ? "entry.errors.choose" : "entry.errors.required";
  }
  switch (f.type) {
    case "text":
      return v.length > (f.max ?? 300) ? "entry.errors.tooLong" : null;
    case "integer": {
      const n = integerOf(v);
      if (n === null) return "entry.errors.count";
      if (f.min !== undefined && n < f.min) return f.min === 1 ? "entry.errors.atLeastOne" : "entry.errors.count";
      return f.max !== undefined && n > f.max ? "entry.errors.tooLarge" : null;
    }
    case "date":
      return isIsoDate(v) ? null : "entry.errors.dateInvalid";
    case "schoolYear":
      return normalizeSchoolYear(v) ? null : "entry.errors.schoolYear";
    case "orgnr":
      return isValidOrgnr(normalizeOrgnr(v)) ? null : "entry.errors.orgnr";
    case "enum":
      return f.values.includes(v) ? null : "entry.errors.choose";
  }
}

/** A draft value as the API takes it. */
function bodyValue(f: LogField, raw: string): LogValue {
  const v = raw.trim();
  if (!v) return null;
  switch (f.type) {
    case "integer":
      return integerOf(v);
    case "schoolYear":
      return normalizeSchoolYear(v) ?? v;
    case "orgnr":
      return normalizeOrgnr(v);
    default:
      return v;
  }
}

/** The "new entry" form of a described log. */
export function entryKindOf(d: LogDescriptor): EntryKind {
  const fields = Object.entries(d.fields);
  return {
    fields: fields.map(([name, f]) => fieldDef(name, f)),
    empty: () => Object.fromEntries(fields.map(([name, f]) => [name, f.type === "enum" ? (f.values[0] ?? "") : ""])),
    validate(draft: Draft) {
      const e: DraftErrors = {};
      for (const [name, f] of fields) {
        const error = fieldError(f, draft[name] ?? "");
        if (error) e[name] = error;
      }
      return e;
    },
    body: (draft: Draft) => Object.fromEntries(fields.map(([name, f]) => [name, bodyValue(f, draft[name] ?? "")])),
  };
}

export interface LogColumn {
  name: string;
  /** i18n key */
  label: string;
  numeric: boolean;
}

/** The table columns of a described log: every field, in order. */
export function columnsOf(d: LogDescriptor): LogColumn[] {
  return Object.entries(d.fields).map(([name, f]) => ({ name, label: f.label, numeric: f.type === "integer" }));
}

/** How a cell reads: enum codes by their label, numbers formatted, empty as a dash. */
export function cellText(
  d: LogDescriptor,
  name: string,
  value: LogValue | undefined,
  t: (key: string) => string,
  formatNumber: (n: number) => string,
): string {
  const f = d.fields[name];
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "number") return formatNumber(value);
  return f?.type === "enum" ? t(`${f.options}.${value}`) : value;
}
