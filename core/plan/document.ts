import { z } from "zod";
import { indicatorSchema } from "../indicators.js";
import { isoDateSchema, stableKeySchema, targetSpecSchema } from "../targets/spec.js";
import { MEASURE_STATUSES, type MeasureStatus, PLAN_STATUSES } from "../vocabulary.js";

/**
 * The plan document: the portable form of a whole plan (YAML or JSON), used for the bundled
 * Bærum plan, `plan import` / `plan export`, and any other municipality's plan.
 * Keys are stable: other modules bind to them and they survive export/import and revisions.
 */

export { MEASURE_STATUSES, PLAN_STATUSES };

const dateRange = z.object({ start: isoDateSchema, end: isoDateSchema });

export const factSchema = z.object({
  key: stableKeySchema,
  /** Sub-heading the fact stands under in the plan, e.g. "Sysselsetting". */
  group: z.string().optional(),
  text: z.string().min(1),
  /** Indicators whose values this fact states (values live on the indicator). */
  indicators: z.array(stableKeySchema).default([]),
});

export const goalSchema = z.object({
  key: stableKeySchema,
  text: z.string().min(1),
  targets: z.array(targetSpecSchema).default([]),
});

export const measureSchema = z.object({
  key: stableKeySchema,
  text: z.string().min(1),
  period: dateRange.optional(),
  owner: z.string().nullable().default(null),
  status: z.enum(MEASURE_STATUSES).default("planned"),
  progress: z.number().min(0).max(100).default(0),
  dueDate: isoDateSchema.nullable().default(null),
  /** Goals of the same area this measure serves (by key). */
  goals: z.array(stableKeySchema).default([]),
  targets: z.array(targetSpecSchema).default([]),
  updates: z
    .array(
      z.object({
        date: isoDateSchema,
        status: z.enum(MEASURE_STATUSES),
        progress: z.number().min(0).max(100),
        comment: z.string().default(""),
        author: z.string().min(1),
      }),
    )
    .default([]),
});

export const focusAreaSchema = z.object({
  key: stableKeySchema,
  number: z.number().int().positive(),
  title: z.string().min(1),
  summary: z.string().min(1),
  /** Placement in the plan's importance × municipal-influence figure, each 0..1. */
  figure: z
    .object({
      importance: z.number().min(0).max(1),
      influence: z.number().min(0).max(1),
      approximate: z.boolean().default(false),
      note: z.string().optional(),
    })
    .nullable()
    .default(null),
  facts: z.array(factSchema).default([]),
  /** Targets stated among the area's facts rather than under a goal or measure. */
  targets: z.array(targetSpecSchema).default([]),
  goals: z.array(goalSchema).default([]),
  measures: z.array(measureSchema).default([]),
});

export const planDocumentSchema = z.object({
  /** Format version of this document. */
  format: z.literal("naeringskompass-plan/1"),
  key: stableKeySchema,
  municipality: z.object({
    /** Current municipality number (Klass 131), e.g. "3201" for Bærum. */
    code: z.string().regex(/^\d{4}$/),
    name: z.string().min(1),
    /** Numbers the municipality had when the plan was written, e.g. ["0219"]. */
    formerCodes: z.array(z.string().regex(/^\d{4}$/)).default([]),
  }),
  title: z.string().min(1),
  version: z.string().min(1),
  status: z.enum(PLAN_STATUSES),
  period: dateRange,
  adoption: z
    .object({
      body: z.string().nullable().default(null),
      date: isoDateSchema.nullable().default(null),
      caseNumber: z.string().nullable().default(null),
      note: z.string().optional(),
    })
    .default({ body: null, date: null, caseNumber: null }),
  /** Key of the plan this one revises. */
  previousVersion: stableKeySchema.nullable().default(null),
  /** Where the plan text came from. */
  source: z.string().optional(),
  introduction: z.string().optional(),
  mainGoal: z.object({
    text: z.string().min(1),
    dimensions: z.array(z.object({ key: stableKeySchema, title: z.string().min(1), text: z.string().min(1) })),
  }),
  /** The municipality's roles as business developer. */
  roles: z.array(z.object({ key: stableKeySchema, text: z.string().min(1) })).default([]),
  /** Situation analyses the plan builds on (e.g. Oxford Research, Menon). */
  analyses: z
    .array(
      z.object({
        key: stableKeySchema,
        title: z.string().min(1),
        source: z.string().min(1),
        year: z.number().int().optional(),
        text: z.string().optional(),
        findings: z.array(factSchema).default([]),
      }),
    )
    .default([]),
  indicators: z.array(indicatorSchema).default([]),
  focusAreas: z.array(focusAreaSchema).min(1),
});

export type PlanDocument = z.infer<typeof planDocumentSchema>;
export type PlanDocumentInput = z.input<typeof planDocumentSchema>;
export type FocusAreaDoc = z.infer<typeof focusAreaSchema>;
export type GoalDoc = z.infer<typeof goalSchema>;
export type MeasureDoc = z.infer<typeof measureSchema>;
export type FactDoc = z.infer<typeof factSchema>;
export type { MeasureStatus };
