import { placementRoutes as routes } from "../../../core/api/placements.js";
import { type RoutePlugin, serve } from "../../http.js";
import { registerCsvRoutes } from "../../lib/csv-routes.js";
import { actorOf, requireRole, requireUser } from "../auth/access.js";
import { exportPlacementsCsv, importPlacementsCsv } from "./placements.csv.js";
import {
  createPlacement,
  deletePlacement,
  findPlacements,
  findPlacementTotals,
  getPlacement,
  toPlacementView,
  updatePlacement,
} from "./placements.service.js";

const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

export const placementRoutes: RoutePlugin = (app, ctx) => {
  const { db } = ctx;
  serve(app, routes.list, async (req) => {
    requireUser(req.user);
    return findPlacements(db, req.query);
  });

  serve(app, routes.totals, async (req) => findPlacementTotals(db, req.query));

  serve(app, routes.get, async (req) => {
    requireUser(req.user);
    return toPlacementView(await getPlacement(db, req.params.id));
  });

  serve(app, routes.create, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => createPlacement(tx, actorOf(user), req.body));
  });

  serve(app, routes.update, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => updatePlacement(tx, actorOf(user), req.params.id, req.body));
  });

  serve(app, routes.remove, async (req) => {
    const user = requireRole(req.user, EDITORS);
    await db.transaction((tx) => deletePlacement(tx, actorOf(user), req.params.id));
  });

  registerCsvRoutes(app, ctx, {
    base: "/api/placements",
    tags: ["placements"],
    what: "placements",
    fileName: "lia-praksisplasser.csv",
    query: routes.list.query,
    exportCsv: exportPlacementsCsv,
    importCsv: (tx, actor, bytes, opts) => importPlacementsCsv(tx, actor, bytes, opts),
  });
};
