import { entrepreneurRoutes as routes, sessionQuerySchema } from "../../../core/api/entrepreneurs.js";
import { type RoutePlugin, serve } from "../../http.js";
import { registerCsvRoutes } from "../../lib/csv-routes.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import { createLink, deleteLink, findLinks, updateLink } from "./entrepreneur-links.service.js";
import { exportSessionsCsv, importSessionsCsv } from "./entrepreneurs.csv.js";
import {
  createSession,
  deleteSession,
  findSessions,
  findYearlyCounts,
  getSession,
  toSessionView,
  updateSession,
} from "./entrepreneurs.service.js";

const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

export const entrepreneurRoutes: RoutePlugin = (app, ctx) => {
  const { db, config } = ctx;
  const retention = () => ({ retentionDays: config.personalDataRetentionDays });

  serve(app, routes.sessions, async (req) => {
    requireUser(req.user);
    return findSessions(db, req.query);
  });

  serve(app, routes.session, async (req) => {
    requireUser(req.user);
    return toSessionView(await getSession(db, req.params.id));
  });

  serve(app, routes.createSession, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => createSession(tx, actorOf(user), req.body));
  });

  serve(app, routes.updateSession, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => updateSession(tx, actorOf(user), req.params.id, req.body));
  });

  serve(app, routes.removeSession, async (req) => {
    const user = requireRole(req.user, EDITORS);
    await db.transaction((tx) => deleteSession(tx, actorOf(user), req.params.id));
  });

  serve(app, routes.counts, async (req) => findYearlyCounts(db, req.query));

  // Links to later organisation numbers: personal data for sole proprietorships. Editors and admins only.
  serve(app, routes.links, async (req) => {
    requireRole(req.user, EDITORS);
    return findLinks(db);
  });

  serve(app, routes.createLink, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => createLink(tx, actorOf(user), req.body, retention()));
  });

  serve(app, routes.updateLink, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => updateLink(tx, actorOf(user), req.params.id, req.body, retention()));
  });

  serve(app, routes.removeLink, async (req) => {
    const user = requireRole(req.user, EDITORS);
    await db.transaction((tx) => deleteLink(tx, actorOf(user), req.params.id));
  });

  registerCsvRoutes(app, ctx, {
    base: "/api/entrepreneurs/sessions",
    tags: ["entrepreneurs"],
    what: "guidance sessions and courses",
    fileName: "etablerertjenesten.csv",
    query: sessionQuerySchema,
    exportCsv: exportSessionsCsv,
    importCsv: (tx, actor, bytes, opts) => importSessionsCsv(tx, actor, bytes, opts),
  });
};
