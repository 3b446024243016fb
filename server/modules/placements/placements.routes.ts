import { placementRoutes as routes } from "../../../core/api/placements.js";
import { type RoutePlugin, serve } from "../../http.js";
import { findPlacementTotals } from "./placements.service.js";

/** The placement log's own route beside the described ones (server/modules/logs): totals per school year. */
export const placementRoutes: RoutePlugin = (app, ctx) => {
  serve(app, routes.totals, async (req) => findPlacementTotals(ctx.db, req.query));
};
