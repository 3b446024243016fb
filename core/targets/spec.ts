import { z } from "zod";
import { PERIOD_KINDS } from "../periods.js";
import { TARGET_TYPES, type TargetType as VocabularyTargetType } from "../vocabulary.js";

/**
 * Typed targets (mål / måltall). A target is attached to a focus area, goal or measure and reads
 * one indicator's series (or, for a milestone without an indicator, the measure's own status).
 * `text` keeps the plan's own wording; numbers live in the typed fields.
 */

export const periodKindSchema = z.enum(PERIOD_KINDS);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const stableKey = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "keys are lower-case letters, digits, '.', '_' or '-'");

export const targetCommon = {
  key: stableKey,
  /** The plan's own words for this target, as written. */
  text: z.string().min(1),
  /** Indicator the target reads. Optional only for milestones (then the measure status is used). */
  indicator: stableKey.optional(),
  /** True when a parameter had to be interpreted rather than read off the plan; see `note`. */
  approximate: z.boolean().optional(),
  note: z.string().optional(),
};

export const atLeastSchema = z.object({
  ...targetCommon,
  type: z.literal("at_least"),
  value: z.number(),
  per: periodKindSchema,
});

export const atMostSchema = z.object({
  ...targetCommon,
  type: z.literal("at_most"),
  value: z.number(),
  per: periodKindSchema,
});

export const betweenSchema = z.object({
  ...targetCommon,
  type: z.literal("between"),
  min: z.number(),
  max: z.number(),
  /** Cumulative over this period; the plan period unless said otherwise. */
  per: periodKindSchema.default("plan_period"),
  /** A horizon other than the plan period (e.g. "200–250 000 m² over 15 years"); only with per plan_period. */
  range: z.object({ start: isoDate, end: isoDate }).optional(),
});

export const milestoneSchema = z.object({
  ...targetCommon,
  type: z.literal("milestone"),
  /** Last day the milestone may be reached. */
  due: isoDate,
  /** With an indicator: reached when a value dated on or before `due` is ≥ threshold. */
  threshold: z.number().default(1),
});

export const growthRateSchema = z.object({
  ...targetCommon,
  type: z.literal("growth_rate"),
  /** Growth per period as a fraction: 0.05 = +5 %. */
  rate: z.number(),
  per: periodKindSchema.default("year"),
});

export const rankAtMostSchema = z.object({
  ...targetCommon,
  type: z.literal("rank_at_most"),
  /** Best acceptable rank (1 = first place). */
  value: z.number().int().positive(),
  per: periodKindSchema.default("year"),
});

export const holdLevelSchema = z.object({
  ...targetCommon,
  type: z.literal("hold_level"),
  /** Fixed baseline; when absent, the indicator's value in `baselinePeriod`. */
  baseline: z.number().optional(),
  baselinePeriod: z.string().optional(),
  /** Allowed relative deviation below the baseline: 0.05 = 5 %. */
  tolerance: z.number().min(0).default(0.05),
  per: periodKindSchema.default("year"),
});

export const risingTrendSchema = z.object({
  ...targetCommon,
  type: z.literal("rising_trend"),
  /** First period counted; defaults to the period before the plan starts (the baseline). */
  baselinePeriod: z.string().optional(),
  per: periodKindSchema.default("year"),
});

export const targetSpecSchema = z.discriminatedUnion("type", [
  atLeastSchema,
  atMostSchema,
  betweenSchema,
  milestoneSchema,
  growthRateSchema,
  rankAtMostSchema,
  holdLevelSchema,
  risingTrendSchema,
]);

export type TargetSpec = z.infer<typeof targetSpecSchema>;
export type TargetSpecInput = z.input<typeof targetSpecSchema>;
export type TargetType = TargetSpec["type"];
export { TARGET_TYPES };

// The vocabulary lists exactly the kinds the schema knows.
type SameKinds = [TargetType] extends [VocabularyTargetType] ? ([VocabularyTargetType] extends [TargetType] ? true : false) : false;
const sameKinds: SameKinds = true;
void sameKinds;

export { isoDate as isoDateSchema, stableKey as stableKeySchema };

/** Rules across fields that the schema does not express; empty when the target is consistent. */
export function targetSpecProblems(spec: TargetSpec): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (spec.type === "hold_level" && spec.baseline === undefined && spec.baselinePeriod === undefined)
    problems.push({ path: "baseline", message: "a hold-level target needs a baseline or a baselinePeriod" });
  if (spec.type === "between" && spec.min > spec.max) problems.push({ path: "max", message: "max is below min" });
  if (spec.type === "between" && spec.range && spec.per !== "plan_period")
    problems.push({ path: "range", message: "a range goes with per: plan_period" });
  if (spec.type === "between" && spec.range && spec.range.end < spec.range.start)
    problems.push({ path: "range.end", message: "the range ends before it starts" });
  for (const field of ["baselinePeriod"] as const) {
    if (
      (spec.type === "hold_level" || spec.type === "rising_trend") &&
      spec[field] !== undefined &&
      !/^\d{4}(\/\d{2}|-T[1-3]|-Q[1-4]|-\d{2})?$/.test(spec[field] ?? "")
    )
      problems.push({ path: field, message: "not a period id" });
  }
  return problems;
}
