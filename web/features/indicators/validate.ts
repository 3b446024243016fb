/** Client-side checks for a new indicator value (the server has the last word). */
import type { RecordValueInput } from "../../../core/api/indicators.js";
import { parsePeriod } from "../../../core/periods.js";
import { isOneOf, VALUE_STATUS_CODES } from "../../../core/vocabulary.js";

export interface ValueDraft {
  period: string;
  /** "value": a number; "missing": a status code instead (SSB style). */
  mode: "value" | "missing";
  value: string;
  status: string;
  source: string;
  table: string;
  note: string;
}

export type ValueErrors = Partial<Record<"period" | "value" | "status" | "source" | "table" | "note", string>>;

/** "1 234,5" or "1234.5" → 1234.5; null when it is not a number. */
export function parseLocaleNumber(text: string): number | null {
  const s = text
    .trim()
    .replace(/[\s\u00a0\u202f]/g, "")
    .replace(/−/g, "-");
  if (!/^-?\d+([.,]\d+)?$/.test(s)) return null;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

export function validateValue(d: ValueDraft): ValueErrors {
  const e: ValueErrors = {};
  const period = d.period.trim();
  if (!period) e.period = "valueForm.errors.periodRequired";
  else if (!parsePeriod(period) || period.includes("..")) e.period = "valueForm.errors.periodInvalid";
  if (d.mode === "value") {
    if (!d.value.trim()) e.value = "valueForm.errors.valueRequired";
    else if (parseLocaleNumber(d.value) === null) e.value = "valueForm.errors.valueInvalid";
  } else if (!d.status) e.status = "valueForm.errors.statusRequired";
  if (!d.source.trim()) e.source = "valueForm.errors.sourceRequired";
  else if (d.source.length > 300) e.source = "valueForm.errors.tooLong";
  if (d.table.length > 300) e.table = "valueForm.errors.tooLong";
  if (d.note.length > 2000) e.note = "valueForm.errors.tooLong";
  return e;
}

/** The request body for POST /api/indicators/{id}/values. */
export function valueBody(d: ValueDraft, areaCode: string): RecordValueInput {
  return {
    areaCode,
    period: d.period.trim(),
    value: d.mode === "value" ? parseLocaleNumber(d.value) : null,
    ...(d.mode === "missing" && isOneOf(VALUE_STATUS_CODES, d.status) ? { status: d.status } : {}),
    source: d.source.trim(),
    ...(d.table.trim() ? { table: d.table.trim() } : {}),
    ...(d.note.trim() ? { note: d.note.trim() } : {}),
  };
}
