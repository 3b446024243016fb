/**
 * The business-structure figures of a municipality as pure functions over pre-aggregated rows
 * (register_aggregates) and counts the store has read; docs/register.md defines every figure.
 * server/modules/register/analysis.service.ts reads the rows and calls these.
 */
import type {
  AreaSummary,
  Breakdown,
  EmploymentFigures,
  FirmFigures,
  RankingMetric,
  RankingRow,
  SnapshotRef,
  SurvivalFigure,
  YearFigures,
} from "../api/register-shapes.js";
import { divisionInfo, kisOfDivision, municipalityLabel } from "./lookup.js";
import { isNewFirmForm } from "./org-forms.js";
import { type NaceVersion, type RegisterKind, SIZE_CLASSES } from "./types.js";

/** One pre-aggregated row: a count of entities of a snapshot in an area by one dimension's key. */
export interface AggRow {
  snapshot_id: number;
  area_code: string;
  dimension: string;
  key: string;
  entities: number;
  employees_5plus: number;
  units_1_4: number;
}

/** The aggregate rows of the whole snapshot (the country, for a national snapshot). */
export const NATIONAL = "*";

export const inScope = (s: Pick<SnapshotRef, "scope">, area: string) => s.scope === "national" || s.scope.split(",").includes(area);

/** The latest snapshot of a kind covering the area on or before `asOf` (snapshots oldest first). */
export function latestOnOrBefore(snaps: SnapshotRef[], kind: RegisterKind, area: string, asOf: string): SnapshotRef | null {
  return snaps.filter((s) => s.kind === kind && inScope(s, area) && s.asOf <= asOf).at(-1) ?? null;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
export const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

function breakdown(rows: AggRow[], total: number, keyOf: (r: AggRow) => { key: string; label: string }): Breakdown[] {
  const m = new Map<string, Breakdown>();
  for (const r of rows) {
    const { key, label } = keyOf(r);
    const b = m.get(key) ?? { key, label, entities: 0, employees5plus: 0, units1to4: 0, share: 0 };
    b.entities += r.entities;
    b.employees5plus += r.employees_5plus;
    b.units1to4 += r.units_1_4;
    m.set(key, b);
  }
  return [...m.values()]
    .map((b) => ({ ...b, share: total > 0 ? b.entities / total : 0 }))
    .sort((a, b) => b.entities - a.entities || a.key.localeCompare(b.key));
}

/** "SN2007:62" → the standard and the division ("unknown" when the key has none). */
export function splitDivisionKey(key: string): { version: NaceVersion | null; division: string } {
  const [v, d] = key.split(":");
  return { version: v === "SN2007" || v === "SN2025" ? v : null, division: d ?? "unknown" };
}

function sectionOf(r: AggRow): { key: string; label: string } {
  const { version, division } = splitDivisionKey(r.key);
  const info = version ? divisionInfo(version, division) : null;
  if (!info) {
    // No code at all, Brreg's 00.000, or a code the standard does not have: three different things.
    const kind = division === "unspecified" || division === "none" ? division : "unknown";
    const label = { unspecified: "Uoppgitt", none: "Ingen næringskode", unknown: "Ukjent næringskode" }[kind];
    return { key: `${version ?? "?"}:${kind}`, label };
  }
  return { key: `${version}:${info.section}`, label: info.sectionName };
}

function isKisRow(r: AggRow): boolean {
  const { version, division } = splitDivisionKey(r.key);
  return version ? kisOfDivision(version, division) : false;
}

/** Firm figures (hovedenheter) from an enheter snapshot's rows of one area. */
export function firmFigures(snapshot: SnapshotRef, rows: AggRow[]): FirmFigures {
  const total = sum(rows.filter((r) => r.dimension === "total").map((r) => r.entities));
  const div = rows.filter((r) => r.dimension === "division");
  const kis = sum(div.filter(isKisRow).map((r) => r.entities));
  const unknownIndustry = sum(div.filter((r) => r.key.endsWith(":unknown")).map((r) => r.entities));
  return {
    snapshot,
    rule: "forretningsadresse, else postadresse",
    total,
    knowledgeIntensive: kis,
    knowledgeIntensiveShare: share(kis, total),
    bankrupt: sum(rows.filter((r) => r.dimension === "bankrupt" && r.key === "true").map((r) => r.entities)),
    bySection: breakdown(div, total, sectionOf),
    byDivision: breakdown(div, total, (r) => {
      const { version, division } = splitDivisionKey(r.key);
      const info = version ? divisionInfo(version, division) : null;
      return { key: r.key, label: info ? `${division} ${info.name}` : r.key };
    }).slice(0, 30),
    byForm: breakdown(
      rows.filter((r) => r.dimension === "form"),
      total,
      (r) => ({ key: r.key, label: r.key }),
    ),
    unknownIndustry,
  };
}

/** Employment figures (underenheter) from an underenheter snapshot's rows of one area. */
export function employmentFigures(snapshot: SnapshotRef, rows: AggRow[]): EmploymentFigures {
  const totalRow = rows.filter((r) => r.dimension === "total");
  const units = sum(totalRow.map((r) => r.entities));
  const employees5plus = sum(totalRow.map((r) => r.employees_5plus));
  const units1to4 = sum(totalRow.map((r) => r.units_1_4));
  const div = rows.filter((r) => r.dimension === "division");
  const kisRows = div.filter(isKisRow);
  const kisEmp = sum(kisRows.map((r) => r.employees_5plus));
  const size = rows.filter((r) => r.dimension === "size");
  const sizeOf = (c: string) => sum(size.filter((r) => r.key === c).map((r) => r.entities));
  return {
    snapshot,
    rule: "beliggenhetsadresse",
    units,
    employees5plus,
    units1to4,
    employeesRange: [employees5plus + units1to4, employees5plus + 4 * units1to4],
    knowledgeIntensiveEmployees5plus: kisEmp,
    knowledgeIntensiveEmployeeShare: share(kisEmp, employees5plus),
    knowledgeIntensiveUnitShare: share(sum(kisRows.map((r) => r.entities)), units),
    sizeClasses: [...SIZE_CLASSES, "unknown"].map((c) => ({ sizeClass: c, units: sizeOf(c) })),
    over100: sizeOf("100-249") + sizeOf("250+"),
    over250: sizeOf("250+"),
    bySection: breakdown(div, units, sectionOf),
  };
}

const areaName = (code: string) => (code === NATIONAL ? "Hele landet" : municipalityLabel(code));

/** The headline figures of an area (a peer, the country, or the area at one snapshot). */
export function areaSummary(
  code: string,
  firms: { snapshot: SnapshotRef; rows: AggRow[] } | null,
  units: { snapshot: SnapshotRef; rows: AggRow[] } | null,
): AreaSummary {
  const f = firms ? firmFigures(firms.snapshot, firms.rows) : null;
  const e = units ? employmentFigures(units.snapshot, units.rows) : null;
  return {
    code,
    name: areaName(code),
    firms: f?.total ?? null,
    knowledgeIntensiveShare: f?.knowledgeIntensiveShare ?? null,
    units: e?.units ?? null,
    employees5plus: e?.employees5plus ?? null,
    over100: e?.over100 ?? null,
    over250: e?.over250 ?? null,
  };
}

/**
 * New firms registered per year from the "registered" rows (key "year|form") of several
 * snapshots: the most any snapshot shows (a lower bound — firms deleted before the first snapshot
 * after their registration are not seen). Only forms that count as new firms.
 */
export function registrationsByYear(rows: AggRow[]): Map<number, number> {
  const perSnapYear = new Map<string, number>();
  for (const r of rows) {
    const [year, form] = r.key.split("|");
    if (!year || year === "none" || !isNewFirmForm(form ?? null)) continue;
    const k = `${r.snapshot_id}|${year}`;
    perSnapYear.set(k, (perSnapYear.get(k) ?? 0) + r.entities);
  }
  const out = new Map<number, number>();
  for (const [k, n] of perSnapYear) {
    const y = Number(k.split("|")[1]);
    out.set(y, Math.max(out.get(y) ?? 0, n));
  }
  return out;
}

/** Changes counted per year: into the area (true) or out of it (false). */
export interface ChangeCount {
  year: number;
  change: string;
  into: boolean;
  n: number;
}

/**
 * Registrations, deletions, bankruptcies and moves per year for the last 15 years up to `asOf`.
 * Changes need two snapshots to compare (`hasChanges`); without them those figures are null.
 */
export function yearFigures(o: {
  registrations: Map<number, number>;
  changes: ChangeCount[];
  population: Map<number, number>;
  hasChanges: boolean;
  asOf: string;
}): YearFigures[] {
  const { registrations, changes, population, hasChanges } = o;
  const years = new Set<number>([...registrations.keys(), ...changes.map((c) => c.year)]);
  const thisYear = Number(o.asOf.slice(0, 4));
  const out: YearFigures[] = [];
  for (const y of [...years].filter((y) => y >= thisYear - 15 && y <= thisYear).sort()) {
    const c = (change: string, into: boolean) =>
      hasChanges ? sum(changes.filter((x) => x.year === y && x.change === change && x.into === into).map((x) => x.n)) : null;
    const r = registrations.get(y) ?? null;
    const pop = population.get(y) ?? null;
    out.push({
      year: y,
      registrations: r,
      population: pop,
      registrationsPer1000: r !== null && pop ? (r / pop) * 1000 : null,
      deletions: hasChanges ? (c("deleted", false) ?? 0) + (c("left_scope", false) ?? 0) : null,
      bankruptcies: c("bankrupt", true),
      movedIn: hasChanges ? (c("moved", true) ?? 0) + (c("moved_in", true) ?? 0) : null,
      movedOut: c("moved", false),
    });
  }
  return out;
}

export const SURVIVAL_HORIZONS = [1, 3, 5] as const;

/** One survival figure to compute: the cohort's snapshot and its follow-up, or why there is none. */
export type SurvivalPlan =
  | { cohort: number; years: 1 | 3 | 5; cohortSnapshot: SnapshotRef; followUp: SnapshotRef }
  | { cohort: number; years: 1 | 3 | 5; noData: SurvivalFigure };

/**
 * Survival of the firms registered in year Y: the cohort is taken from a snapshot dated 1 Jan –
 * 31 Mar of Y+1 (so at most three months of deaths go unseen), survivors from a snapshot of the
 * same scope dated 1 Jan – 31 Mar of Y+k+1. Six cohorts back from two years before `asOf`.
 */
export function planSurvival(snaps: SnapshotRef[], area: string, asOf: string): SurvivalPlan[] {
  const firmSnaps = snaps.filter((s) => s.kind === "enheter" && inScope(s, area) && s.asOf <= asOf);
  const early = (year: number, scope?: string) =>
    firmSnaps.find((s) => s.asOf >= `${year}-01-01` && s.asOf <= `${year}-03-31` && (scope === undefined || s.scope === scope)) ?? null;
  const out: SurvivalPlan[] = [];
  const last = Number(asOf.slice(0, 4)) - 2;
  for (let cohort = last; cohort > last - 6; cohort--) {
    for (const years of SURVIVAL_HORIZONS) {
      const a = early(cohort + 1);
      const b = a ? early(cohort + years + 1, a.scope) : null;
      if (a && b) {
        out.push({ cohort, years, cohortSnapshot: a, followUp: b });
        continue;
      }
      const reason = !a
        ? `no snapshot dated 1 Jan–31 Mar ${cohort + 1}`
        : `no snapshot of the same scope dated 1 Jan–31 Mar ${cohort + years + 1}`;
      out.push({
        cohort,
        years,
        noData: { cohort, years, status: "no_data", cohortSize: null, survivors: null, share: null, reason },
      });
    }
  }
  return out;
}

/** The figure from the cohort's size and its survivors (no firms registered: no figure). */
export function survivalFigure(cohort: number, years: 1 | 3 | 5, size: number, survivors: number): SurvivalFigure {
  return {
    cohort,
    years,
    status: size > 0 ? "ok" : "no_data",
    cohortSize: size,
    survivors,
    share: size > 0 ? survivors / size : null,
    reasonCode: size > 0 ? undefined : "empty_cohort",
    reason: size > 0 ? undefined : "no firms registered in the year",
  };
}

/** Which snapshot kind a ranking metric comes from. */
export const rankingKind = (metric: RankingMetric): RegisterKind =>
  metric === "firms" || metric === "knowledge_intensive_share" ? "enheter" : "underenheter";

/** Per municipality of a national snapshot: totals the store has summed. */
export interface RankingTotals {
  area_code: string;
  total: number;
  employees: number;
  kis: number;
  over100: number;
  over250: number;
}

/** Municipalities ranked by one figure, largest first (no figure last), ties by number. */
export function rankAreas(rows: RankingTotals[], metric: RankingMetric): RankingRow[] {
  const firmsKind = rankingKind(metric) === "enheter";
  const summaries = rows.map((r) => {
    const s: AreaSummary = {
      code: r.area_code,
      name: municipalityLabel(r.area_code),
      firms: firmsKind ? r.total : null,
      knowledgeIntensiveShare: firmsKind ? share(r.kis, r.total) : null,
      units: firmsKind ? null : r.total,
      employees5plus: firmsKind ? null : r.employees,
      over100: firmsKind ? null : r.over100,
      over250: firmsKind ? null : r.over250,
    };
    const value = {
      firms: s.firms,
      knowledge_intensive_share: s.knowledgeIntensiveShare,
      units: s.units,
      employees5plus: s.employees5plus,
      over100: s.over100,
      over250: s.over250,
    }[metric];
    return { ...s, value };
  });
  summaries.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.code.localeCompare(b.code));
  return summaries.map((s, i) => ({ ...s, rank: i + 1 }));
}
