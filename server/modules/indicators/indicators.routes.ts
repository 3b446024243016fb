import { indicatorRoutes as routes } from "../../../core/api/indicators.js";
import { type RoutePlugin, serve } from "../../http.js";
import { actorOf, requireAssignedOrEditor, requireRole } from "../auth/index.js";
import { getVisiblePlanRow } from "../plan-lookup/index.js";
import {
  createIndicator,
  deleteIndicatorValue,
  findIndicators,
  findIndicatorValues,
  getIndicatorRow,
  recordIndicatorValue,
  toIndicatorView,
} from "./indicators.service.js";

export const indicatorRoutes: RoutePlugin = (app, { db }) => {
  serve(app, routes.list, async (req) => {
    if (req.query.plan) {
      const plan = await getVisiblePlanRow(db, req.query.plan, req.user !== null);
      return findIndicators(db, plan.id);
    }
    return findIndicators(db);
  });

  serve(app, routes.get, async (req) => {
    const row = await getIndicatorRow(db, req.params.id);
    return { ...toIndicatorView(row), values: await findIndicatorValues(db, row.id, req.query.area) };
  });

  serve(app, routes.create, async (req) => {
    const user = requireRole(req.user, ["admin", "editor"]);
    return db.transaction((tx) => createIndicator(tx, actorOf(user), req.body));
  });

  serve(app, routes.recordValue, async (req) => {
    const row = await getIndicatorRow(db, req.params.id);
    const user = await requireAssignedOrEditor(db, req.user, "indicator", row.id);
    return db.transaction((tx) => recordIndicatorValue(tx, actorOf(user), row.id, req.body));
  });

  serve(app, routes.deleteValue, async (req) => {
    const row = await getIndicatorRow(db, req.params.id);
    const user = await requireAssignedOrEditor(db, req.user, "indicator", row.id);
    await db.transaction((tx) => deleteIndicatorValue(tx, actorOf(user), row.id, req.params.valueId));
  });
};
