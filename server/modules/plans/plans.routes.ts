import { stringify } from "yaml";
import { z } from "zod";
import { formatIssue, parsePlanDocument } from "../../../core/plan/parse.js";
import { AppError } from "../../errors.js";
import { asOfQuery, errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireRole } from "../auth/access.js";
import { findPlanIndicatorsWithValues } from "../indicators/indicators.service.js";
import { findRecentChanges, searchPlan } from "./plan-activity.service.js";
import { exportPlanDocument } from "./plan-export.service.js";
import { importPlanDocument } from "./plan-import.service.js";
import {
  createGoal,
  createGoalSchema,
  getFocusAreaRow,
  getGoalRow,
  updateFocusArea,
  updateFocusAreaSchema,
  updateGoal,
  updateGoalSchema,
} from "./plan-items.service.js";
import { revisePlan, revisePlanSchema } from "./plan-revision.service.js";
import { getPlanTree } from "./plan-tree.service.js";
import { idParams, planIndicatorSchema, planSummarySchema, planTreeSchema } from "./plans.schemas.js";
import { findPlans, getVisiblePlanRow, updatePlan, updatePlanSchema } from "./plans.service.js";

const okId = z.object({ id: z.string() });

export const planRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    "/api/plans",
    {
      schema: {
        tags: ["plans"],
        summary: "Plans the caller may read (adopted and archived for everyone; drafts when signed in)",
        response: { 200: z.array(planSummarySchema) },
      },
    },
    async (req) => findPlans(db, req.user !== null),
  );

  app.get(
    "/api/plans/:id",
    {
      schema: {
        tags: ["plans"],
        summary: "A plan's full tree with every target evaluated and explained",
        params: idParams,
        querystring: asOfQuery,
        response: { 200: planTreeSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const plan = await getVisiblePlanRow(db, req.params.id, req.user !== null);
      return getPlanTree(db, plan, { asOf: req.query.asOf, lang: req.query.lang });
    },
  );

  app.get(
    "/api/plans/:id/export",
    {
      schema: {
        tags: ["plans"],
        summary: "The plan as a portable document (YAML or JSON) for `plan import`",
        params: idParams,
        querystring: z.object({ format: z.enum(["yaml", "json"]).default("yaml") }),
      },
    },
    async (req, reply) => {
      const plan = await getVisiblePlanRow(db, req.params.id, req.user !== null);
      const doc = await exportPlanDocument(db, plan.id);
      reply.header("content-disposition", `attachment; filename="${doc.key}.${req.query.format}"`);
      if (req.query.format === "json") return reply.type("application/json; charset=utf-8").send(JSON.stringify(doc, null, 2));
      return reply.type("application/yaml; charset=utf-8").send(stringify(doc, { lineWidth: 0 }));
    },
  );

  app.post(
    "/api/plans",
    {
      schema: {
        tags: ["plans"],
        summary: "Import a plan document (YAML or JSON text); all or nothing",
        body: z.object({ document: z.string().min(1).max(10_000_000) }).strict(),
        response: { 201: okId, 400: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const parsed = parsePlanDocument(req.body.document);
      if (!parsed.ok)
        throw new AppError(
          "invalid_plan",
          `The plan document has ${parsed.issues.length} problem(s): ${parsed.issues.slice(0, 3).map(formatIssue).join("; ")}`,
          parsed.issues.map((i) => ({ path: i.path.join("."), message: i.message, line: i.line })),
        );
      const result = await importPlanDocument(db, actorOf(user), parsed.plan);
      return reply.code(201).send({ id: result.planId });
    },
  );

  app.post(
    "/api/plans/:id/revisions",
    {
      schema: {
        tags: ["plans"],
        summary: "Start a revision (e.g. 1.1 → 2.0): a draft copy with the same stable keys, pointing back to this plan",
        params: idParams,
        body: revisePlanSchema,
        response: { 201: okId, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const from = await getVisiblePlanRow(db, req.params.id, true);
      const result = await revisePlan(db, actorOf(user), from.key, req.body);
      return reply.code(201).send({ id: result.planId });
    },
  );

  app.patch(
    "/api/plans/:id",
    {
      schema: {
        tags: ["plans"],
        summary: "Edit the plan's own fields",
        params: idParams,
        body: updatePlanSchema,
        response: { 200: planSummarySchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      return db.transaction((tx) => updatePlan(tx, actorOf(user), req.params.id, req.body));
    },
  );

  app.patch(
    "/api/focus-areas/:id",
    { schema: { tags: ["plans"], summary: "Edit a focus area", params: idParams, body: updateFocusAreaSchema, response: { 200: okId } } },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      await getFocusAreaRow(db, req.params.id);
      const row = await db.transaction((tx) => updateFocusArea(tx, actorOf(user), req.params.id, req.body));
      return { id: row.id };
    },
  );

  app.post(
    "/api/plans/:id/goals",
    {
      schema: { tags: ["plans"], summary: "Add a goal to a focus area", params: idParams, body: createGoalSchema, response: { 201: okId } },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const plan = await getVisiblePlanRow(db, req.params.id, true);
      const row = await db.transaction((tx) => createGoal(tx, actorOf(user), plan.id, req.body));
      return reply.code(201).send({ id: row.id });
    },
  );

  app.patch(
    "/api/goals/:id",
    { schema: { tags: ["plans"], summary: "Edit a goal's text", params: idParams, body: updateGoalSchema, response: { 200: okId } } },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      await getGoalRow(db, req.params.id);
      const row = await db.transaction((tx) => updateGoal(tx, actorOf(user), req.params.id, req.body));
      return { id: row.id };
    },
  );
};

export const planExtraRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    "/api/plans/:id/changes",
    {
      schema: {
        tags: ["plans"],
        summary: "What changed lately: status updates and recorded indicator values, newest first",
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(10), lang: z.enum(["nb", "en"]).default("nb") }),
        response: {
          200: z.array(
            z.object({
              at: z.string(),
              kind: z.enum(["measure_update", "indicator_value"]),
              title: z.string(),
              detail: z.string(),
              author: z.string(),
              measureId: z.string().optional(),
              indicatorKey: z.string().optional(),
            }),
          ),
        },
      },
    },
    async (req) => {
      const plan = await getVisiblePlanRow(db, req.params.id, req.user !== null);
      return findRecentChanges(db, plan, req.query.limit, req.query.lang);
    },
  );

  app.get(
    "/api/search",
    {
      schema: {
        tags: ["plans"],
        summary: "Search a plan's focus areas, goals, measures and indicators",
        querystring: z.object({ q: z.string().max(200), plan: z.string().min(1).max(100), lang: z.enum(["nb", "en"]).default("nb") }),
        response: {
          200: z.array(
            z.object({
              kind: z.enum(["focus_area", "goal", "measure", "indicator"]),
              id: z.string(),
              key: z.string(),
              title: z.string(),
              focusAreaNumber: z.number().optional(),
            }),
          ),
        },
      },
    },
    async (req) => {
      const plan = await getVisiblePlanRow(db, req.query.plan, req.user !== null);
      return searchPlan(db, plan, req.query.q, req.query.lang);
    },
  );

  app.get(
    "/api/plans/:id/indicators",
    {
      schema: {
        tags: ["indicators"],
        summary: "The plan's indicators in plan order, with their values for the plan's municipality (derived ones computed)",
        params: idParams,
        response: { 200: z.array(planIndicatorSchema) },
      },
    },
    async (req) => {
      const plan = await getVisiblePlanRow(db, req.params.id, req.user !== null);
      return findPlanIndicatorsWithValues(db, plan) as Promise<z.infer<typeof planIndicatorSchema>[]>;
    },
  );
};
