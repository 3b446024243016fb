import type { CompanyView, RegisterEntityView, TopEmployerRow, TopEmployers } from "../../../core/api/register.js";
import { isPersonalOrganisationForm, isValidOrgnr, normalizeOrgnr } from "../../../core/logs/orgnr.js";
import { lookupNace } from "../../../core/register/nace.js";
import { isNewFirmForm, isPublicAdministration } from "../../../core/register/org-forms.js";
import { type AddressRule, type RegisterKind, SIZE_CLASSES, type SizeClass } from "../../../core/register/types.js";
import type { DbOrTx } from "../../db/client.js";
import {
  type EntityRow,
  employerCandidates,
  entityRowsOf,
  searchEntityRows,
  unitRowsOf,
  unitSnapshotFor,
  welcomeRows,
} from "./companies.store.js";

/**
 * Company (hovedenhet) and unit (underenhet) lookups over complete register snapshots: the
 * register facts the company page, the engagement log and the top-10 contact-meeting list use.
 */

export type { CompanyView, RegisterEntityView, TopEmployerRow, TopEmployers };
export { unitSnapshotFor };

const ADDRESS_RULES: readonly AddressRule[] = ["forretningsadresse", "postadresse", "beliggenhetsadresse"];
const isAddressRule = (v: string | null): v is AddressRule => ADDRESS_RULES.some((r) => r === v);
const isSizeClass = (v: string | null): v is SizeClass => SIZE_CLASSES.some((c) => c === v);

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
  const rows = (await entityRowsOf(db, orgnr)).map(toView);
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
  return (await unitRowsOf(db, orgnr)).map(toView);
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
  const rows = await searchEntityRows(db, { prefix, contains, limit: cap });
  return rows.map(toView);
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
  const rows = await employerCandidates(db, { snapshotId: snap.id, areaCode: o.areaCode, limit: limit * 3 + 50 });
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
  const rows = await welcomeRows(db, o);
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
