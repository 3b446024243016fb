import type { ApplicationType, DeadlineFlags } from "./types.js";

/**
 * The statutory deadline (saksbehandlingsfrist) of a building application, from a dated rule table
 * drawn from plan- og bygningsloven (LOV-2008-06-27-71) § 21-7 and byggesaksforskriften (SAK10,
 * FOR-2010-03-26-488) chapter 7. The first row that matches the application's type, its flags and
 * the day it was complete wins, so specific rows come before general ones.
 *
 * `verified: false` marks rows where the weeks are well established in practice but the exact
 * paragraph (ledd/bokstav) or the legal effect has not been checked against Lovdata here; see
 * docs/building-cases.md.
 */
export interface DeadlineRule {
  id: string;
  /** First day (inclusive) the rule applies to, by the day the application was complete. */
  validFrom: string;
  /** Last day (inclusive), or null while in force. */
  validTo: string | null;
  types: readonly ApplicationType[];
  /** Flag values the rule requires; a flag not named here may have any value. */
  when: Partial<DeadlineFlags>;
  condition: { nb: string; en: string };
  /** 3 or 12 weeks, or null: the law sets no deadline for these applications. */
  weeks: 3 | 12 | null;
  citation: string;
  /** What happens when the municipality exceeds the deadline (nb). */
  consequence: string;
  verified: boolean;
}

/** The building-case part of pbl. 2008 and SAK10 came into force on 1 July 2010. */
export const RULES_START = "2010-07-01";
/** Prop. 99 L (2013–2014): from 1 July 2015, cases needing a dispensation from a plan got a 12-week deadline. */
export const DISPENSATION_DEADLINE_FROM = "2015-07-01";

const PERMITS: readonly ApplicationType[] = ["ett_trinn", "rammetillatelse", "endringssoknad", "tiltak_uten_ansvarsrett"];
const FEE_REFUND =
  "Kommunen skal betale tilbake 25 % av det totale gebyret for hver påbegynte uke fristen overskrides (SAK10 § 7-6), med mindre fristen er avtalt eller forlenget etter SAK10 § 7-3.";

