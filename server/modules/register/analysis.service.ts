import { sql } from "drizzle-orm";
import type {
  Analysis,
  AreaSummary,
  Breakdown,
  EmploymentFigures,
  FirmFigures,
  Ranking,
  RankingMetric,
  SnapshotRef,
  SurvivalFigure,
  YearFigures,
} from "../../../core/api/register.js";
import { KIS_GROUPS } from "../../../core/register/kis.js";
import { isNewFirmForm, NEW_FIRM_FORMS } from "../../../core/register/org-forms.js";
import { type NaceVersion, type RegisterKind, SIZE_CLASSES } from "../../../core/register/types.js";
import type { DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { topEmployers } from "./companies.service.js";
import { divisionInfo, kisOfDivision, municipalityLabel, peersOf, predecessorCodes } from "./lookup.js";

export type { Analysis, AreaSummary, Breakdown, EmploymentFigures, FirmFigures, SnapshotRef, SurvivalFigure, YearFigures };

/**
 * The business-structure analysis of a municipality (docs/register.md defines every figure):
 * firms (hovedenheter by forretningsadresse, else postadresse) from the latest enheter snapshot,
 * employment and size classes (underenheter by beliggenhetsadresse) from the latest underenheter
 * snapshot, both on or before `asOf`; the top employers; registrations, deletions and bankruptcies
 * per year; cohort survival where snapshots allow it; the peer municipalities and the country.
 * Reads pre-aggregated rows (register_aggregates), so it stays fast on national data.
 */

interface AggRow {
  snapshot_id: number;
  area_code: string;
  dimension: string;
  key: string;
  entities: number;
  employees_5plus: number;
  units_1_4: number;
}

function toRef(r: Record<string, unknown>): SnapshotRef {
  return {
    id: Number(r.id),
    kind: r.kind as RegisterKind,
    asOf: String(r.as_of),
    scope: String(r.scope),
    naceVersion: (r.nace_version as string) ?? null,
    source: String(r.source),
  };
}

/** The aggregate rows of the whole snapshot (the country, for a national snapshot). */
export const NATIONAL = "*";

export const inScope = (s: SnapshotRef, area: string) => s.scope === "national" || s.scope.split(",").includes(area);

/** Complete snapshots, oldest first. */
export async function listSnapshots(db: DbOrTx): Promise<SnapshotRef[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
      select id, kind, as_of::text as as_of, scope, nace_version, source from register_snapshots
      where status = 'complete' order by as_of, id`,
  );
  return rows.map(toRef);
}

export function latestOnOrBefore(snaps: SnapshotRef[], kind: RegisterKind, area: string, asOf: string): SnapshotRef | null {
  const c = snaps.filter((s) => s.kind === kind && inScope(s, area));
  const before = c.filter((s) => s.asOf <= asOf);
  // Prefer a national snapshot on the same date (peers and the country come with it).
  return before.at(-1) ?? null;
}

export async function aggregatesFor(db: DbOrTx, snapshotIds: number[], areas: string[] | null, dimensions: string[]): Promise<AggRow[]> {
  if (snapshotIds.length === 0) return [];
  const rows = await queryRows<AggRow>(
    db,
    sql`
      select snapshot_id, area_code, dimension, key, entities, employees_5plus, units_1_4 from register_aggregates
      where snapshot_id in (${sql.join(
        snapshotIds.map((i) => sql`${i}`),
        sql`, `,
      )})
        and dimension in (${sql.join(
          dimensions.map((d) => sql`${d}`),
          sql`, `,
        )})
        ${
          areas
            ? sql`and area_code in (${sql.join(
                areas.map((a) => sql`${a}`),
                sql`, `,
              )})`
            : sql``
        }`,
  );
  return rows.map((r) => ({
    ...r,
    snapshot_id: Number(r.snapshot_id),
    entities: Number(r.entities),
    employees_5plus: Number(r.employees_5plus),
    units_1_4: Number(r.units_1_4),
  }));
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

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

function splitDivisionKey(key: string): { version: NaceVersion | null; division: string } {
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

function areaSummary(code: string, firmRows: AggRow[] | null, unitRows: AggRow[] | null): AreaSummary {
  const f = firmRows ? firmFigures({} as SnapshotRef, firmRows) : null;
  const e = unitRows ? employmentFigures({} as SnapshotRef, unitRows) : null;
  return {
    code,
    name: code === NATIONAL ? "Hele landet" : municipalityLabel(code),
    firms: f?.total ?? null,
    knowledgeIntensiveShare: f?.knowledgeIntensiveShare ?? null,
    units: e?.units ?? null,
    employees5plus: e?.employees5plus ?? null,
    over100: e?.over100 ?? null,
    over250: e?.over250 ?? null,
  };
}

const SUMMARY_DIMS = ["total", "division", "size"];

/** The whole analysis of one municipality (today's number) as of a date (default: today). */
export async function analyseMunicipality(db: DbOrTx, o: { areaCode: string; asOf?: string; topN?: number }): Promise<Analysis> {
  const area = o.areaCode;
  const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
  const snaps = await listSnapshots(db);
  const firmSnap = latestOnOrBefore(snaps, "enheter", area, asOf);
  const unitSnap = latestOnOrBefore(snaps, "underenheter", area, asOf);
  const peers = peersOf(area);
  // Only the rows of the area, its peers and the country ('*'): a few hundred, not the register.
  const current = await aggregatesFor(
    db,
    [firmSnap?.id, unitSnap?.id].filter((x): x is number => x !== undefined),
    [area, ...peers, NATIONAL],
    ["total", "division", "size", "form", "bankrupt"],
  );
  const of = (s: SnapshotRef | null, a: string) => (s ? current.filter((r) => r.snapshot_id === s.id && r.area_code === a) : null);

  const firms = firmSnap ? firmFigures(firmSnap, of(firmSnap, area) ?? []) : null;
  const employment = unitSnap ? employmentFigures(unitSnap, of(unitSnap, area) ?? []) : null;

  const peerSummaries = peers.map((p) => {
    const fr = firmSnap && inScope(firmSnap, p) ? of(firmSnap, p) : null;
    const ur = unitSnap && inScope(unitSnap, p) ? of(unitSnap, p) : null;
    return areaSummary(p, fr, ur);
  });
  const national =
    firmSnap?.scope === "national" || unitSnap?.scope === "national"
      ? areaSummary(
          NATIONAL,
          firmSnap?.scope === "national" ? of(firmSnap, NATIONAL) : null,
          unitSnap?.scope === "national" ? of(unitSnap, NATIONAL) : null,
        )
      : null;

  // Trend: every snapshot covering the area.
  const trendSnaps = snaps.filter((s) => inScope(s, area) && s.asOf <= asOf);
  const trendRows = await aggregatesFor(
    db,
    trendSnaps.map((s) => s.id),
    [area],
    SUMMARY_DIMS,
  );
  const trend = trendSnaps.map((s) => {
    const rows = trendRows.filter((r) => r.snapshot_id === s.id);
    return { snapshot: s, summary: areaSummary(area, s.kind === "enheter" ? rows : null, s.kind === "underenheter" ? rows : null) };
  });

  const years = await yearFigures(db, snaps, area, asOf);
  const survival = await survivalFigures(db, snaps, area, asOf);
  const top = unitSnap ? await topEmployers(db, { areaCode: area, asOf, limit: o.topN ?? 10 }) : null;
  return {
    area: { code: area, name: municipalityLabel(area), predecessors: predecessorCodes(area) },
    asOf,
    firms,
    employment,
    topEmployers: top,
    years,
    survival,
    peers: peerSummaries,
    national,
    trend,
  };
}

/** Population of the area in a year: the indicator `population` (entered or imported; never built in). */
async function populationByYear(db: DbOrTx, area: string): Promise<Map<number, number>> {
  const rows = await queryRows<{ period: string; value: number | null }>(
    db,
    sql`
      select v.period, v.value from indicator_values v join indicators i on i.id = v.indicator_id
      where i.key = 'population' and v.area_code = ${area} and v.value is not null`,
  );
  const m = new Map<number, number>();
  for (const r of rows) {
    const y = Number(String(r.period).slice(0, 4));
    if (Number.isFinite(y) && r.value !== null) m.set(y, Number(r.value));
  }
  return m;
}

export async function yearFigures(db: DbOrTx, snaps: SnapshotRef[], area: string, asOf: string): Promise<YearFigures[]> {
  const firmSnaps = snaps.filter((s) => s.kind === "enheter" && inScope(s, area) && s.asOf <= asOf);
  const reg = await aggregatesFor(
    db,
    firmSnaps.map((s) => s.id),
    [area],
    ["registered"],
  );
  // Registrations in a year: the most any snapshot shows (a lower bound — firms deleted before the
  // first snapshot after their registration are not seen).
  const perSnapYear = new Map<string, number>();
  for (const r of reg) {
    const [year, form] = r.key.split("|");
    if (!year || year === "none" || !isNewFirmForm(form ?? null)) continue;
    const k = `${r.snapshot_id}|${year}`;
    perSnapYear.set(k, (perSnapYear.get(k) ?? 0) + r.entities);
  }
  const registrations = new Map<number, number>();
  for (const [k, n] of perSnapYear) {
    const y = Number(k.split("|")[1]);
    registrations.set(y, Math.max(registrations.get(y) ?? 0, n));
  }
  const changes = await queryRows<{ year: number; change: string; n: number; into: boolean }>(
    db,
    sql`
      select extract(year from occurred_on)::int as year, change, (area_code = ${area}) as into, count(distinct orgnr)::int as n
      from register_changes
      where kind = 'enheter' and (area_code = ${area} or previous_area_code = ${area}) and occurred_on <= ${asOf}::date
      group by 1, 2, 3`,
  );
  const population = await populationByYear(db, area);
  const years = new Set<number>([...registrations.keys(), ...changes.map((c) => Number(c.year))]);
  const hasChanges = firmSnaps.length >= 2;
  const thisYear = Number(asOf.slice(0, 4));
  const out: YearFigures[] = [];
  for (const y of [...years].filter((y) => y >= thisYear - 15 && y <= thisYear).sort()) {
    const c = (change: string, into: boolean) =>
      hasChanges
        ? sum(changes.filter((x) => Number(x.year) === y && x.change === change && Boolean(x.into) === into).map((x) => Number(x.n)))
        : null;
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

/**
 * Survival of the firms registered in year Y: the cohort is taken from a snapshot dated 1 Jan –
 * 31 Mar of Y+1 (so at most three months of deaths go unseen), survivors from a snapshot of the
 * same scope dated 1 Jan – 31 Mar of Y+k+1, present and not bankrupt. Otherwise no_data.
 */
export async function survivalFigures(db: DbOrTx, snaps: SnapshotRef[], area: string, asOf: string): Promise<SurvivalFigure[]> {
  const firmSnaps = snaps.filter((s) => s.kind === "enheter" && inScope(s, area) && s.asOf <= asOf);
  const early = (year: number, scope?: string) =>
    firmSnaps.find((s) => s.asOf >= `${year}-01-01` && s.asOf <= `${year}-03-31` && (scope === undefined || s.scope === scope)) ?? null;
  const out: SurvivalFigure[] = [];
  const last = Number(asOf.slice(0, 4)) - 2;
  for (let cohort = last; cohort > last - 6; cohort--) {
    for (const k of [1, 3, 5] as const) {
      const a = early(cohort + 1);
      const b = a ? early(cohort + k + 1, a.scope) : null;
      if (!a || !b) {
        out.push({
          cohort,
          years: k,
          status: "no_data",
          cohortSize: null,
          survivors: null,
          share: null,
          reason: !a
            ? `no snapshot dated 1 Jan–31 Mar ${cohort + 1}`
            : `no snapshot of the same scope dated 1 Jan–31 Mar ${cohort + k + 1}`,
        });
        continue;
      }
      const [r] = await queryRows<{ cohort: number; survivors: number; forms: string }>(
        db,
        sql`
          select count(*)::int as cohort,
            (count(*) filter (where exists (select 1 from register_rows b where b.snapshot_id = ${b.id} and b.orgnr = a.orgnr and not b.bankrupt)))::int as survivors
          from register_rows a
          where a.snapshot_id = ${a.id} and a.area_code = ${area}
            and a.registered_on >= ${`${cohort}-01-01`}::date and a.registered_on <= ${`${cohort}-12-31`}::date
            and a.org_form = any(${NEW_FIRM_FORMS_SQL})`,
      );
      const size = Number(r?.cohort ?? 0);
      out.push({
        cohort,
        years: k,
        status: size > 0 ? "ok" : "no_data",
        cohortSize: size,
        survivors: Number(r?.survivors ?? 0),
        share: size > 0 ? Number(r?.survivors) / size : null,
        reasonCode: size > 0 ? undefined : "empty_cohort",
        reason: size > 0 ? undefined : "no firms registered in the year",
      });
    }
  }
  return out;
}

const NEW_FIRM_FORMS_SQL = sql`${`{${[...NEW_FIRM_FORMS].join(",")}}`}::text[]`;

/** A figure for every municipality (today's numbers) in the national snapshot in effect at `asOf`. */
export async function rankMunicipalities(db: DbOrTx, o: { metric: RankingMetric; asOf?: string }): Promise<Ranking> {
  const asOf = o.asOf ?? new Date().toISOString().slice(0, 10);
  const snaps = await listSnapshots(db);
  const kind: RegisterKind = o.metric === "firms" || o.metric === "knowledge_intensive_share" ? "enheter" : "underenheter";
  const snap = snaps.filter((s) => s.kind === kind && s.scope === "national" && s.asOf <= asOf).at(-1) ?? null;
  if (!snap) return { snapshot: null, rows: [] };
  // One row per municipality, summed in the database (357 rows, whatever the register's size).
  const rows = await queryRows<{ area_code: string; total: number; employees: number; kis: number; over100: number; over250: number }>(
    db,
    sql`
      select area_code,
        coalesce(sum(entities) filter (where dimension = 'total'), 0)::int as total,
        coalesce(sum(employees_5plus) filter (where dimension = 'total'), 0)::int as employees,
        coalesce(sum(entities) filter (where dimension = 'kis' and key in (${sql.join(
          KIS_GROUPS.map((g) => sql`${g}`),
          sql`, `,
        )})), 0)::int as kis,
        coalesce(sum(entities) filter (where dimension = 'size' and key in ('100-249', '250+')), 0)::int as over100,
        coalesce(sum(entities) filter (where dimension = 'size' and key = '250+'), 0)::int as over250
      from register_aggregates
      where snapshot_id = ${snap.id} and dimension in ('total', 'kis', 'size') and area_code not in ('', ${NATIONAL})
      group by area_code`,
  );
  const summaries = rows.map((r) => {
    const firmsKind = kind === "enheter";
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
    }[o.metric];
    return { ...s, value };
  });
  summaries.sort((a, b) => (b.value ?? -1) - (a.value ?? -1) || a.code.localeCompare(b.code));
  return { snapshot: snap, rows: summaries.map((s, i) => ({ ...s, rank: i + 1 })) };
}
