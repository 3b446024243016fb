import { sql } from "drizzle-orm";
import type { RegisterKind } from "../../../core/register/types.js";
import type { DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";

/** The reads of companies and units in the register snapshots: all their SQL (companies.service.ts shapes them). */

export interface EmployerCandidate {
  company: string;
  employees: number | string;
  units_count: number | string;
  units_small: number | string;
  all_84: boolean | null;
  unit_name: string;
  nace_division: string | null;
  parent_name: string | null;
  parent_form: string | null;
  parent_sector: string | null;
  parent_division: string | null;
}

/** A register_rows row joined with its snapshot, as SELECT_COLUMNS reads it. */
export interface EntityRow {
  orgnr: string;
  kind: RegisterKind;
  name: string;
  org_form: string | null;
  nace_code: string | null;
  nace_version: string | null;
  nace_section: string | null;
  nace_division: string | null;
  kis_group: string | null;
  area_code: string | null;
  address_rule: string | null;
  address: string | null;
  postal_code: string | null;
  postal_place: string | null;
  employees: number | string | null;
  size_class: string | null;
  registered_on: string | null;
  started_on: string | null;
  parent_orgnr: string | null;
  sector_code: string | null;
  bankrupt: boolean | null;
  liquidating: boolean | null;
  closed_on: string | null;
  snapshot_id: number | string;
  as_of: string;
}

const SELECT_COLUMNS = sql`r.orgnr, s.kind, r.name, r.org_form, r.nace_code, r.nace_version, r.nace_section, r.nace_division,
  r.kis_group, r.area_code, r.address_rule, r.address, r.postal_code, r.postal_place, r.employees, r.size_class,
  r.registered_on::text as registered_on, r.started_on::text as started_on, r.parent_orgnr, r.sector_code, r.bankrupt,
  r.liquidating, r.closed_on::text as closed_on, r.snapshot_id, s.as_of::text as as_of`;

/** Every complete snapshot's row of one entity, oldest first. */
export async function entityRowsOf(db: DbOrTx, orgnr: string): Promise<EntityRow[]> {
  return queryRows<EntityRow>(
    db,
    sql`
      select ${SELECT_COLUMNS} from register_rows r join register_snapshots s on s.id = r.snapshot_id
      where r.orgnr = ${orgnr} and s.status = 'complete'
      order by s.as_of asc, s.id asc`,
  );
}

/** Rows of a company's local units in the latest underenheter snapshot that has any, largest first. */
export async function unitRowsOf(db: DbOrTx, orgnr: string): Promise<EntityRow[]> {
  const [unitSnap] = await queryRows<{ id: number }>(
    db,
    sql`
      select s.id from register_rows r join register_snapshots s on s.id = r.snapshot_id
      where r.parent_orgnr = ${orgnr} and s.status = 'complete' and s.kind = 'underenheter'
      order by s.as_of desc, s.id desc limit 1`,
  );
  if (!unitSnap) return [];
  return queryRows<EntityRow>(
    db,
    sql`
      select ${SELECT_COLUMNS} from register_rows r join register_snapshots s on s.id = r.snapshot_id
      where r.snapshot_id = ${unitSnap.id} and r.parent_orgnr = ${orgnr}
      order by r.employees desc nulls last, r.name`,
  );
}

/** Each entity whose name matches `contains` once, with its latest facts: prefix matches and enheter first. */
export async function searchEntityRows(db: DbOrTx, o: { prefix: string; contains: string; limit: number }): Promise<EntityRow[]> {
  return queryRows<EntityRow>(
    db,
    sql`
      select * from (
        select distinct on (r.orgnr) ${SELECT_COLUMNS},
          case when lower(r.name) like ${o.prefix} then 0 else 1 end as rank_match
        from register_rows r join register_snapshots s on s.id = r.snapshot_id
        where s.status = 'complete' and lower(r.name) like ${o.contains}
        order by r.orgnr, (s.kind = 'enheter') desc, s.as_of desc, s.id desc
      ) x
      order by rank_match, (kind = 'enheter') desc, name
      limit ${o.limit}`,
  );
}

/** The underenheter snapshot covering `areaCode` in effect at `asOf` (else the earliest after it). */
export async function unitSnapshotFor(db: DbOrTx, areaCode: string, asOf: string): Promise<{ id: number; asOf: string } | null> {
  const [s] = await queryRows<{ id: number; as_of: string }>(
    db,
    sql`
      select id, as_of::text as as_of from register_snapshots
      where status = 'complete' and kind = 'underenheter' and (scope = 'national' or ${areaCode} = any(string_to_array(scope, ',')))
      order by (as_of <= ${asOf}::date) desc, case when as_of <= ${asOf}::date then as_of end desc nulls last, as_of asc
      limit 1`,
  );
  return s ? { id: Number(s.id), asOf: s.as_of } : null;
}

/** Companies by the employees at their local units in the area (parent facts joined), largest first. */
export async function employerCandidates(
  db: DbOrTx,
  o: { snapshotId: number; areaCode: string; limit: number },
): Promise<EmployerCandidate[]> {
  return queryRows<EmployerCandidate>(
    db,
    sql`
      with units as (
        select coalesce(u.parent_orgnr, u.orgnr) as company, u.name as unit_name, u.employees, u.size_class, u.nace_division
        from register_rows u where u.snapshot_id = ${o.snapshotId} and u.area_code = ${o.areaCode}
      ), grouped as (
        select company, coalesce(sum(employees) filter (where employees >= 5), 0)::int as employees, count(*)::int as units_count,
          (count(*) filter (where size_class = '1-4'))::int as units_small,
          bool_or(nace_division = '84') as any_84, bool_and(nace_division = '84') as all_84,
          min(unit_name) as unit_name, mode() within group (order by nace_division) as nace_division
        from units group by company
      )
      select g.company, g.employees, g.units_count, g.units_small, g.all_84, g.unit_name, g.nace_division, p.name as parent_name, p.org_form as parent_form, p.sector_code as parent_sector, p.nace_division as parent_division
      from grouped g
      left join lateral (
        select r.name, r.org_form, r.sector_code, r.nace_division from register_rows r join register_snapshots s on s.id = r.snapshot_id
        where r.orgnr = g.company and s.kind = 'enheter' and s.status = 'complete'
        order by s.as_of desc limit 1
      ) p on true
      order by g.employees desc, g.units_count desc, g.company
      limit ${o.limit}`,
  );
}

export interface WelcomeRow {
  orgnr: string;
  kind: RegisterKind;
  reason: "registered" | "moved_in";
  occurred_on: string;
  name: string;
  org_form: string | null;
  nace_code: string | null;
}

/** Entities registered in or moved into the area since a date, with their latest name and form. */
export async function welcomeRows(db: DbOrTx, o: { areaCode: string; since: string }): Promise<WelcomeRow[]> {
  return queryRows<WelcomeRow>(
    db,
    sql`
      with changed as (
        select distinct on (c.orgnr) c.orgnr, c.kind,
          case when c.change = 'registered' then 'registered' else 'moved_in' end as reason, c.occurred_on::text as occurred_on
        from register_changes c
        where c.area_code = ${o.areaCode} and c.occurred_on >= ${o.since}::date
          and (c.change in ('registered', 'moved_in') or (c.change = 'moved' and c.previous_area_code is distinct from ${o.areaCode}))
        order by c.orgnr, c.occurred_on desc
      ), fresh as (
        select distinct on (r.orgnr) r.orgnr, s.kind, 'registered' as reason, r.registered_on::text as occurred_on
        from register_rows r join register_snapshots s on s.id = r.snapshot_id
        where s.status = 'complete' and r.area_code = ${o.areaCode} and r.registered_on >= ${o.since}::date
        order by r.orgnr, s.as_of desc
      ), candidates as (
        select * from changed union all select * from fresh f where not exists (select 1 from changed c where c.orgnr = f.orgnr)
      )
      select c.orgnr, c.kind, c.reason, c.occurred_on, l.name, l.org_form, l.nace_code
      from candidates c
      join lateral (
        select r.name, r.org_form, r.nace_code from register_rows r join register_snapshots s on s.id = r.snapshot_id
        where r.orgnr = c.orgnr and s.status = 'complete' order by s.as_of desc limit 1
      ) l on true
      order by c.occurred_on desc, l.name
      limit 1000`,
  );
}
