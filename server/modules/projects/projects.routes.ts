import { z } from "zod";
import { idParams } from "../../../core/api/common.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { registerCsvRoutes } from "../../lib/csv-routes.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import { exportProjectsCsv, importProjectsCsv } from "./projects.csv.js";
import { createProjectSchema, projectQuerySchema, projectViewSchema, updateProjectSchema } from "./projects.schemas.js";
import { createProject, deleteProject, findProjects, getProject, toProjectView, updateProject } from "./projects.service.js";

const tags = ["projects"];
const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

export const projectRoutes: RoutePlugin = (app, ctx) => {
  const { db } = ctx;
  app.get(
    "/api/projects",
    {
      schema: {
        tags,
        summary: "Projects: innovative procurements, FutureBuilt, welfare technology (Kom-Nær), SmartCity, other (signed in)",
        querystring: projectQuerySchema,
        response: { 200: z.array(projectViewSchema), 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findProjects(db, req.query);
    },
  );

  app.get(
    "/api/projects/:id",
    {
      schema: {
        tags,
        summary: "A project, by id or key (signed in)",
        params: idParams,
        response: { 200: projectViewSchema, 404: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return toProjectView(await getProject(db, req.params.id));
    },
  );

  app.post(
    "/api/projects",
    {
      schema: {
        tags,
        summary: "Record a project",
        body: createProjectSchema,
        response: { 201: projectViewSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, EDITORS);
      const view = await db.transaction((tx) => createProject(tx, actorOf(user), req.body));
      return reply.code(201).send(view);
    },
  );

  app.patch(
    "/api/projects/:id",
    { schema: { tags, summary: "Edit a project", params: idParams, body: updateProjectSchema, response: { 200: projectViewSchema } } },
    async (req) => {
      const user = requireRole(req.user, EDITORS);
      return db.transaction((tx) => updateProject(tx, actorOf(user), req.params.id, req.body));
    },
  );

  app.delete(
    "/api/projects/:id",
    { schema: { tags, summary: "Delete a project", params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const user = requireRole(req.user, EDITORS);
      await db.transaction((tx) => deleteProject(tx, actorOf(user), req.params.id));
      return reply.code(204).send(null);
    },
  );

  registerCsvRoutes(app, ctx, {
    base: "/api/projects",
    tags,
    what: "projects (partners |-separated), matched by key",
    fileName: "prosjekter.csv",
    query: projectQuerySchema,
    exportCsv: exportProjectsCsv,
    importCsv: (tx, actor, bytes, opts) => importProjectsCsv(tx, actor, bytes, opts),
  });
};
