import { z } from "zod";
import { targetSpecSchema } from "../../../core/targets/spec.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireRole } from "../auth/access.js";
import { evaluatedTargetSchema, idParams } from "../plans/plans.schemas.js";
import { getVisiblePlanRow } from "../plans/plans.service.js";
import { createTarget, createTargetSchema, deleteTarget, evaluateTargetById, getTargetRow, updateTarget } from "./targets.service.js";

const evaluationResponse = evaluatedTargetSchema.extend({
  requested: z
    .object({
      period: z.string(),
      status: z.string(),
      explanation: z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), text: z.string() }),
    })
    .optional(),
});

export const targetRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    "/api/targets/:id",
    {
      schema: {
        tags: ["targets"],
        summary: "A target evaluated as of a date; with `period`, also for that period (any period, e.g. 2017-Q2)",
        params: idParams,
        querystring: z.object({
          lang: z.enum(["nb", "en"]).default("nb"),
          asOf: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          period: z.string().max(40).optional(),
        }),
        response: { 200: evaluationResponse, 404: errorSchema },
      },
    },
    async (req) => {
      const t = await getTargetRow(db, req.params.id);
      await getVisiblePlanRow(db, t.planId, req.user !== null);
      return evaluateTargetById(db, t.id, { asOf: req.query.asOf, period: req.query.period, lang: req.query.lang });
    },
  );

  app.post(
    "/api/plans/:id/targets",
    {
      schema: {
        tags: ["targets"],
        summary: "Attach a typed target to a focus area, goal or measure",
        params: idParams,
        body: createTargetSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const row = await db.transaction((tx) => createTarget(tx, actorOf(user), req.params.id, req.body));
      return reply.code(201).send({ id: row.id });
    },
  );

  app.put(
    "/api/targets/:id",
    {
      schema: {
        tags: ["targets"],
        summary: "Replace a target's definition (its key stays)",
        params: idParams,
        body: targetSpecSchema,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const row = await db.transaction((tx) => updateTarget(tx, actorOf(user), req.params.id, req.body));
      return { id: row.id };
    },
  );

  app.delete(
    "/api/targets/:id",
    { schema: { tags: ["targets"], summary: "Remove a target", params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      await db.transaction((tx) => deleteTarget(tx, actorOf(user), req.params.id));
      return reply.code(204).send(null);
    },
  );
};
