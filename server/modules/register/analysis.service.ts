import { sql } from "drizzle-orm";
import type { Analysis, Ranking, RankingMetric, SnapshotRef, SurvivalFigure, YearFigures } from "../../../core/api/register.js";
import {
  type AggRow,
  areaSummary,
  type ChangeCount,
  employmentFigures,
  firmFigures,
  inScope,
  latestOnOrBefore,
  NATIONAL,
  planSurvival,
  type RankingTotals,
  rankAreas,
  rankingKind,
  registrationsByYear,
  survivalFigure,
  yearFigures as yearFiguresOf,
} from "../../../core/register/analysis.js";
import { KIS_GROUPS } from "../../../core/register/kis.js";
import { municipalityLabel, peersOf, predecessorCodes } from "../../../core/register/lookup.js";
import { NEW_FIRM_FORMS } from "../../../core/register/org-forms.js";
import type { RegisterKind } from "../../../core/register/types.js";
import type { DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";
import { topEmployers } from "./companies.service.js";

/**
 * The business-structure analysis of a municipality (docs/register.md defines every figure):
 * firms (hovedenheter by forretningsadresse, else postadresse) from the latest enheter snapshot,
 * employment and size classes (underenheter by beliggenhetsadresse) from the latest underenheter
 * snapshot, both on or before `asOf`; the top employers; registrations, deletions and bankruptcies
 * per year; cohort survival where snapshots allow it; the peer municipalities and the country.
 * Reads pre-aggregated rows (register_aggregates), so it stays fast on national data; the figures
 * are computed by the pure functions in core/register/analysis.ts.
 */

export type { AggRow, SnapshotRef };
export { employmentFigures, firmFigures, inScope, NATIONAL };

const today = () => new Date().toISOString().slice(0, 10);

/** Complete snapshots, oldest first. */
export async function listSnapshots(db: DbOrTx): Promise<SnapshotRef[]> {
  const rows = await queryRows<{
    id: number | string;
    kind: RegisterKind;
    as_of: string;
    scope: string;
    nace_version: string | null;
    source: string;
  }>(
    db,
    sql`
      select id, kind, as_of::text as as_of, scope, nace_version, source from register_snapshots
      where status = 'complete' order by as_of, id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: r.kind,
    asOf: r.as_of,
    scope: r.scope,
    naceVersion: r.nace_version,
    source: r.source,
  }));
}

const inList = (xs: readonly (string | number)[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

export async function aggregatesFor(db: DbOrTx, snapshotIds: number[], areas: string[] | null, dimensions: string[]): Promise<AggRow[]> {
  if (snapshotIds.length === 0) return [];
  const rows = await queryRows<AggRow>(
    db,
    sql`
      select snapshot_id, area_code, dimension, key, entities, employees_5plus, units_1_4 from register_aggregates
      where snapshot_id in (${inList(snapshotIds)}) and dimension in (${inList(dimensions)})
        ${areas ? sql`and area_code in (${inList(areas)})` : sql``}`,
  );
  return rows.map((r) => ({
    ...r,
    snapshot_id: Number(r.snapshot_id),
    entities: Number(r.entities),
    employees_5plus: Number(r.employees_5plus),
    units_1_4: Number(r.units_1_4),
  }));
}

const SUMMARY_DIMS = ["total", "division", "size"];

/** The whole analysis of one municipality (today's number) as of a date (default: today). */
export async function analyseMunicipality(db: DbOrTx, o: { areaCode: string; asOf?: string; topN?: number }): Promise<Analysis> {
  const area = o.areaCode;
  const asOf = o.asOf ?? today();
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
  const rowsOf = (s: SnapshotRef, a: string) => current.filter((r) => r.snapshot_id === s.id && r.area_code === a);
  /** The snapshot's rows of an area when the snapshot covers it (and, with `national`, only a national one). */
  const part = (s: SnapshotRef | null, a: string, national = false) =>
    s && (national ? s.scope === "national" : inScope(s, a)) ? { snapshot: s, rows: rowsOf(s, a) } : null;

  const firms = firmSnap ? firmFigures(firmSnap, rowsOf(firmSnap, area)) : null;
  const employment = unitSnap ? employmentFigures(unitSnap, rowsOf(unitSnap, area)) : null;
  const peerSummaries = peers.map((p) => areaSummary(p, part(firmSnap, p), part(unitSnap, p)));
  const national =
    firmSnap?.scope === "national" || unitSnap?.scope === "national"
      ? areaSummary(NATIONAL, part(firmSnap, NATIONAL, true), part(unitSnap, NATIONAL, true))
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
    const own = { snapshot: s, rows: trendRows.filter((r) => r.snapshot_id === s.id) };
    return { snapshot: s, summary: areaSummary(area, s.kind === "enheter" ? own : null, s.kind === "underenheter" ? own : null) };
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
  const rows = await queryRows<{ period: string; value: number | string | null }>(
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

/** Register changes of firms into and out of the area per year, up to `asOf`. */
async function changeCounts(db: DbOrTx, area: string, asOf: string): Promise<ChangeCount[]> {
  const rows = await queryRows<{ year: number | string; change: string; n: number | string; into: boolean | null }>(
    db,
    sql`
      select extract(year from occurred_on)::int as year, change, (area_code = ${area}) as into, count(distinct orgnr)::int as n
      from register_changes
      where kind = 'enheter' and (area_code = ${area} or previous_area_code = ${area}) and occurred_on <= ${asOf}::date
      group by 1, 2, 3`,
  );
  return rows.map((r) => ({ year: Number(r.year), change: r.change, into: Boolean(r.into), n: Number(r.n) }));
}

export async function yearFigures(db: DbOrTx, snaps: SnapshotRef[], area: string, asOf: string): Promise<YearFigures[]> {
  const firmSnaps = snaps.filter((s) => s.kind === "enheter" && inScope(s, area) && s.asOf <= asOf);
  const reg = await aggregatesFor(
    db,
    firmSnaps.map((s) => s.id),
    [area],
    ["registered"],
  );
  return yearFiguresOf({
    registrations: registrationsByYear(reg),
    changes: await changeCounts(db, area, asOf),
    population: await populationByYear(db, area),
    hasChanges: firmSnaps.length >= 2,
    asOf,
  });
}

const NEW_FIRM_FORMS_SQL = sql`${`{${[...NEW_FIRM_FORMS].join(",")}}`}::text[]`;

/** Survival of the firms registered in a year (core/register/analysis.ts planSurvival): the counts per planned pair. */
export async function survivalFigures(db: DbOrTx, snaps: SnapshotRef[], area: string, asOf: string): Promise<SurvivalFigure[]> {
  const out: SurvivalFigure[] = [];
  for (const plan of planSurvival(snaps, area, asOf)) {
    if ("noData" in plan) {
      out.push(plan.noData);
      continue;
    }
    const { cohort, cohortSnapshot: a, followUp: b } = plan;
    const [r] = await queryRows<{ cohort: number | string; survivors: number | string }>(
      db,
      sql`
        select count(*)::int as cohort,
          (count(*) filter (where exists (select 1 from register_rows b where b.snapshot_id = ${b.id} and b.orgnr = a.orgnr and not b.bankrupt)))::int as survivors
        from register_rows a
        where a.snapshot_id = ${a.id} and a.area_code = ${area}
          and a.registered_on >= ${`${cohort}-01-01`}::date and a.registered_on <= ${`${cohort}-12-31`}::date
          and a.org_form = any(${NEW_FIRM_FORMS_SQL})`,
    );
    out.push(survivalFigure(cohort, plan.years, Number(r?.cohort ?? 0), Number(r?.survivors ?? 0)));
  }
  return out;
}

/** A figure for every municipality (today's numbers) in the national snapshot in effect at `asOf`. */
export async function rankMunicipalities(db: DbOrTx, o: { metric: RankingMetric; asOf?: string }): Promise<Ranking> {
  const asOf = o.asOf ?? today();
  const snaps = await listSnapshots(db);
  const kind = rankingKind(o.metric);
  const snap = snaps.filter((s) => s.kind === kind && s.scope === "national" && s.asOf <= asOf).at(-1) ?? null;
  if (!snap) return { snapshot: null, rows: [] };
  // One row per municipality, summed in the database (357 rows, whatever the register's size).
  const rows = await queryRows<RankingTotals>(
    db,
    sql`
      select area_code,
        coalesce(sum(entities) filter (where dimension = 'total'), 0)::int as total,
        coalesce(sum(employees_5plus) filter (where dimension = 'total'), 0)::int as employees,
        coalesce(sum(entities) filter (where dimension = 'kis' and key in (${inList(KIS_GROUPS)})), 0)::int as kis,
        coalesce(sum(entities) filter (where dimension = 'size' and key in ('100-249', '250+')), 0)::int as over100,
        coalesce(sum(entities) filter (where dimension = 'size' and key = '250+'), 0)::int as over250
      from register_aggregates
      where snapshot_id = ${snap.id} and dimension in ('total', 'kis', 'size') and area_code not in ('', ${NATIONAL})
      group by area_code`,
  );
  return { snapshot: snap, rows: rankAreas(rows, o.metric) };
}
