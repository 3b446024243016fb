import { z } from "zod";
import { MEASURE_STATUSES } from "../../../core/plan/document.js";
import { notFound } from "../../errors.js";
import { asOfQuery, errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireAssignedOrEditor, requireRole } from "../auth/access.js";
import { getFocusAreaRow } from "../plans/plan-items.service.js";
import { getPlanTree } from "../plans/plan-tree.service.js";
import { idParams, treeMeasureSchema } from "../plans/plans.schemas.js";
import { getVisiblePlanRow } from "../plans/plans.service.js";
import {
  addMeasureUpdate,
  addMeasureUpdateSchema,
  createMeasure,
  createMeasureSchema,
  findMeasureUpdates,
  getMeasureRow,
  updateMeasure,
  updateMeasureSchema,
} from "./measures.service.js";

const updateView = z.object({
  id: z.number(),
  date: z.string(),
  status: z.enum(MEASURE_STATUSES),
  progress: z.number(),
  comment: z.string(),
  author: z.string(),
  createdAt: z.string(),
});

export const measureDetailSchema = treeMeasureSchema.extend({
  plan: z.object({ id: z.string(), key: z.string(), title: z.string(), status: z.string() }),
  focusArea: z.object({ id: z.string(), key: z.string(), number: z.number(), title: z.string() }),
  updates: z.array(updateView),
});

export const measureRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    "/api/measures/:id",
    {
      schema: {
        tags: ["measures"],
        summary: "A measure with its targets evaluated and its status history",
        params: idParams,
        querystring: asOfQuery,
        response: { 200: measureDetailSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const m = await getMeasureRow(db, req.params.id);
      const plan = await getVisiblePlanRow(db, m.planId, req.user !== null);
      const tree = await getPlanTree(db, plan, { asOf: req.query.asOf, lang: req.query.lang });
      for (const area of tree.focusAreas) {
        const found = area.measures.find((x) => x.id === m.id);
        if (found)
          return {
            ...found,
            plan: { id: plan.id, key: plan.key, title: plan.title, status: plan.status },
            focusArea: { id: area.id, key: area.key, number: area.number, title: area.title },
            updates: await findMeasureUpdates(db, m.id),
          };
      }
      throw notFound("Measure");
    },
  );

  app.post(
    "/api/measures/:id/updates",
    {
      schema: {
        tags: ["measures"],
        summary: "Post a status update (status, progress, comment); editors, or a contributor the measure is assigned to",
        params: idParams,
        body: addMeasureUpdateSchema,
        response: { 201: updateView, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      await getMeasureRow(db, req.params.id);
      const user = await requireAssignedOrEditor(db, req.user, "measure", req.params.id);
      const view = await db.transaction((tx) => addMeasureUpdate(tx, actorOf(user), req.params.id, req.body));
      return reply.code(201).send(view);
    },
  );

  app.patch(
    "/api/measures/:id",
    {
      schema: {
        tags: ["measures"],
        summary: "Edit a measure's text, owner, dates",
        params: idParams,
        body: updateMeasureSchema,
        response: { 200: z.object({ id: z.string() }) },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      await getMeasureRow(db, req.params.id);
      const row = await db.transaction((tx) => updateMeasure(tx, actorOf(user), req.params.id, req.body));
      return { id: row.id };
    },
  );

  app.post(
    "/api/plans/:id/measures",
    {
      schema: {
        tags: ["measures"],
        summary: "Add a measure to a focus area",
        params: idParams,
        body: createMeasureSchema,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const plan = await getVisiblePlanRow(db, req.params.id, true);
      const area = await getFocusAreaRow(db, req.body.focusAreaId);
      const row = await db.transaction((tx) => createMeasure(tx, actorOf(user), plan.id, req.body, area.planId));
      return reply.code(201).send({ id: row.id });
    },
  );
};
