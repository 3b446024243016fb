/** Plans: the plan list, a plan's evaluated tree, its own fields, focus areas, goals, revisions, activity and search. */
import { z } from "zod";
import { PLAN_CHANGE_KINDS, PLAN_STATUSES, SEARCH_HIT_KINDS } from "../vocabulary.js";
import { asOfQuery, idParams } from "./common.js";
import { planSummarySchema, planTreeSchema } from "./plan-tree.js";
import { defineRoute } from "./route.js";

export * from "./plan-tree.js";

const langSchema = z.enum(["nb", "en"]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const stableKey = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/)
  .max(80);

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
