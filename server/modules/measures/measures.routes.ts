import { measureRoutes as routes } from "../../../core/api/measures.js";
import { notFound } from "../../errors.js";
import { type RoutePlugin, serve } from "../../http.js";
import { actorOf, requireAssignedOrEditor, requireRole } from "../auth/index.js";
import { getFocusAreaRow, getPlanTree, getVisiblePlanRow } from "../plans/index.js";
import { addMeasureUpdate, createMeasure, findMeasureUpdates, getMeasureRow, updateMeasure } from "./measures.service.js";

export const measureRoutes: RoutePlugin = (app, { db }) => {
  serve(app, routes.get, async (req) => {
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
  });

  serve(app, routes.addUpdate, async (req) => {
    await getMeasureRow(db, req.params.id);
    const user = await requireAssignedOrEditor(db, req.user, "measure", req.params.id);
    return db.transaction((tx) => addMeasureUpdate(tx, actorOf(user), req.params.id, req.body));
  });

  serve(app, routes.update, async (req) => {
    const user = requireRole(req.user, ["admin", "editor"]);
    await getMeasureRow(db, req.params.id);
    const row = await db.transaction((tx) => updateMeasure(tx, actorOf(user), req.params.id, req.body));
    return { id: row.id };
  });

  serve(app, routes.create, async (req) => {
    const user = requireRole(req.user, ["admin", "editor"]);
    const plan = await getVisiblePlanRow(db, req.params.id, true);
    const area = await getFocusAreaRow(db, req.body.focusAreaId);
    const row = await db.transaction((tx) => createMeasure(tx, actorOf(user), plan.id, req.body, area.planId));
    return { id: row.id };
  });
};
