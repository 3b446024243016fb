/**
 * Organisation forms (Brreg `organisasjonsform.kode`) and institutional sector codes
 * (`institusjonellSektorkode.kode`, SSB's standard for institutional sector 2012) as the register
 * analysis uses them. Every form code Brreg's `/organisasjonsformer` lists is decided below; a code
 * not in the list (a future form) is neither a new firm nor, by form alone, public administration.
 */
import { isPersonalOrganisationForm } from "../logs/orgnr.js";

/** Every form code Brreg lists (enheter and underenheter), with its Norwegian name. */
export const ORG_FORMS: Readonly<Record<string, string>> = {
  AAFY: "Underenhet til ikke-næringsdrivende",
  ADOS: "Administrativ enhet - offentlig sektor",
  ANNA: "Annen juridisk person",
  ANS: "Ansvarlig selskap med solidarisk ansvar",
  AS: "Aksjeselskap",
  ASA: "Allmennaksjeselskap",
  BA: "Selskap med begrenset ansvar",
  BBL: "Boligbyggelag",
  BEDR: "Underenhet til næringsdrivende og offentlig forvaltning",
  BO: "Andre bo",
  BRL: "Borettslag",
  DA: "Ansvarlig selskap med delt ansvar",
  ENK: "Enkeltpersonforetak",
  EOFG: "Europeisk økonomisk foretaksgruppe",
  ESEK: "Eierseksjonssameie",
  FKF: "Fylkeskommunalt foretak",
  FLI: "Forening/lag/innretning",
  FYLK: "Fylkeskommune",
  GFS: "Gjensidig forsikringsselskap",
  IKJP: "Andre ikke-juridiske personer",
  IKS: "Interkommunalt selskap",
  KBO: "Konkursbo",
  KF: "Kommunalt foretak",
  KIRK: "Den norske kirke",
  KOMM: "Kommune",
  KS: "Kommandittselskap",
  KTRF: "Kontorfellesskap",
  NUF: "Norskregistrert utenlandsk foretak",
  OPMV: "Særskilt oppdelt enhet, jf. mval. § 2-2",
  ORGL: "Organisasjonsledd",
  PERS: "Andre enkeltpersoner som registreres i tilknyttet register",
  PK: "Pensjonskasse",
  PRE: "Partrederi",
  SA: "Samvirkeforetak",
  SAM: "Tingsrettslig sameie",
  SE: "Europeisk selskap",
  SF: "Statsforetak",
  SPA: "Sparebank",
  STAT: "Staten",
  STI: "Stiftelse",
  SÆR: "Annet foretak ifølge særskilt lov",
  TVAM: "Tvangsregistrert for MVA",
  UTLA: "Utenlandsk enhet",
  VPFO: "Verdipapirfond",
};

/**
 * Forms that count as a new firm when registered: private, market-oriented businesses that someone
 * starts — limited companies (AS, ASA), sole proprietorships (ENK), partnerships (ANS, DA, KS, and
 * the shipowning partnership PRE), cooperatives and limited-liability companies (SA, BA), a Norwegian
 * branch of a foreign business (NUF) and the European company (SE).
 *
 * Not new firms:
 * - associations, foundations and the church (FLI, STI, KIRK), housing (BRL, BBL, ESEK, SAM);
 * - public bodies and public enterprises (STAT, FYLK, KOMM, ORGL, ADOS, KF, FKF, IKS, SF);
 * - financial institutions and funds not started as new businesses (SPA, GFS, PK, VPFO) and
 *   special-law entities (SÆR);
 * - estates and registrations that are not businesses (KBO, BO, ANNA, IKJP, PERS, KTRF, OPMV, TVAM,
 *   EOFG — a grouping of existing firms), foreign entities without a Norwegian branch (UTLA);
 * - underenhet forms (BEDR, AAFY): local units, not firms.
 */
export const NEW_FIRM_FORMS = ["AS", "ASA", "ENK", "ANS", "DA", "KS", "PRE", "SA", "BA", "NUF", "SE"] as const;

export function isNewFirmForm(form: string | null | undefined): boolean {
  return form != null && oneOf(NEW_FIRM_FORMS, form.trim().toUpperCase());
}

/** Forms of local units (underenheter). */
export const UNIT_FORMS = ["BEDR", "AAFY"] as const;

/**
 * Forms that are public administration themselves: the state, county and municipality as legal
 * persons, their organisational units (ORGL is registered for parts of the state, county and
 * municipal administration) and administrative units of the public sector (ADOS).
 * Public enterprises (KF, FKF, IKS, SF, state- or municipally owned AS) are not public
 * administration by form: they are market producers unless their sector code says otherwise.
 */
export const PUBLIC_ADMINISTRATION_FORMS = ["STAT", "FYLK", "KOMM", "ORGL", "ADOS"] as const;

/**
 * Institutional sector codes of general government (ESA S.13): 6100 Statsforvaltningen,
 * 6500 Kommuneforvaltningen. (1110/1120 state-owned and 1510/1520 municipally owned enterprises are
 * non-financial corporations, S.11, and are not excluded.)
 */
export const PUBLIC_ADMINISTRATION_SECTORS = ["6100", "6500"] as const;

export interface PublicAdministrationInput {
  naceDivision: string | null;
  orgForm: string | null;
  /** The form of the parent (hovedenhet) for an underenhet, when known. */
  parentOrgForm: string | null;
  /** Sector code of the entity, or of the parent for an underenhet. */
  sectorCode: string | null;
}

/**
 * True when the entity is public administration, for leaving it out of top-N employer lists:
 * NACE division 84 (public administration and defence — 84 in both SN2007 and SN2025), a
 * public-administration form of the entity or of its parent, or a general-government sector code.
 * Schools, hospitals and nursing homes run by the state or a municipality are caught through the
 * parent's form or sector code, not through their own NACE code.
 */
export function isPublicAdministration(input: PublicAdministrationInput): boolean {
  const norm = (v: string | null) => (v == null ? null : v.trim().toUpperCase());
  if (input.naceDivision?.trim() === "84") return true;
  const form = norm(input.orgForm);
  const parent = norm(input.parentOrgForm);
  if (form !== null && oneOf(PUBLIC_ADMINISTRATION_FORMS, form)) return true;
  if (parent !== null && oneOf(PUBLIC_ADMINISTRATION_FORMS, parent)) return true;
  const sector = input.sectorCode?.trim() ?? null;
  return sector !== null && oneOf(PUBLIC_ADMINISTRATION_SECTORS, sector);
}

/** True when the organisation number of an entity of this form is personal data (see core/logs/orgnr.ts). */
export function isPersonalForm(form: string | null | undefined): boolean {
  return isPersonalOrganisationForm(form);
}

/** Whether a value is in a list of literals (a readonly tuple widens to string[] here without a cast). */
function oneOf(list: readonly string[], value: string): boolean {
  return list.includes(value);
}
