import { sql } from "drizzle-orm";
import type { SnapshotRef } from "../../../core/api/register.js";
import type { AggRow, ChangeCount, RankingTotals } from "../../../core/register/analysis.js";
import { NATIONAL } from "../../../core/register/analysis.js";
import { KIS_GROUPS } from "../../../core/register/kis.js";
import { NEW_FIRM_FORMS } from "../../../core/register/org-forms.js";
import type { RegisterKind } from "../../../core/register/types.js";
import type { DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";

/** The reads the register analysis needs: snapshots, pre-aggregated rows and a few counts. All its SQL. */

const inList = (xs: readonly (string | number)[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  );

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

/** Aggregate rows of some snapshots, dimensions and (null: all) areas. */
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

/** Population of the area by year: the indicator `population` (entered or imported; never built in). */
export async function populationByYear(db: DbOrTx, area: string): Promise<Map<number, number>> {
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
export async function changeCounts(db: DbOrTx, area: string, asOf: string): Promise<ChangeCount[]> {
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

const NEW_FIRM_FORMS_SQL = sql`${`{${[...NEW_FIRM_FORMS].join(",")}}`}::text[]`;

/** New firms of a year in the area in the cohort snapshot, and how many are in the follow-up snapshot, not bankrupt. */
export async function cohortCounts(
  db: DbOrTx,
  o: { area: string; cohort: number; cohortSnapshotId: number; followUpSnapshotId: number },
): Promise<{ size: number; survivors: number }> {
  const [r] = await queryRows<{ cohort: number | string; survivors: number | string }>(
    db,
    sql`
      select count(*)::int as cohort,
        (count(*) filter (where exists (select 1 from register_rows b where b.snapshot_id = ${o.followUpSnapshotId} and b.orgnr = a.orgnr and not b.bankrupt)))::int as survivors
      from register_rows a
      where a.snapshot_id = ${o.cohortSnapshotId} and a.area_code = ${o.area}
        and a.registered_on >= ${`${o.cohort}-01-01`}::date and a.registered_on <= ${`${o.cohort}-12-31`}::date
        and a.org_form = any(${NEW_FIRM_FORMS_SQL})`,
  );
  return { size: Number(r?.cohort ?? 0), survivors: Number(r?.survivors ?? 0) };
}

/** Per municipality of a snapshot, summed in the database (357 rows, whatever the register's size). */
export async function rankingTotals(db: DbOrTx, snapshotId: number): Promise<RankingTotals[]> {
  return queryRows<RankingTotals>(
    db,
    sql`
      select area_code,
        coalesce(sum(entities) filter (where dimension = 'total'), 0)::int as total,
        coalesce(sum(employees_5plus) filter (where dimension = 'total'), 0)::int as employees,
        coalesce(sum(entities) filter (where dimension = 'kis' and key in (${inList(KIS_GROUPS)})), 0)::int as kis,
        coalesce(sum(entities) filter (where dimension = 'size' and key in ('100-249', '250+')), 0)::int as over100,
        coalesce(sum(entities) filter (where dimension = 'size' and key = '250+'), 0)::int as over250
      from register_aggregates
      where snapshot_id = ${snapshotId} and dimension in ('total', 'kis', 'size') and area_code not in ('', ${NATIONAL})
      group by area_code`,
  );
}
