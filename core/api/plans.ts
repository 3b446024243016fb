/** Plans: the plan list, a plan's evaluated tree, its own fields, focus areas, goals, revisions, activity and search. */
import { z } from "zod";
import { MEASURE_STATUSES, PLAN_CHANGE_KINDS, PLAN_STATUSES, SEARCH_HIT_KINDS, TARGET_STATUSES, TARGET_TYPES } from "../vocabulary.js";
import { asOfQuery, idParams } from "./common.js";
import { defineRoute } from "./route.js";

const langSchema = z.enum(["nb", "en"]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const stableKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/)
  .max(80);
const dateRange = z.object({ start: z.string(), end: z.string() });

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

export const planChangeSchema = z.object({
  at: z.string(),
  kind: z.enum(PLAN_CHANGE_KINDS),
  title: z.string(),
  detail: z.string(),
  author: z.string(),
  measureId: z.string().optional(),
  indicatorKey: z.string().optional(),
});
export type PlanChange = z.infer<typeof planChangeSchema>;

export const searchHitSchema = z.object({
  kind: z.enum(SEARCH_HIT_KINDS),
  id: z.string(),
  key: z.string(),
  title: z.string(),
  focusAreaNumber: z.number().optional(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

// --- request bodies -------------------------------------------------------------------------

export const updatePlanSchema = z
  .object({
    title: z.string().min(1).max(300),
    version: z.string().min(1).max(20),
    status: z.enum(PLAN_STATUSES),
    periodStart: isoDate,
    periodEnd: isoDate,
    adoptionBody: z.string().max(200).nullable(),
    adoptionDate: isoDate.nullable(),
    adoptionCaseNumber: z.string().max(100).nullable(),
    mainGoal: z.string().min(1),
    introduction: z.string().nullable(),
  })
  .partial()
  .strict();
export type UpdatePlanInput = z.infer<typeof updatePlanSchema>;

export const revisePlanSchema = z
  .object({
    /** Stable key of the new version, e.g. "baerum-2016". */
    key: stableKey,
    version: z.string().min(1).max(20),
    title: z.string().min(1).max(300).optional(),
    periodStart: isoDate.optional(),
    periodEnd: isoDate.optional(),
  })
  .strict();
export type RevisePlanInput = z.infer<typeof revisePlanSchema>;

export const updateFocusAreaSchema = z
  .object({
    title: z.string().min(1).max(300),
    summary: z.string().min(1).max(20000),
    figureImportance: z.number().min(0).max(1).nullable(),
    figureInfluence: z.number().min(0).max(1).nullable(),
  })
  .partial()
  .strict();
export type UpdateFocusAreaInput = z.infer<typeof updateFocusAreaSchema>;

export const updateGoalSchema = z.object({ text: z.string().min(1).max(4000) }).strict();
export type UpdateGoalInput = z.infer<typeof updateGoalSchema>;

export const createGoalSchema = z.object({ focusAreaId: z.string().uuid(), key: stableKey, text: z.string().min(1).max(4000) }).strict();
export type CreateGoalInput = z.infer<typeof createGoalSchema>;

export const importPlanSchema = z.object({ document: z.string().min(1).max(10_000_000) }).strict();

/** The answer of a write that made or changed one thing. */
export const okIdSchema = z.object({ id: z.string() });

// --- routes ---------------------------------------------------------------------------------

const tags = ["plans"] as const;

export const planRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/plans",
    tags,
    summary: "Plans the caller may read (adopted and archived for everyone; drafts when signed in)",
    response: z.array(planSummarySchema),
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/plans/:id",
    tags,
    summary: "A plan's full tree with every target evaluated and explained",
    params: idParams,
    query: asOfQuery,
    response: planTreeSchema,
  }),
  export: defineRoute({
    method: "GET",
    path: "/api/plans/:id/export",
    tags,
    summary: "The plan as a portable document (YAML or JSON) for `plan import`",
    params: idParams,
    query: z.object({ format: z.enum(["yaml", "json"]).default("yaml") }),
    produces: ["application/yaml", "application/json"],
  }),
  import: defineRoute({
    method: "POST",
    path: "/api/plans",
    tags,
    summary: "Import a plan document (YAML or JSON text); all or nothing",
    body: importPlanSchema,
    response: okIdSchema,
    status: 201,
  }),
  revise: defineRoute({
    method: "POST",
    path: "/api/plans/:id/revisions",
    tags,
    summary: "Start a revision (e.g. 1.1 → 2.0): a draft copy with the same stable keys, pointing back to this plan",
    params: idParams,
    body: revisePlanSchema,
    response: okIdSchema,
    status: 201,
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/plans/:id",
    tags,
    summary: "Edit the plan's own fields",
    params: idParams,
    body: updatePlanSchema,
    response: planSummarySchema,
  }),
  updateFocusArea: defineRoute({
    method: "PATCH",
    path: "/api/focus-areas/:id",
    tags,
    summary: "Edit a focus area",
    params: idParams,
    body: updateFocusAreaSchema,
    response: okIdSchema,
  }),
  createGoal: defineRoute({
    method: "POST",
    path: "/api/plans/:id/goals",
    tags,
    summary: "Add a goal to a focus area",
    params: idParams,
    body: createGoalSchema,
    response: okIdSchema,
    status: 201,
  }),
  updateGoal: defineRoute({
    method: "PATCH",
    path: "/api/goals/:id",
    tags,
    summary: "Edit a goal's text",
    params: idParams,
    body: updateGoalSchema,
    response: okIdSchema,
  }),
  changes: defineRoute({
    method: "GET",
    path: "/api/plans/:id/changes",
    tags,
    summary: "What changed lately: status updates and recorded indicator values, newest first",
    params: idParams,
    query: z.object({ limit: z.coerce.number<number | string>().int().min(1).max(100).default(10), lang: langSchema.default("nb") }),
    response: z.array(planChangeSchema),
  }),
  search: defineRoute({
    method: "GET",
    path: "/api/search",
    tags,
    summary: "Search a plan's focus areas, goals, measures and indicators",
    query: z.object({ q: z.string().max(200), plan: z.string().min(1).max(100), lang: langSchema.default("nb") }),
    response: z.array(searchHitSchema),
  }),
};
