import { type Deadline, statutoryDeadline } from "./deadlines.js";
import { type ClockResult, elapsedTime, processingTime } from "./processing-time.js";
import type { ApplicationFacts, ApplicationType } from "./types.js";

/**
 * The application types the plan's "behandlingstid" target is about: the permits that decide
 * whether a commercial building may be built, i.e. ett-trinns søknad and rammetillatelse (the
 * applications with the 12-week main rule, as KOSTRA's processing-time figures also count them).
 * Left out: follow-up steps of a permit already given (igangsettingstillatelse, endringssøknad),
 * completion (midlertidig brukstillatelse, ferdigattest), dispensation-only applications (a plan
 * question), minor owner-built works (tiltak uten ansvarsrett) and "annet". Counting the follow-up
 * steps would count one project several times and pull the mean towards their 3-week deadline.
 */
export const TARGET_APPLICATION_TYPES: readonly ApplicationType[] = ["ett_trinn", "rammetillatelse"];

/** The plan's limit: mean processing time for commercial buildings at most 8 weeks. */
export const TARGET_WEEKS = 8;

export const PROCESSING_TIME_DEFINITION = {
  nb:
    "Gjennomsnittlig behandlingstid i uker for byggesaker for næringsbygg: ett-trinns søknader og rammetillatelser, " +
    "fra søknaden var komplett (ellers fra mottatt) til vedtak, uten perioder der fristen sto stille, regnet etter vedtaksdato.",
  en:
    "Mean processing time in weeks of building cases for commercial buildings: one-step applications and outline permits, " +
    "from the day the application was complete (else received) to the decision, excluding periods the clock stood still, by decision date.",
};

/** Days on the clock beyond the plan's 8 weeks (> 0 = over the target); null without a clock. */
export function daysOverTarget(clock: Pick<ClockResult, "days"> | null): number | null {
  return clock ? clock.days - TARGET_WEEKS * 7 : null;
}

/** True when the application counts towards the processing-time target (decided or not). */
export function countsForTarget(app: Pick<ApplicationFacts, "commercial" | "applicationType">): boolean {
  return app.commercial && TARGET_APPLICATION_TYPES.includes(app.applicationType);
}

export interface Assessment {
  deadline: Deadline;
  /** Processing time when decided by `asOf`, else elapsed time as of `asOf`; null if not received by then. */
  clock: ClockResult | null;
  /** Days on the clock beyond the statutory deadline (> 0 = breach); null without a deadline or clock. */
  daysOverDeadline: number | null;
  statutoryBreach: boolean;
  /** Over the plan's 8 weeks (only for applications the target counts). */
  targetBreach: boolean;
  countsForTarget: boolean;
}

/** Everything the lists need about one application, as of a day. */
export function assessApplication(app: ApplicationFacts, asOf: string): Assessment {
  const deadline = statutoryDeadline({ ...app, date: app.completeDate ?? app.receivedDate });
  const decided = app.decisionDate !== null && app.decisionDate <= asOf;
  const clock = decided ? processingTime(app) : elapsedTime(app, asOf);
  const daysOverDeadline = clock && deadline.days !== null ? clock.days - deadline.days : null;
  const counted = countsForTarget(app);
  const overTarget = daysOverTarget(clock);
  return {
    deadline,
    clock,
    daysOverDeadline,
    statutoryBreach: daysOverDeadline !== null && daysOverDeadline > 0,
    targetBreach: counted && overTarget !== null && overTarget > 0,
    countsForTarget: counted,
  };
}
