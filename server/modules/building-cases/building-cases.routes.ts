import { buildingCaseRoutes as routes } from "../../../core/api/building-cases.js";
import { DEADLINE_RULES } from "../../../core/building-cases/deadlines.js";
import { type RoutePlugin, serve } from "../../http.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import { buildingCaseDataRoutes } from "./building-cases.data-routes.js";
import { findBreaches, getProcessingStats } from "./building-cases.reports.js";
import { createCase, deleteCase, findCases, getCase, updateCase } from "./building-cases.service.js";

const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

/** Byggesaker: the log of building applications, their processing time and statutory deadlines. */
export const buildingCaseRoutes: RoutePlugin = (app, ctx) => {
  const { db } = ctx;

  serve(app, routes.rules, async () => DEADLINE_RULES.map((r) => ({ ...r, types: [...r.types] })));

  serve(app, routes.list, async (req) => {
    requireUser(req.user);
    return findCases(db, req.query);
  });

  serve(app, routes.stats, async (req) => {
    requireUser(req.user);
    return getProcessingStats(db, req.query);
  });

  serve(app, routes.breaches, async (req) => {
    requireUser(req.user);
    return findBreaches(db, req.query.asOf);
  });

  serve(app, routes.get, async (req) => {
    requireUser(req.user);
    return getCase(db, req.params.id, req.query.asOf);
  });

  serve(app, routes.create, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => createCase(tx, actorOf(user), req.body));
  });

  serve(app, routes.update, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => updateCase(tx, actorOf(user), req.params.id, req.body));
  });

  serve(app, routes.remove, async (req) => {
    const user = requireRole(req.user, EDITORS);
    await db.transaction((tx) => deleteCase(tx, actorOf(user), req.params.id));
  });

  buildingCaseDataRoutes(app, ctx);
};
