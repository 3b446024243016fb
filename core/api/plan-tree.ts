/** A plan's evaluated tree: the plan summary, focus areas, goals, measures and their targets, each target evaluated and explained. */
import { z } from "zod";
import { MEASURE_STATUSES, PLAN_STATUSES, TARGET_STATUSES, TARGET_TYPES } from "../vocabulary.js";

const dateRange = z.object({ start: z.string(), end: z.string() });
const langSchema = z.enum(["nb", "en"]);

export const renderedExplanationSchema = z.object({
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  /** The explanation rendered in the requested language. */
  text: z.string(),
});
export type RenderedExplanation = z.infer<typeof renderedExplanationSchema>;

const targetStatus = z.enum(TARGET_STATUSES);
const measureStatus = z.enum(MEASURE_STATUSES);

export const evaluatedPeriodSchema = z.object({
  period: z.string(),
  status: targetStatus,
  explanation: renderedExplanationSchema,
  actual: z.number().nullable(),
  expected: z.number().nullable(),
  baseline: z.boolean().optional(),
});

export const evaluatedTargetSchema = z.object({
  id: z.string(),
  key: z.string(),
  type: z.enum(TARGET_TYPES),
  text: z.string(),
  indicator: z.string().nullable(),
  spec: z.record(z.string(), z.unknown()).describe("The target's definition (core/targets/spec.ts)"),
  status: targetStatus,
  explanation: renderedExplanationSchema,
  period: z.string().nullable(),
  latestAvailable: z.boolean(),
  periods: z.array(evaluatedPeriodSchema),
});
export type EvaluatedTarget = z.infer<typeof evaluatedTargetSchema>;

export const statusCountsSchema = z.object({
  measures: z.record(measureStatus, z.number()),
  targets: z.record(targetStatus, z.number()),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

const factSchema = z.object({ key: z.string(), group: z.string().optional(), text: z.string(), indicators: z.array(z.string()) });
export type Fact = z.infer<typeof factSchema>;

export const planSummarySchema = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  version: z.string(),
  status: z.enum(PLAN_STATUSES),
  municipality: z.object({ code: z.string(), name: z.string() }),
  period: dateRange,
  previousVersionId: z.string().nullable(),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const treeMeasureSchema = z.object({
  id: z.string(),
  key: z.string(),
  text: z.string(),
  period: dateRange.nullable(),
  owner: z.string().nullable(),
  status: measureStatus,
  progress: z.number(),
  dueDate: z.string().nullable(),
  goals: z.array(z.string()),
  lastUpdate: z
    .object({ date: z.string(), status: measureStatus, progress: z.number(), comment: z.string(), author: z.string() })
    .nullable(),
  targets: z.array(evaluatedTargetSchema),
});
export type TreeMeasure = z.infer<typeof treeMeasureSchema>;

export const treeGoalSchema = z.object({ id: z.string(), key: z.string(), text: z.string(), targets: z.array(evaluatedTargetSchema) });
export type TreeGoal = z.infer<typeof treeGoalSchema>;

export const treeFocusAreaSchema = z.object({
  id: z.string(),
  key: z.string(),
  number: z.number(),
  title: z.string(),
  summary: z.string(),
  figure: z.object({ importance: z.number(), influence: z.number(), approximate: z.boolean(), note: z.string().nullable() }).nullable(),
  facts: z.array(factSchema),
  targets: z.array(evaluatedTargetSchema),
  goals: z.array(treeGoalSchema),
  measures: z.array(treeMeasureSchema),
  counts: statusCountsSchema,
});
export type TreeFocusArea = z.infer<typeof treeFocusAreaSchema>;

export const planTreeSchema = planSummarySchema.extend({
  asOf: z.string(),
  lang: langSchema,
  formerCodes: z.array(z.string()),
  adoption: z.object({
    body: z.string().nullable(),
    date: z.string().nullable(),
    caseNumber: z.string().nullable(),
    note: z.string().nullable(),
  }),
  source: z.string().nullable(),
  introduction: z.string().nullable(),
  mainGoal: z.object({ text: z.string(), dimensions: z.array(z.object({ key: z.string(), title: z.string(), text: z.string() })) }),
  roles: z.array(z.object({ key: z.string(), text: z.string() })),
  analyses: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      source: z.string(),
      year: z.number().optional(),
      text: z.string().optional(),
      findings: z.array(factSchema),
    }),
  ),
  focusAreas: z.array(treeFocusAreaSchema),
  counts: statusCountsSchema,
});
export type PlanTree = z.infer<typeof planTreeSchema>;
