import { stringify } from "yaml";
import { indicatorRoutes } from "../../../core/api/indicators.js";
import { planRoutes as routes } from "../../../core/api/plans.js";
import { formatIssue, parsePlanDocument } from "../../../core/plan/parse.js";
import { AppError } from "../../errors.js";
import { type RoutePlugin, serve } from "../../http.js";
import { actorOf, requireRole } from "../auth/index.js";
import { findPlanIndicatorsWithValues } from "../indicators/index.js";
import { findRecentChanges, searchPlan } from "./plan-activity.service.js";
import { exportPlanDocument } from "./plan-export.service.js";
import { importPlanDocument } from "./plan-import.service.js";
import { createGoal, getFocusAreaRow, getGoalRow, updateFocusArea, updateGoal } from "./plan-items.service.js";
import { revisePlan } from "./plan-revision.service.js";
import { getPlanTree } from "./plan-tree.service.js";
import { findPlans, getVisiblePlanRow, updatePlan } from "./plans.service.js";

const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

export const planRoutes: RoutePlugin = (app, { db }) => {
  serve(app, routes.list, async (req) => findPlans(db, req.user !== null));

  serve(app, routes.get, async (req) => {
    const plan = await getVisiblePlanRow(db, req.params.id, req.user !== null);
    return getPlanTree(db, plan, { asOf: req.query.asOf, lang: req.query.lang });
  });

  serve(app, routes.export, async (req, reply) => {
    const plan = await getVisiblePlanRow(db, req.params.id, req.user !== null);
    const doc = await exportPlanDocument(db, plan.id);
    reply.header("content-disposition", `attachment; filename="${doc.key}.${req.query.format}"`);
    if (req.query.format === "json") return reply.type("application/json; charset=utf-8").send(JSON.stringify(doc, null, 2));
    return reply.type("application/yaml; charset=utf-8").send(stringify(doc, { lineWidth: 0 }));
  });

  serve(app, routes.import, async (req) => {
    const user = requireRole(req.user, EDITORS);
    const parsed = parsePlanDocument(req.body.document);
    if (!parsed.ok)
      throw new AppError(
        "invalid_plan",
        `The plan document has ${parsed.issues.length} problem(s): ${parsed.issues.slice(0, 3).map(formatIssue).join("; ")}`,
        parsed.issues.map((i) => ({ path: i.path.join("."), message: i.message, line: i.line })),
      );
    const result = await importPlanDocument(db, actorOf(user), parsed.plan);
    return { id: result.planId };
  });

  serve(app, routes.revise, async (req) => {
    const user = requireRole(req.user, EDITORS);
    const from = await getVisiblePlanRow(db, req.params.id, true);
    const result = await revisePlan(db, actorOf(user), from.key, req.body);
    return { id: result.planId };
  });

  serve(app, routes.update, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => updatePlan(tx, actorOf(user), req.params.id, req.body));
  });

  serve(app, routes.updateFocusArea, async (req) => {
    const user = requireRole(req.user, EDITORS);
    await getFocusAreaRow(db, req.params.id);
    const row = await db.transaction((tx) => updateFocusArea(tx, actorOf(user), req.params.id, req.body));
    return { id: row.id };
  });

  serve(app, routes.createGoal, async (req) => {
    const user = requireRole(req.user, EDITORS);
    const plan = await getVisiblePlanRow(db, req.params.id, true);
    const row = await db.transaction((tx) => createGoal(tx, actorOf(user), plan.id, req.body));
    return { id: row.id };
  });

  serve(app, routes.updateGoal, async (req) => {
    const user = requireRole(req.user, EDITORS);
    await getGoalRow(db, req.params.id);
    const row = await db.transaction((tx) => updateGoal(tx, actorOf(user), req.params.id, req.body));
    return { id: row.id };
  });
};

export const planExtraRoutes: RoutePlugin = (app, { db }) => {
  serve(app, routes.changes, async (req) => {
    const plan = await getVisiblePlanRow(db, req.params.id, req.user !== null);
    return findRecentChanges(db, plan, req.query.limit, req.query.lang);
  });

  serve(app, routes.search, async (req) => {
    const plan = await getVisiblePlanRow(db, req.query.plan, req.user !== null);
    return searchPlan(db, plan, req.query.q, req.query.lang);
  });

  serve(app, indicatorRoutes.forPlan, async (req) => {
    const plan = await getVisiblePlanRow(db, req.params.id, req.user !== null);
    return findPlanIndicatorsWithValues(db, plan);
  });
};
