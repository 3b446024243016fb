/**
 * Building cases (byggesaker) as the pure code sees them: one application with its dates, the
 * flags that choose its statutory deadline, and the periods its clock stood still.
 * Dates are calendar dates in Norway, as ISO strings (YYYY-MM-DD).
 */

/** Application types; the same list as the database check constraint (server/db/schema/logs.ts). */
export const APPLICATION_TYPES = [
  "ett_trinn",
  "rammetillatelse",
  "igangsettingstillatelse",
  "endringssoknad",
  "dispensasjon",
  "midlertidig_brukstillatelse",
  "ferdigattest",
  "tiltak_uten_ansvarsrett",
  "annet",
] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

export function isApplicationType(s: string): s is ApplicationType {
  return APPLICATION_TYPES.some((a) => a === s);
}

/** Labels in bokmål, as case systems and case officers name the types. */
export const APPLICATION_TYPE_LABELS: Record<ApplicationType, string> = {
  ett_trinn: "Ett-trinns søknad",
  rammetillatelse: "Rammetillatelse",
  igangsettingstillatelse: "Igangsettingstillatelse",
  endringssoknad: "Endringssøknad",
  dispensasjon: "Dispensasjon",
  midlertidig_brukstillatelse: "Midlertidig brukstillatelse",
  ferdigattest: "Ferdigattest",
  tiltak_uten_ansvarsrett: "Tiltak uten ansvarsrett",
  annet: "Annet",
};

/** A period the clock stood still: from `fromDate` (stopped) until `toDate` (running again); null = still stopped. */
export interface StopPeriod {
  fromDate: string;
  toDate: string | null;
}

/** The flags the statutory deadline depends on. */
export interface DeadlineFlags {
  neighbourObjections: boolean;
  dispensationNeeded: boolean;
  otherAuthorities: boolean;
}

export interface ApplicationFacts extends DeadlineFlags {
  applicationType: ApplicationType;
  /** Næringsbygg: a building for business use. */
  commercial: boolean;
  receivedDate: string;
  /** The day the application was complete; the clock starts here. */
  completeDate: string | null;
  decisionDate: string | null;
  stops: readonly StopPeriod[];
}
