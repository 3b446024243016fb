/**
 * The three delivery logs' "new entry" forms as data: the fields, client-side checks (the server
 * has the last word, and its `details` are shown at the field they name) and the request body.
 * Option lists are checked against the server's types so a new code cannot be forgotten.
 */

import { ENTREPRENEUR_SESSION_KINDS, isSessionKind } from "../../../core/entrepreneurs/vocabulary.js";
import { isValidOrgnr, normalizeOrgnr } from "../../../core/logs/orgnr.js";
import { normalizeSchoolYear } from "../../../core/logs/school-year.js";
import { isIsoDate, todayInOslo } from "../../../core/periods.js";
import { isProjectKind, isProjectStatus, PROJECT_KINDS, PROJECT_STATUSES } from "../../../core/projects/vocabulary.js";
import type { Sector } from "../../types.js";

export { PROJECT_KINDS, PROJECT_STATUSES };

/** Every member of a string union, in a fixed order, checked complete by the compiler. */
function all<T extends string>(r: Record<T, true>): T[] {
  return Object.keys(r) as T[];
}

export const SESSION_KINDS = ENTREPRENEUR_SESSION_KINDS;
export const SECTORS = all<Sector>({ private: true, municipal: true, state: true, voluntary: true });

export type FieldType = "text" | "date" | "integer" | "select" | "textarea";

export interface FieldDef {
  name: string;
  type: FieldType;
  /** i18n keys */
  label: string;
  description?: string;
  /** For selects: value → i18n key of its label. */
  options?: { value: string; label: string }[];
  /** Narrow input (numbers, dates, codes). */
  short?: boolean;
}

export type Draft = Record<string, string>;
/** Field name → i18n key of the message. */
export type DraftErrors = Record<string, string>;

export interface EntryKind {
  fields: FieldDef[];
  empty(): Draft;
  validate(d: Draft, today?: string): DraftErrors;
  body(d: Draft): Record<string, unknown>;
}

const INTEGER = /^\d+$/;
const STABLE_KEY = /^[a-z0-9][a-z0-9._-]*$/;

