import { rezoningRoutes as routes } from "../../../core/api/land.js";
import { type RoutePlugin, serve } from "../../http.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import {
  createRezoningApplication,
  deleteRezoningApplication,
  findRezoningApplications,
  getRezoningApplication,
  updateRezoningApplication,
} from "./rezoning.service.js";

const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

/** Applications to rezone business land to housing: signed-in users read, editors write. */
export const rezoningRoutes: RoutePlugin = (app, { db }) => {
  serve(app, routes.list, async (req) => {
    requireUser(req.user);
    return findRezoningApplications(db, req.query);
  });

  serve(app, routes.get, async (req) => {
    requireUser(req.user);
    return getRezoningApplication(db, req.params.id);
  });

  serve(app, routes.create, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => createRezoningApplication(tx, actorOf(user), req.body));
  });

  serve(app, routes.update, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => updateRezoningApplication(tx, actorOf(user), req.params.id, req.body));
  });

  serve(app, routes.remove, async (req) => {
    const user = requireRole(req.user, EDITORS);
    await db.transaction((tx) => deleteRezoningApplication(tx, actorOf(user), req.params.id));
  });
};
