import { z } from "zod";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireAssignedOrEditor, requireRole } from "../auth/access.js";
import { idParams, indicatorViewSchema } from "../plans/plans.schemas.js";
import { getVisiblePlanRow } from "../plans/plans.service.js";
import {
  createIndicator,
  createIndicatorSchema,
  deleteIndicatorValue,
  findIndicators,
  findIndicatorValues,
  getIndicatorRow,
  recordIndicatorValue,
  recordValueSchema,
  toIndicatorView,
} from "./indicators.service.js";

const indicatorView = indicatorViewSchema;

export const indicatorValueViewSchema = z.object({
  id: z.number(),
  areaCode: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  status: z.string().nullable(),
  source: z.string(),
  table: z.string().nullable(),
  periodApproximate: z.boolean(),
  note: z.string().nullable(),
  fetchedAt: z.string().nullable(),
  recordedBy: z.string(),
  updatedAt: z.string(),
});

export const indicatorRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    "/api/indicators",
    {
      schema: {
        tags: ["indicators"],
        summary: "Indicators; with `plan`, those the plan uses in its order",
        querystring: z.object({ plan: z.string().max(100).optional() }),
        response: { 200: z.array(indicatorView) },
      },
    },
    async (req) => {
      if (req.query.plan) {
        const plan = await getVisiblePlanRow(db, req.query.plan, req.user !== null);
        return findIndicators(db, plan.id) as Promise<z.infer<typeof indicatorView>[]>;
      }
      return findIndicators(db) as Promise<z.infer<typeof indicatorView>[]>;
    },
  );

  app.get(
    "/api/indicators/:id",
    {
      schema: {
        tags: ["indicators"],
        summary: "An indicator (by id or key) with its values and their provenance",
        params: idParams,
        querystring: z.object({
          area: z
            .string()
            .regex(/^\d{4}$/)
            .optional(),
        }),
        response: { 200: indicatorView.extend({ values: z.array(indicatorValueViewSchema) }), 404: errorSchema },
      },
    },
    async (req) => {
      const row = await getIndicatorRow(db, req.params.id);
      const view = toIndicatorView(row) as z.infer<typeof indicatorView>;
      return { ...view, values: await findIndicatorValues(db, row.id, req.query.area) };
    },
  );

  app.post(
    "/api/indicators",
    { schema: { tags: ["indicators"], summary: "Define an indicator", body: createIndicatorSchema, response: { 201: indicatorView } } },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const view = await db.transaction((tx) => createIndicator(tx, actorOf(user), req.body));
      return reply.code(201).send(view as z.infer<typeof indicatorView>);
    },
  );

  app.post(
    "/api/indicators/:id/values",
    {
      schema: {
        tags: ["indicators"],
        summary:
          "Record a value (replaces the value for the same municipality and period); editors, or a contributor the indicator is assigned to",
        params: idParams,
        body: recordValueSchema,
        response: { 201: indicatorValueViewSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      const row = await getIndicatorRow(db, req.params.id);
      const user = await requireAssignedOrEditor(db, req.user, "indicator", row.id);
      const view = await db.transaction((tx) => recordIndicatorValue(tx, actorOf(user), row.id, req.body));
      return reply.code(201).send(view);
    },
  );

  app.delete(
    "/api/indicators/:id/values/:valueId",
    {
      schema: {
        tags: ["indicators"],
        summary: "Delete a value",
        params: z.object({ id: z.string().max(100), valueId: z.coerce.number().int().positive() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const row = await getIndicatorRow(db, req.params.id);
      const user = await requireAssignedOrEditor(db, req.user, "indicator", row.id);
      await db.transaction((tx) => deleteIndicatorValue(tx, actorOf(user), row.id, req.params.valueId));
      return reply.code(204).send(null);
    },
  );
};
