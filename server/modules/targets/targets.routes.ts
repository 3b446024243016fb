import { targetRoutes as routes } from "../../../core/api/targets.js";
import { type RoutePlugin, serve } from "../../http.js";
import { actorOf, requireRole } from "../auth/index.js";
import { getVisiblePlanRow } from "../plans/index.js";
import { createTarget, deleteTarget, evaluateTargetById, getTargetRow, updateTarget } from "./targets.service.js";

export const targetRoutes: RoutePlugin = (app, { db }) => {
  serve(app, routes.get, async (req) => {
    const t = await getTargetRow(db, req.params.id);
    await getVisiblePlanRow(db, t.planId, req.user !== null);
    return evaluateTargetById(db, t.id, { asOf: req.query.asOf, period: req.query.period, lang: req.query.lang });
  });

  serve(app, routes.create, async (req) => {
    const user = requireRole(req.user, ["admin", "editor"]);
    const row = await db.transaction((tx) => createTarget(tx, actorOf(user), req.params.id, req.body));
    return { id: row.id };
  });

  serve(app, routes.replace, async (req) => {
    const user = requireRole(req.user, ["admin", "editor"]);
    const row = await db.transaction((tx) => updateTarget(tx, actorOf(user), req.params.id, req.body));
    return { id: row.id };
  });

  serve(app, routes.remove, async (req) => {
    const user = requireRole(req.user, ["admin", "editor"]);
    await db.transaction((tx) => deleteTarget(tx, actorOf(user), req.params.id));
  });
};
