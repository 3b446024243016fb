/**
 * Pure helpers for the business-register pages: grouping by industry standard, size-class and
 * headcount labels (the 1–4 class is a class, never 0), the survival grid, the reasons the API
 * gives for missing data, the upload's content type and progress. Unit-tested.
 */
import { formatNumber, type Locale } from "../../format.js";
import type { Breakdown, SurvivalFigure } from "../../types.js";

export type Standard = "SN2007" | "SN2025";

/** Breakdown keys are "<standard>:<section>"; unknown codes are "?:unknown" or "<standard>:unknown". */
export function standardOf(key: string): Standard | null {
  const v = key.split(":")[0];
  return v === "SN2007" || v === "SN2025" ? v : null;
}

/**
 * Sections grouped by their standard, never merged across standards (section K is finance in
 * SN2007 but information and communication in SN2025). Rows without a standard (unknown codes —
 * not a section) join the snapshot's own standard `fallback` when given. Rows keep the server's
 * order.
 */
export function byStandard(rows: readonly Breakdown[], fallback: string | null = null): { standard: Standard | null; rows: Breakdown[] }[] {
  const home = fallback === "SN2007" || fallback === "SN2025" ? fallback : null;
  const groups = new Map<Standard | null, Breakdown[]>();
  for (const r of rows) {
    const s = standardOf(r.key) ?? home;
    const list = groups.get(s) ?? [];
    list.push(r);
    groups.set(s, list);
  }
  const order = (s: Standard | null) => (s === "SN2025" ? 0 : s === "SN2007" ? 1 : 2);
  return [...groups.entries()].sort((a, b) => order(a[0]) - order(b[0])).map(([standard, list]) => ({ standard, rows: list }));
}

/** The section letter of a breakdown key ("SN2007:K" → "K"); "" for unknown or unspecified codes. */
export function sectionLetter(key: string): string {
  const s = key.split(":")[1] ?? "";
  return /^[A-Z]$/.test(s) ? s : "";
}

/** A size class as people read it: "1-4" → "1–4", "250+" → "250 +", "unknown" → null (caller's text). */
export function sizeClassLabel(sizeClass: string): string | null {
  if (sizeClass === "unknown") return null;
  if (sizeClass.endsWith("+")) return `${sizeClass.slice(0, -1)}\u00a0+`;
  return sizeClass.replace("-", "–");
}

/**
 * Employees of a company or unit: the exact count when published, else its size class
 * ("1–4" when the register says it has employees without a count), else null (unknown).
 */
export function employeesText(e: { employees: number | null; sizeClass: string | null }, locale: Locale): string | null {
  if (e.employees !== null) return formatNumber(e.employees, locale, 0);
  if (e.sizeClass && e.sizeClass !== "unknown") return sizeClassLabel(e.sizeClass);
  return null;
}

export interface SurvivalRow {
  cohort: number;
  cells: Partial<Record<1 | 3 | 5, SurvivalFigure>>;
}

/** Survival figures as rows by cohort (newest first) with a cell per horizon (1, 3, 5 years). */
export function survivalGrid(figures: readonly SurvivalFigure[]): SurvivalRow[] {
  const rows = new Map<number, SurvivalRow>();
  for (const f of figures) {
    const row = rows.get(f.cohort) ?? { cohort: f.cohort, cells: {} };
    row.cells[f.years] = f;
    rows.set(f.cohort, row);
  }
  return [...rows.values()].sort((a, b) => b.cohort - a.cohort);
}

/** Why a figure is missing, as a message key and its values (the API's reason is English prose). */
export function noDataReason(
  reason: string | undefined,
  code?: SurvivalFigure["reasonCode"],
  year?: number,
): { key: string; values: Record<string, string> } {
  if (code === "no_followup_snapshot") return { key: "register.survival.reason.noLaterSnapshot", values: { year: String(year) } };
  if (code === "no_cohort_snapshot") return { key: "register.survival.reason.noCohortSnapshot", values: { year: String(year) } };
  if (code === "empty_cohort") return { key: "register.survival.reason.noFirms", values: {} };
  const r = reason ?? "";
  let m = /^no snapshot of the same scope dated 1 Jan–31 Mar (\d{4})$/.exec(r);
  if (m?.[1]) return { key: "register.survival.reason.noLaterSnapshot", values: { year: m[1] } };
  m = /^no snapshot dated 1 Jan–31 Mar (\d{4})$/.exec(r);
  if (m?.[1]) return { key: "register.survival.reason.noCohortSnapshot", values: { year: m[1] } };
  if (r === "no firms registered in the year") return { key: "register.survival.reason.noFirms", values: {} };
  return { key: "register.survival.reason.other", values: { reason: r } };
}

/** The reasons behind a set of no-data figures, each once, in first-seen order. */
export function distinctReasons(figures: readonly SurvivalFigure[]): string[] {
  return [...new Set(figures.filter((f) => f.status === "no_data").map((f) => f.reason ?? ""))];
}

/** The upload's Content-Type: gzip for .gz files, else the register's own type (the server sniffs JSON or CSV). */
export function uploadContentType(fileName: string): string {
  return /\.gz$/i.test(fileName) ? "application/gzip" : "application/vnd.naeringskompass.register";
}

/** Progress as a whole percentage 0–100 (null when the total is unknown). */
export function percentOf(done: number, total: number): number | null {
  if (!(total > 0)) return null;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

/** A municipality scope as the import form takes it: "national" or comma-separated four-digit codes. */
export function normaliseScope(input: string): { ok: true; value: string | undefined } | { ok: false } {
  const s = input.trim().toLowerCase();
  if (s === "") return { ok: true, value: undefined };
  if (s === "national" || s === "hele landet" || s === "landet") return { ok: true, value: "national" };
  const codes = s.split(/[\s,;]+/).filter(Boolean);
  if (codes.length > 0 && codes.every((c) => /^\d{4}$/.test(c))) return { ok: true, value: [...new Set(codes)].join(",") };
  return { ok: false };
}

/** "national" or "3201,3203" as text: the country, or the municipalities by name where known. */
export function scopeText(scope: string, nameOf: (code: string) => string | undefined, countryName: string): string {
  if (scope === "national") return countryName;
  return scope
    .split(",")
    .map((c) => {
      const n = nameOf(c);
      return n ? `${n} (${c})` : c;
    })
    .join(", ");
}

/** An import waiting to run or running: the page keeps polling it. */
export function isActive(job: { status: string }): boolean {
  return job.status === "queued" || job.status === "running";
}
