/**
 * The vocabularies of the plan and its users, defined once: the server's schemas, the database
 * and the web app all take their values from here. Every value has a label in the web app's
 * catalogue (web/i18n, checked by vocabulary.test.ts). No zod here: the browser may import this.
 */

/** A measure's status, in the order the plan document lists them. */
export const MEASURE_STATUSES = ["planned", "in_progress", "completed", "delayed", "cancelled"] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
/** The order measure statuses are shown in (summaries, legends, the update form). */
export const MEASURE_STATUS_ORDER: readonly MeasureStatus[] = ["completed", "in_progress", "planned", "delayed", "cancelled"];

/** A target's evaluated status, best first; also the order they are shown in. */
export const TARGET_STATUSES = ["achieved", "on_track", "at_risk", "off_track", "not_due", "no_data"] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
export const TARGET_STATUS_ORDER: readonly TargetStatus[] = TARGET_STATUSES;

/** The kinds of typed target (core/targets/spec.ts has one schema per kind). */
export const TARGET_TYPES = [
  "at_least",
  "at_most",
  "between",
  "milestone",
  "growth_rate",
  "rank_at_most",
  "hold_level",
  "rising_trend",
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];

export const PLAN_STATUSES = ["draft", "adopted", "archived"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** User roles, most rights first. */
export const ROLES = ["admin", "editor", "contributor", "reader"] as const;
export type Role = (typeof ROLES)[number];
/** The order roles are offered in (fewest rights first). */
export const ROLE_ORDER: readonly Role[] = ["reader", "contributor", "editor", "admin"];

/** What a contributor can be assigned to. */
export const ASSIGNMENT_KINDS = ["measure", "indicator"] as const;
export type AssignmentKind = (typeof ASSIGNMENT_KINDS)[number];

/** The kinds of entry in a plan's "what changed lately" list. */
export const PLAN_CHANGE_KINDS = ["measure_update", "indicator_value"] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];

/** What a plan search finds. */
export const SEARCH_HIT_KINDS = ["focus_area", "goal", "measure", "indicator"] as const;
export type SearchHitKind = (typeof SEARCH_HIT_KINDS)[number];

/** How values inside a longer period combine (e.g. monthly visit counts into a year). */
export const AGGREGATIONS = ["sum", "mean", "last"] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
/** Where an indicator's values come from. */
export const SOURCE_KINDS = ["manual", "register", "statistics", "activity"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const PREFERRED_TRENDS = ["up", "down", "none"] as const;
export type PreferredTrend = (typeof PREFERRED_TRENDS)[number];
export const VALUE_FORMATS = ["integer", "decimal", "percent", "currency", "rank", "boolean"] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];
export const UPDATE_FREQUENCIES = ["continuous", "monthly", "quarterly", "tertial", "yearly", "irregular"] as const;
export type UpdateFrequency = (typeof UPDATE_FREQUENCIES)[number];
/**
 * Missing-value status codes as SSB uses them: ".." not yet available, "..." not applicable/
 * not published, ":" suppressed (confidentiality), "-" nothing to report (true zero is a value).
 */
export const VALUE_STATUS_CODES = ["..", "...", ":", "-"] as const;
export type ValueStatusCode = (typeof VALUE_STATUS_CODES)[number];

/** True when `value` is one of the vocabulary's values (narrows a database string to the vocabulary). */
export function isOneOf<const T extends string>(values: readonly T[], value: string): value is T {
  return values.some((v) => v === value);
}

/** `value` as a value of the vocabulary; throws when it is not one (a database row out of step with the code). */
export function oneOf<const T extends string>(values: readonly T[], value: string, what: string): T {
  if (isOneOf(values, value)) return value;
  throw new Error(`Unknown ${what}: "${value}"`);
}
