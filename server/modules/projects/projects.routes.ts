import { projectQuerySchema, projectRoutes as routes } from "../../../core/api/projects.js";
import { type RoutePlugin, serve } from "../../http.js";
import { registerCsvRoutes } from "../../lib/csv-routes.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import { exportProjectsCsv, importProjectsCsv } from "./projects.csv.js";
import { createProject, deleteProject, findProjects, getProject, toProjectView, updateProject } from "./projects.service.js";

const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

export const projectRoutes: RoutePlugin = (app, ctx) => {
  const { db } = ctx;

  serve(app, routes.list, async (req) => {
    requireUser(req.user);
    return findProjects(db, req.query);
  });

  serve(app, routes.get, async (req) => {
    requireUser(req.user);
    return toProjectView(await getProject(db, req.params.id));
  });

  serve(app, routes.create, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => createProject(tx, actorOf(user), req.body));
  });

  serve(app, routes.update, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => updateProject(tx, actorOf(user), req.params.id, req.body));
  });

  serve(app, routes.remove, async (req) => {
    const user = requireRole(req.user, EDITORS);
    await db.transaction((tx) => deleteProject(tx, actorOf(user), req.params.id));
  });

  registerCsvRoutes(app, ctx, {
    base: "/api/projects",
    tags: ["projects"],
    what: "projects (partners |-separated), matched by key",
    fileName: "prosjekter.csv",
    query: projectQuerySchema,
    exportCsv: exportProjectsCsv,
    importCsv: (tx, actor, bytes, opts) => importProjectsCsv(tx, actor, bytes, opts),
  });
};