function count(raw: string): number | null {
  const s = raw.trim().replace(/[\s\u00a0\u202f]/g, "");
  return INTEGER.test(s) ? Number(s) : null;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function checkDate(e: DraftErrors, d: Draft, name: string, today: string, required: boolean): void {
  const v = (d[name] ?? "").trim();
  if (!v) {
    if (required) e[name] = "entry.errors.dateRequired";
  } else if (!isIsoDate(v)) e[name] = "entry.errors.dateInvalid";
  else if (v > today) e[name] = "entry.errors.dateFuture";
}

export const SESSION_ENTRY: EntryKind = {
  fields: [
    { name: "date", type: "date", label: "entrepreneurs.field.date", short: true },
    {
      name: "kind",
      type: "select",
      label: "entrepreneurs.field.kind",
      options: SESSION_KINDS.map((k) => ({ value: k, label: `entrepreneurs.kind.${k}` })),
    },
    { name: "title", type: "text", label: "entrepreneurs.field.title" },
    { name: "participants", type: "integer", label: "entrepreneurs.field.participants", short: true },
    {
      name: "participantsGrowthPotential",
      type: "integer",
      label: "entrepreneurs.field.growth",
      description: "entrepreneurs.field.partOfParticipants",
      short: true,
    },
    {
      name: "participantsForeignBackground",
      type: "integer",
      label: "entrepreneurs.field.foreign",
      description: "entrepreneurs.field.partOfParticipants",
      short: true,
    },
    {
      name: "homeMunicipality",
      type: "text",
      label: "entrepreneurs.field.municipality",
      description: "entrepreneurs.field.municipalityHelp",
      short: true,
    },
  ],
  empty: () => ({
    date: "",
    kind: "guidance",
    title: "",
    participants: "",
    participantsGrowthPotential: "0",
    participantsForeignBackground: "0",
    homeMunicipality: "3201",
  }),
  validate(d, today = todayInOslo()) {
    const e: DraftErrors = {};
    checkDate(e, d, "date", today, true);
    if (!isSessionKind(d.kind ?? "")) e.kind = "entry.errors.choose";
    if ((d.title ?? "").length > 300) e.title = "entry.errors.tooLong";
    const n = count(d.participants ?? "");
    if (!(d.participants ?? "").trim()) e.participants = "entry.errors.countRequired";
    else if (n === null) e.participants = "entry.errors.count";
    for (const f of ["participantsGrowthPotential", "participantsForeignBackground"]) {
      const raw = (d[f] ?? "").trim();
      const v = raw ? count(raw) : 0;
      if (v === null) e[f] = "entry.errors.count";
      else if (n !== null && v > n) e[f] = "entry.errors.moreThanParticipants";
    }
    if (!/^\d{4}$/.test((d.homeMunicipality ?? "").trim())) e.homeMunicipality = "entry.errors.municipality";
    return e;
  },
  body: (d) => ({
    date: (d.date ?? "").trim(),
    kind: d.kind,
    title: orNull(d.title ?? ""),
    participants: count(d.participants ?? ""),
    participantsGrowthPotential: count(d.participantsGrowthPotential ?? "") ?? 0,
    participantsForeignBackground: count(d.participantsForeignBackground ?? "") ?? 0,
    homeMunicipality: (d.homeMunicipality ?? "").trim(),
  }),
};

export const PLACEMENT_ENTRY: EntryKind = {
  fields: [
    { name: "schoolYear", type: "text", label: "placements.field.schoolYear", description: "placements.field.schoolYearHelp", short: true },
    { name: "companyName", type: "text", label: "placements.field.company" },
    { name: "orgnr", type: "text", label: "placements.field.orgnr", description: "placements.field.orgnrHelp", short: true },
    {
      name: "sector",
      type: "select",
      label: "placements.field.sector",
      options: SECTORS.map((s) => ({ value: s, label: `placements.sector.${s}` })),
    },
    { name: "school", type: "text", label: "placements.field.school" },
    { name: "placements", type: "integer", label: "placements.field.placements", short: true },
  ],
  empty: () => ({ schoolYear: "", companyName: "", orgnr: "", sector: "private", school: "", placements: "" }),
  validate(d) {
    const e: DraftErrors = {};
    const sy = (d.schoolYear ?? "").trim();
    if (!sy) e.schoolYear = "entry.errors.schoolYearRequired";
    else if (!normalizeSchoolYear(sy)) e.schoolYear = "entry.errors.schoolYear";
    if (!(d.companyName ?? "").trim()) e.companyName = "entry.errors.companyRequired";
    else if ((d.companyName ?? "").length > 300) e.companyName = "entry.errors.tooLong";
    const orgnr = normalizeOrgnr(d.orgnr ?? "");
    if (orgnr && !isValidOrgnr(orgnr)) e.orgnr = "entry.errors.orgnr";
    if (!SECTORS.includes(d.sector as Sector)) e.sector = "entry.errors.choose";
    if ((d.school ?? "").length > 300) e.school = "entry.errors.tooLong";
    const n = count(d.placements ?? "");
    if (!(d.placements ?? "").trim()) e.placements = "entry.errors.countRequired";
    else if (n === null || n < 1) e.placements = "entry.errors.atLeastOne";
    return e;
  },
  body: (d) => ({
    schoolYear: normalizeSchoolYear(d.schoolYear ?? "") ?? (d.schoolYear ?? "").trim(),
    companyName: (d.companyName ?? "").trim(),
    orgnr: orNull(normalizeOrgnr(d.orgnr ?? "")),
    sector: d.sector,
    school: orNull(d.school ?? ""),
    placements: count(d.placements ?? ""),
  }),
};

export const PROJECT_ENTRY: EntryKind = {
  fields: [
    { name: "key", type: "text", label: "projects.field.key", description: "projects.field.keyHelp", short: true },
    { name: "title", type: "text", label: "projects.field.title" },
    {
      name: "kind",
      type: "select",
      label: "projects.field.kind",
      options: PROJECT_KINDS.map((k) => ({ value: k, label: `projects.kind.${k}` })),
    },
    {
      name: "status",
      type: "select",
      label: "projects.field.status",
      options: PROJECT_STATUSES.map((s) => ({ value: s, label: `projects.status.${s}` })),
    },
    {
      name: "establishedDate",
      type: "date",
      label: "projects.field.established",
      description: "projects.field.establishedHelp",
      short: true,
    },
    { name: "startDate", type: "date", label: "projects.field.start", short: true },
    { name: "endDate", type: "date", label: "projects.field.end", short: true },
    { name: "partners", type: "textarea", label: "projects.field.partners", description: "projects.field.partnersHelp" },
    { name: "measureKey", type: "text", label: "projects.field.measure", description: "projects.field.measureHelp", short: true },
    { name: "description", type: "textarea", label: "projects.field.description" },
  ],
  empty: () => ({
    key: "",
    title: "",
    kind: "innovative_procurement",
    status: "planned",
    establishedDate: "",
    startDate: "",
    endDate: "",
    partners: "",
    measureKey: "",
    description: "",
  }),
  validate(d, today = todayInOslo()) {
    const e: DraftErrors = {};
    const key = (d.key ?? "").trim();
    if (!key) e.key = "entry.errors.keyRequired";
    else if (!STABLE_KEY.test(key) || key.length > 80) e.key = "entry.errors.key";
    if (!(d.title ?? "").trim()) e.title = "entry.errors.titleRequired";
    else if ((d.title ?? "").length > 300) e.title = "entry.errors.tooLong";
    if (!isProjectKind(d.kind ?? "")) e.kind = "entry.errors.choose";
    if (!isProjectStatus(d.status ?? "")) e.status = "entry.errors.choose";
    checkDate(e, d, "establishedDate", today, false);
    for (const f of ["startDate", "endDate"]) {
      const v = (d[f] ?? "").trim();
      if (v && !isIsoDate(v)) e[f] = "entry.errors.dateInvalid";
    }
    const start = (d.startDate ?? "").trim();
    const end = (d.endDate ?? "").trim();
    if (!e.startDate && !e.endDate && start && end && end < start) e.endDate = "entry.errors.endBeforeStart";
    if (partnerList(d.partners ?? "").some((p) => p.includes("|") || p.length > 200)) e.partners = "entry.errors.partners";
    const mk = (d.measureKey ?? "").trim();
    if (mk && !STABLE_KEY.test(mk)) e.measureKey = "entry.errors.key";
    return e;
  },
  body: (d) => ({
    key: (d.key ?? "").trim(),
    title: (d.title ?? "").trim(),
    kind: d.kind,
    status: d.status,
    establishedDate: orNull(d.establishedDate ?? ""),
    startDate: orNull(d.startDate ?? ""),
    endDate: orNull(d.endDate ?? ""),
    partners: partnerList(d.partners ?? ""),
    measureKey: orNull(d.measureKey ?? ""),
    description: orNull(d.description ?? ""),
  }),
};

/** Partners, one per line (empty lines dropped). */
export function partnerList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