export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    id: "dispensation-permit-none",
    validFrom: RULES_START,
    validTo: "2015-06-30",
    types: PERMITS,
    when: { dispensationNeeded: true },
    condition: {
      nb: "Søknad om tillatelse som krever dispensasjon fra plan (før 1. juli 2015)",
      en: "Permit application needing a dispensation from a plan (before 1 July 2015)",
    },
    weeks: null,
    citation: "pbl. § 21-7 (før endringslov etter Prop. 99 L (2013–2014)): ingen frist for saker som krever dispensasjon fra plan",
    consequence: "Ingen lovbestemt frist.",
    verified: true,
  },
  {
    id: "dispensation-permit-12w",
    validFrom: DISPENSATION_DEADLINE_FROM,
    validTo: null,
    types: PERMITS,
    when: { dispensationNeeded: true },
    condition: {
      nb: "Søknad om tillatelse som krever dispensasjon fra plan eller planbestemmelser",
      en: "Permit application needing a dispensation from a plan or its provisions",
    },
    weeks: 12,
    citation: "pbl. § 21-7 fjerde ledd",
    consequence: `${FEE_REFUND} Fristen løper ikke mens søknaden ligger til uttalelse hos regionale og statlige myndigheter (registreres som stopp).`,
    verified: true,
  },
  {
    id: "one-step-3w",
    validFrom: RULES_START,
    validTo: null,
    types: ["ett_trinn"],
    when: { neighbourObjections: false, dispensationNeeded: false, otherAuthorities: false },
    condition: {
      nb: "Ett-trinns søknad i samsvar med plan, uten nabomerknader og uten behov for tillatelse, samtykke eller uttalelse fra annen myndighet",
      en: "One-step application in line with the plan, no neighbour objections, no other authority's permit, consent or statement needed",
    },
    weeks: 3,
    citation: "pbl. § 21-7 andre ledd",
    consequence: "Tillatelse anses gitt når fristen er overskredet.",
    verified: true,
  },
  {
    id: "no-responsible-3w",
    validFrom: RULES_START,
    validTo: null,
    types: ["tiltak_uten_ansvarsrett"],
    when: { dispensationNeeded: false, otherAuthorities: false },
    condition: {
      nb: "Tiltak uten ansvarsrett (pbl. § 20-4) uten dispensasjon og uten behov for annen myndighet, også med nabomerknader",
      en: "Works the owner may carry out (pbl. § 20-4) without dispensation or another authority, also with neighbour objections",
    },
    weeks: 3,
    citation: "pbl. § 21-7 tredje ledd",
    consequence:
      "Uten nabomerknader anses tillatelse gitt når fristen er overskredet; med nabomerknader gjelder fristen uten den virkningen.",
    verified: false,
  },
  {
    id: "permit-12w",
    validFrom: RULES_START,
    validTo: null,
    types: PERMITS,
    when: {},
    condition: {
      nb: "Søknad om tillatelse (ett trinn, rammetillatelse, endring, tiltak uten ansvarsrett) som ikke fyller vilkårene for 3 uker",
      en: "Permit application (one-step, outline, change, owner-built) not meeting the conditions for 3 weeks",
    },
    weeks: 12,
    citation: "pbl. § 21-7 første ledd",
    consequence: FEE_REFUND,
    verified: true,
  },
  {
    id: "dispensation-only-none",
    validFrom: RULES_START,
    validTo: "2015-06-30",
    types: ["dispensasjon"],
    when: {},
    condition: {
      nb: "Søknad som kun gjelder dispensasjon (før 1. juli 2015)",
      en: "Application for a dispensation only (before 1 July 2015)",
    },
    weeks: null,
    citation: "pbl. § 19-2 (ingen frist før SAK10 § 7-4 fra 1. juli 2015)",
    consequence: "Ingen lovbestemt frist.",
    verified: true,
  },
  {
    id: "dispensation-only-12w",
    validFrom: DISPENSATION_DEADLINE_FROM,
    validTo: null,
    types: ["dispensasjon"],
    when: {},
    condition: { nb: "Søknad som kun gjelder dispensasjon", en: "Application for a dispensation only" },
    weeks: 12,
    citation: "SAK10 § 7-4 bokstav a (hjemmel pbl. § 19-2 siste ledd)",
    consequence: `${FEE_REFUND} Fristen løper ikke mens søknaden ligger til uttalelse hos regionale og statlige myndigheter.`,
    verified: true,
  },
  {
    id: "start-permit-3w",
    validFrom: RULES_START,
    validTo: null,
    types: ["igangsettingstillatelse"],
    when: {},
    condition: { nb: "Søknad om igangsettingstillatelse", en: "Application for a commencement permit" },
    weeks: 3,
    citation: "pbl. § 21-7 / SAK10 kap. 7 (ledd og bokstav ikke verifisert)",
    consequence: "Rettsvirkning ved overskridelse ikke verifisert.",
    verified: false,
  },
  {
    id: "temporary-use-3w",
    validFrom: RULES_START,
    validTo: null,
    types: ["midlertidig_brukstillatelse"],
    when: {},
    condition: { nb: "Søknad om midlertidig brukstillatelse", en: "Application for a temporary occupancy permit" },
    weeks: 3,
    citation: "SAK10 § 7-1 bokstav b (gjeldende tekst)",
    consequence: "Ingen særskilt rettsvirkning (fristen følger av forskriften, ikke av pbl. § 21-7).",
    verified: true,
  },
  {
    id: "completion-3w",
    validFrom: RULES_START,
    validTo: null,
    types: ["ferdigattest"],
    when: {},
    condition: { nb: "Søknad om ferdigattest", en: "Application for a completion certificate" },
    weeks: 3,
    citation: "pbl. § 21-7 (ferdigattest; ledd ikke verifisert)",
    consequence: "Rettsvirkning ved overskridelse ikke verifisert.",
    verified: false,
  },
  {
    id: "other-none",
    validFrom: RULES_START,
    validTo: null,
    types: ["annet"],
    when: {},
    condition: { nb: "Annen søknad", en: "Other application" },
    weeks: null,
    citation: "Ingen frist i tabellen for denne søknadstypen",
    consequence: "Ingen lovbestemt frist registrert.",
    verified: true,
  },
];

export interface DeadlineInput extends DeadlineFlags {
  applicationType: ApplicationType;
  /** The day the application was complete (or received, when that is all we know). */
  date: string;
}

export interface Deadline {
  /** Weeks, or null when the law sets no deadline or no rule covers the date. */
  weeks: number | null;
  days: number | null;
  /** The rule used; null when the date is outside the table (before 1 July 2010). */
  rule: DeadlineRule | null;
}

function matches(rule: DeadlineRule, input: DeadlineInput): boolean {
  if (!rule.types.includes(input.applicationType)) return false;
  if (input.date < rule.validFrom || (rule.validTo !== null && input.date > rule.validTo)) return false;
  const when = rule.when;
  return (
    (when.neighbourObjections === undefined || when.neighbourObjections === input.neighbourObjections) &&
    (when.dispensationNeeded === undefined || when.dispensationNeeded === input.dispensationNeeded) &&
    (when.otherAuthorities === undefined || when.otherAuthorities === input.otherAuthorities)
  );
}

/** The statutory deadline for an application: the first matching row of the rule table. */
export function statutoryDeadline(input: DeadlineInput, rules: readonly DeadlineRule[] = DEADLINE_RULES): Deadline {
  const rule = rules.find((r) => matches(r, input)) ?? null;
  const weeks = rule?.weeks ?? null;
  return { weeks, days: weeks === null ? null : weeks * 7, rule };
}
