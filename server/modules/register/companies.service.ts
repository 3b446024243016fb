import { sql } from "drizzle-orm";
import type { CompanyView, RegisterEntityView, TopEmployerRow, TopEmployers } from "../../../core/api/register.js";
import { isPersonalOrganisationForm, isValidOrgnr, normalizeOrgnr } from "../../../core/logs/orgnr.js";
import { lookupNace } from "../../../core/register/nace.js";
import { isNewFirmForm, isPublicAdministration } from "../../../core/register/org-forms.js";
import { type AddressRule, type RegisterKind, SIZE_CLASSES, type SizeClass } from "../../../core/register/types.js";
import type { DbOrTx } from "../../db/client.js";
import { queryRows } from "../../db/rows.js";

/**
 * Company (hovedenhet) and unit (underenhet) lookups over complete register snapshots: the
 * register facts the company page, the engagement log and the top-10 contact-meeting list use.
 */

export type { CompanyView, RegisterEntityView, TopEmployerRow, TopEmployers };

/** A register_rows row joined with its snapshot, as SELECT_COLUMNS reads it. */
interface EntityRow {
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

const ADDRESS_RULES: readonly AddressRule[] = ["forretningsadresse", "postadresse", "beliggenhetsadresse"];
const isAddressRule = (v: string | null): v is AddressRule => ADDRESS_RULES.some((r) => r === v);
const isSizeClass = (v: string | null): v is SizeClass => SIZE_CLASSES.some((c) => c === v);

const SELECT_COLUMNS = sql`r.orgnr, s.kind, r.name, r.org_form, r.nace_code, r.nace_version, r.nace_section, r.nace_division,
  r.kis_group, r.area_code, r.address_rule, r.address, r.postal_code, r.postal_place, r.employees, r.size_class,
  r.registered_on::text as registered_on, r.started_on::text as started_on, r.parent_orgnr, r.sector_code, r.bankrupt,
  r.liquidating, r.closed_on::text as closed_on, r.snapshot_id, s.as_of::text as as_of`;

function naceNameOf(version: string | null, code: string | null): string | null {
  if ((version !== "SN2007" && version !== "SN2025") || code === null) return null;
  return lookupNace(version, code, { ancestorFallback: true })?.name ?? null;
}

function toView(r: EntityRow): RegisterEntityView {
  return {
    naceName: naceNameOf(r.nace_version, r.nace_code),
    orgnr: r.orgnr,
    kind: r.kind,
    name: r.name,
    orgForm: r.org_form,
    naceCode: r.nace_code,
    naceVersion: r.nace_version,
    naceSection: r.nace_section,
    naceDivision: r.nace_division,
    kisGroup: r.kis_group,
    areaCode: r.area_code,
    addressRule: isAddressRule(r.address_rule) ? r.address_rule : null,
    address: r.address,
    postalCode: r.postal_code,
    postalPlace: r.postal_place,
    employees: r.employees === null ? null : Number(r.employees),
    sizeClass: isSizeClass(r.size_class) ? r.size_class : null,
    registeredOn: r.registered_on,
    startedOn: r.started_on,
    parentOrgnr: r.parent_orgnr,
    sectorCode: r.sector_code,
    bankrupt: Boolean(r.bankrupt),
    liquidating: Boolean(r.liquidating),
    closedOn: r.closed_on,
    snapshotId: Number(r.snapshot_id),
    asOf: r.as_of,
  };
}

/** The company (or, failing that, the unit) with this organisation number in its latest snapshot. */
export async function findCompany(db: DbOrTx, orgnrInput: string): Promise<CompanyView | null> {
  const orgnr = normalizeOrgnr(orgnrInput);
  if (!/^\d{9}$/.test(orgnr)) return null;
  const rows = (
    await queryRows<EntityRow>(
      db,
      sql`
      select ${SELECT_COLUMNS} from register_rows r join register_snapshots s on s.id = r.snapshot_id
      where r.orgnr = ${orgnr} and s.status = 'complete'
      order by s.as_of asc, s.id asc`,
    )
  ).map(toView);
  const units = await unitsOf(db, orgnr);
  if (rows.length === 0) {
    const first = units[0];
    if (!first) return null;
    // Known only as the parent of local units: name it after its units ("X AS AVD Y" → "X AS").
    return {
      ...first,
      orgnr,
      kind: "enheter",
      name: first.name.replace(/\s+AVD\.?\s.*$/i, ""),
      orgForm: null,
      addressRule: null,
      address: null,
      postalCode: null,
      postalPlace: null,
      areaCode: null,
      employees: null,
      sizeClass: null,
      registeredOn: null,
      startedOn: null,
      parentOrgnr: null,
      sectorCode: null,
      closedOn: null,
      bankrupt: false,
      liquidating: false,
      personal: false,
      inRegister: false,
      units,
      history: [],
    };
  }
  const latest = rows.findLast((r) => r.kind === "enheter") ?? rows[rows.length - 1];
  if (!latest) return null;
  return {
    ...latest,
    inRegister: true,
    personal: isPersonalOrganisationForm(latest.orgForm),
    units,
    history: rows.map((r) => ({
      snapshotId: r.snapshotId,
      kind: r.kind,
      asOf: r.asOf,
      areaCode: r.areaCode,
      employees: r.employees,
      sizeClass: r.sizeClass,
    })),
  };
}

/** Local units of a company in the latest underenheter snapshot that has any. */
async function unitsOf(db: DbOrTx, orgnr: string): Promise<RegisterEntityView[]> {
  const [unitSnap] = await queryRows<{ id: number }>(
    db,
    sql`
      select s.id from register_rows r join register_snapshots s on s.id = r.snapshot_id
      where r.parent_orgnr = ${orgnr} and s.status = 'complete' and s.kind = 'underenheter'
      order by s.as_of desc, s.id desc limit 1`,
  );
  if (!unitSnap) return [];
  return (
    await queryRows<EntityRow>(
      db,
      sql`
        select ${SELECT_COLUMNS} from register_rows r join register_snapshots s on s.id = r.snapshot_id
        where r.snapshot_id = ${unitSnap.id} and r.parent_orgnr = ${orgnr}
        order by r.employees desc nulls last, r.name`,
    )
  ).map(toView);
}

/**
 * Companies and units by organisation number (exact) or name (prefix first, then contains),
 * each entity once with its latest facts. Enheter before underenheter.
 */
export async function searchCompanies(db: DbOrTx, q: string, limit = 20): Promise<RegisterEntityView[]> {
  const term = q.trim();
  if (term.length === 0) return [];
  const digits = normalizeOrgnr(term);
  const cap = Math.min(Math.max(limit, 1), 100);
  if (/^\d{9}$/.test(digits)) {
    if (!isValidOrgnr(digits)) return [];
    const c = await findCompany(db, digits);
    return c ? [c] : [];
  }
  const lower = term.toLowerCase();
  const prefix = `${lower.replace(/[\\%_]/g, "\\$&")}%`;
  const contains = `%${lower.replace(/[\\%_]/g, "\\$&")}%`;
  const rows = await queryRows<EntityRow>(
    db,
    sql`
      select * from (
        select distinct on (r.orgnr) ${SELECT_COLUMNS},
          case when lower(r.name) like ${prefix} then 0 else 1 end as rank_match
        from register_rows r join register_snapshots s on s.id = r.snapshot_id
        where s.status = 'complete' and lower(r.name) like ${contains}
        order by r.orgnr, (s.kind = 'enheter') desc, s.as_of desc, s.id desc
      ) x
      order by rank_match, (kind = 'enheter') desc, name
      limit ${cap}`,
  );
  return rows.map(toView);
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

/**
 * The largest employers in a municipality: companies ranked by the employees at their local units
 * (underenheter by beliggenhetsadresse) in the municipality, public administration excluded (NACE
 * 84, state, county and municipal bodies — core/register/org-forms.ts). A company's national
 * headcount is never used: a head office at Fornebu employs people all over Norway.
 */
export async function topEmployers(db: DbOrTx, o: { areaCode: string; asOf: string; limit?: number }): Promise<TopEmployers | null> {
  const snap = await unitSnapshotFor(db, o.areaCode, o.asOf);
  if (!snap) return null;
  const limit = Math.min(Math.max(o.limit ?? 10, 1), 500);
  const rows = await queryRows<{
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
  }>(
    db,
    sql`
      with units as (
        select coalesce(u.parent_orgnr, u.orgnr) as company, u.name as unit_name, u.employees, u.size_class, u.nace_division
        from register_rows u where u.snapshot_id = ${snap.id} and u.area_code = ${o.areaCode}
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
      limit ${limit * 3 + 50}`,
  );
  const out: TopEmployerRow[] = [];
  let excludedPublic = 0;
  for (const r of rows) {
    const publicBody =
      Boolean(r.all_84) ||
      isPublicAdministration({
        naceDivision: r.parent_division ?? r.nace_division,
        orgForm: r.parent_form,
        parentOrgForm: null,
        sectorCode: r.parent_sector,
      });
    if (publicBody) {
      excludedPublic++;
      continue;
    }
    if (out.length >= limit) continue;
    out.push({
      rank: out.length + 1,
      orgnr: r.company,
      name: r.parent_name ?? r.unit_name,
      orgForm: r.parent_form,
      employees: Number(r.employees),
      unitsCount: Number(r.units_count),
      unitsSmall: Number(r.units_small),
      naceDivision: r.parent_division ?? r.nace_division,
    });
  }
  return { snapshotId: snap.id, asOf: snap.asOf, areaCode: o.areaCode, excludedPublic, rows: out };
}

export interface WelcomeCandidate {
  orgnr: string;
  name: string;
  kind: RegisterKind;
  reason: "registered" | "moved_in";
  occurredOn: string;
  orgForm: string | null;
  naceCode: string | null;
}

/**
 * Companies and establishments new in the municipality since `since`: registered there, or moved
 * in (between snapshots of the same scope, or from the update feed). Without an earlier snapshot to
 * compare with, entities of the latest snapshot registered since `since` count as registered.
 * Only forms that count as new firms (core/register/org-forms.ts) and business units (BEDR).
 */
export async function welcomeCandidates(db: DbOrTx, o: { areaCode: string; since: string }): Promise<WelcomeCandidate[]> {
  const rows = await queryRows<{
    orgnr: string;
    kind: RegisterKind;
    reason: "registered" | "moved_in";
    occurred_on: string;
    name: string;
    org_form: string | null;
    nace_code: string | null;
  }>(
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
  return rows
    .filter((r) => (r.kind === "underenheter" ? r.org_form === "BEDR" : isNewFirmForm(r.org_form)))
    .map((r) => ({
      orgnr: String(r.orgnr),
      name: String(r.name),
      kind: r.kind,
      reason: r.reason,
      occurredOn: String(r.occurred_on),
      orgForm: r.org_form,
      naceCode: r.nace_code,
    }));
}
