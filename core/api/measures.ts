/** Measures: a measure with its evaluated targets and status history, status updates, edits. */
import { z } from "zod";
import { MEASURE_STATUSES, PLAN_STATUSES } from "../vocabulary.js";
import { asOfQuery, idParams } from "./common.js";
import { okIdSchema, treeMeasureSchema } from "./plans.js";
import { defineRoute } from "./route.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");

export const measureUpdateViewSchema = z.object({
  id: z.number(),
  date: z.string(),
  status: z.enum(MEASURE_STATUSES),
  progress: z.number(),
  comment: z.string(),
  author: z.string(),
  createdAt: z.string(),
});
export type MeasureUpdateView = z.infer<typeof measureUpdateViewSchema>;

export const measureDetailSchema = treeMeasureSchema.extend({
  plan: z.object({ id: z.string(), key: z.string(), title: z.string(), status: z.enum(PLAN_STATUSES) }),
  focusArea: z.object({ id: z.string(), key: z.string(), number: z.number(), title: z.string() }),
  updates: z.array(measureUpdateViewSchema),
});
export type MeasureDetail = z.infer<typeof measureDetailSchema>;

export const addMeasureUpdateSchema = z
  .object({
    status: z.enum(MEASURE_STATUSES),
    progress: z.number().int().min(0).max(100),
    comment: z.string().max(4000).default(""),
    /** Defaults to today (Norway). */
    date: isoDate.optional(),
  })
  .strict();
export type AddMeasureUpdateInput = z.input<typeof addMeasureUpdateSchema>;

export const updateMeasureSchema = z
  .object({
    text: z.string().min(1).max(4000),
    owner: z.string().max(200).nullable(),
    dueDate: isoDate.nullable(),
    periodStart: isoDate.nullable(),
    periodEnd: isoDate.nullable(),
  })
  .partial()
  .strict();
export type UpdateMeasureInput = z.infer<typeof updateMeasureSchema>;

export const createMeasureSchema = z
  .object({
    focusAreaId: z.string().uuid(),
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9._-]*$/)
      .max(80),
    text: z.string().min(1).max(4000),
    owner: z.string().max(200).nullable().default(null),
    dueDate: isoDate.nullable().default(null),
    periodStart: isoDate.nullable().default(null),
    periodEnd: isoDate.nullable().default(null),
  })
  .strict();
export type CreateMeasureInput = z.input<typeof createMeasureSchema>;

// --- routes ---------------------------------------------------------------------------------

const tags = ["measures"] as const;

export const measureRoutes = {
  get: defineRoute({
    method: "GET",
    path: "/api/measures/:id",
    tags,
    summary: "A measure with its targets evaluated and its status history",
    params: idParams,
    query: asOfQuery,
    response: measureDetailSchema,
  }),
  addUpdate: defineRoute({
    method: "POST",
    path: "/api/measures/:id/updates",
    tags,
    summary: "Post a status update (status, progress, comment); editors, or a contributor the measure is assigned to",
    params: idParams,
    body: addMeasureUpdateSchema,
    response: measureUpdateViewSchema,
    status: 201,
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/measures/:id",
    tags,
    summary: "Edit a measure's text, owner, dates",
    params: idParams,
    body: updateMeasureSchema,
    response: okIdSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/plans/:id/measures",
    tags,
    summary: "Add a measure to a focus area",
    params: idParams,
    body: createMeasureSchema,
    response: okIdSchema,
    status: 201,
  }),
};
