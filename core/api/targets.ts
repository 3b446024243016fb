/** Targets: one target evaluated (for any period), and attaching, replacing and removing targets. */
import { z } from "zod";
import { targetSpecSchema } from "../targets/spec.js";
import { TARGET_STATUSES } from "../vocabulary.js";
import { idParams } from "./common.js";
import { evaluatedTargetSchema, okIdSchema, renderedExplanationSchema } from "./plans.js";
import { defineRoute } from "./route.js";

export const targetEvaluationSchema = evaluatedTargetSchema.extend({
  requested: z.object({ period: z.string(), status: z.enum(TARGET_STATUSES), explanation: renderedExplanationSchema }).optional(),
});
export type TargetEvaluation = z.infer<typeof targetEvaluationSchema>;

export const createTargetSchema = z
  .object({
    owner: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("focusArea"), id: z.string().uuid() }),
      z.object({ kind: z.literal("goal"), id: z.string().uuid() }),
      z.object({ kind: z.literal("measure"), id: z.string().uuid() }),
    ]),
    spec: targetSpecSchema,
  })
  .strict();
export type CreateTargetInput = z.input<typeof createTargetSchema>;

// --- routes ---------------------------------------------------------------------------------

const tags = ["targets"] as const;

export const targetRoutes = {
  get: defineRoute({
    method: "GET",
    path: "/api/targets/:id",
    tags,
    summary: "A target evaluated as of a date; with `period`, also for that period (any period, e.g. 2017-Q2)",
    params: idParams,
    query: z.object({
      lang: z.enum(["nb", "en"]).default("nb"),
      asOf: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .optional(),
      period: z.string().max(40).optional(),
    }),
    response: targetEvaluationSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/plans/:id/targets",
    tags,
    summary: "Attach a typed target to a focus area, goal or measure",
    params: idParams,
    body: createTargetSchema,
    response: okIdSchema,
    status: 201,
  }),
  replace: defineRoute({
    method: "PUT",
    path: "/api/targets/:id",
    tags,
    summary: "Replace a target's definition (its key stays)",
    params: idParams,
    body: targetSpecSchema,
    response: okIdSchema,
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/targets/:id",
    tags,
    summary: "Remove a target",
    params: idParams,
    status: 204,
  }),
};
