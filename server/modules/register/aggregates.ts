import { sql } from "drizzle-orm";
import type { AggregateRow } from "../../../core/register/aggregate.js";
import type { DbOrTx } from "../../db/client.js";

/**
 * Pre-aggregates one snapshot per municipality (today's number; '' = no municipality; '*' = the
 * whole snapshot, i.e. the country for a national one) so that the
 * analysis of a municipality and the ranking of all municipalities read a few hundred rows instead
 * of scanning the register. One scan with GROUPING SETS. Dimensions and keys:
 * - total ''                     - division 'SN2007:62' ('SN2025:unknown', ':unspecified', ':none')
 * - size '1-4' ('unknown')        - form 'AS'                   - kis 'HTKIS' ('unknown')
 * - registered '2021|AS' (year of registration | organisation form; 'none|…' without a date)
 * - bankrupt 'true' / 'false'
 */
export async function computeSnapshotAggregates(db: DbOrTx, snapshotId: number, precomputed?: readonly AggregateRow[]): Promise<void> {
  await db.execute(sql`delete from register_aggregates where snapshot_id = ${snapshotId}`);
  if (precomputed) {
    // Accumulated while the file was read (core/register/aggregate.ts): no scan of the rows.
    for (let i = 0; i < precomputed.length; i += 2000) {
      const chunk = precomputed.slice(i, i + 2000);
      await db.execute(sql`
        insert into register_aggregates (snapshot_id, area_code, dimension, key, entities, employees_5plus, units_1_4, units_unknown)
        values ${sql.join(
          chunk.map(
            (a) =>
              sql`(${snapshotId}, ${a.areaCode}, ${a.dimension}, ${a.key}, ${a.entities}, ${a.employees5plus}, ${a.units1to4}, ${a.unitsUnknown})`,
          ),
          sql`, `,
        )}`);
    }
  } else {
    await aggregateStoredRows(db, snapshotId);
  }
  await sumNational(db, snapshotId);
}

async function aggregateStoredRows(db: DbOrTx, snapshotId: number): Promise<void> {
  // Enough memory to hash all grouping sets in one pass instead of sorting the rows once per set.
  await db.execute(sql.raw("set local work_mem = '64MB'"));
  await db.execute(sql`
    insert into register_aggregates (snapshot_id, area_code, dimension, key, entities, employees_5plus, units_1_4, units_unknown)
    select ${snapshotId}, area,
      case when grouping(dk) = 0 then 'division' when grouping(sk) = 0 then 'size' when grouping(fk) = 0 then 'form'
           when grouping(kk) = 0 then 'kis' when grouping(rk) = 0 then 'registered' when grouping(bk) = 0 then 'bankrupt'
           else 'total' end,
      coalesce(dk, sk, fk, kk, rk, bk, ''),
      count(*)::int,
      coalesce(sum(employees) filter (where employees >= 5), 0)::int,
      (count(*) filter (where size_class = '1-4'))::int,
      (count(*) filter (where size_class is null))::int
    from (
      select coalesce(area_code, '') as area, employees, size_class,
        coalesce(nace_version, '?') || ':' || coalesce(nace_division, case when nace_code is null then 'none' when nace_code like '00%' then 'unspecified' else 'unknown' end) as dk,
        coalesce(size_class, 'unknown') as sk,
        coalesce(org_form, 'unknown') as fk,
        coalesce(kis_group, 'unknown') as kk,
        coalesce(extract(year from registered_on)::int::text, 'none') || '|' || coalesce(org_form, 'unknown') as rk,
        case when bankrupt then 'true' else 'false' end as bk
      from register_rows where snapshot_id = ${snapshotId}
    ) r
    group by grouping sets ((area), (area, dk), (area, sk), (area, fk), (area, kk), (area, rk), (area, bk))`);
}

/** The whole snapshot ('*'): sums of the municipalities' rows — every figure here is additive. */
async function sumNational(db: DbOrTx, snapshotId: number): Promise<void> {
  await db.execute(sql`
    insert into register_aggregates (snapshot_id, area_code, dimension, key, entities, employees_5plus, units_1_4, units_unknown)
    select snapshot_id, '*', dimension, key, sum(entities)::int, sum(employees_5plus)::int, sum(units_1_4)::int, sum(units_unknown)::int
    from register_aggregates where snapshot_id = ${snapshotId}
    group by snapshot_id, dimension, key`);
}
