import { z } from "zod";
import { importQuerySchema, importSummarySchema } from "../../../core/logs/import-schemas.js";
import { AppError } from "../../errors.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireRole, requireUser } from "../auth/access.js";
import { idParams } from "../plans/plans.schemas.js";
import { exportProjectsCsv, importProjectsCsv } from "./projects.csv.js";
import { createProjectSchema, projectQuerySchema, projectViewSchema, updateProjectSchema } from "./projects.schemas.js";
import { createProject, deleteProject, findProjects, getProject, toProjectView, updateProject } from "./projects.service.js";

const tags = ["projects"];
const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

function csvBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError("bad_request", "Send the CSV file as the request body with Content-Type: text/csv");
  return body;
}

export const projectRoutes: RoutePlugin = (app, { db }) => {
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

  app.get(
    "/api/projects.csv",
    {
      schema: {
        tags,
        summary: "Export projects as CSV (Excel, semicolon-separated, UTF-8 with BOM; partners |-separated; signed in)",
        produces: ["text/csv"],
        querystring: projectQuerySchema,
      },
    },
    async (req, reply) => {
      requireUser(req.user);
      const csv = await exportProjectsCsv(db, req.query);
      return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="prosjekter.csv"').send(csv);
    },
  );

  app.post(
    "/api/projects/import",
    {
      schema: {
        tags,
        summary: "Import projects from CSV (Content-Type: text/csv; UTF-8 or Windows-1252), matched by key; all or nothing",
        consumes: ["text/csv"],
        querystring: importQuerySchema,
        response: { 200: importSummarySchema, 400: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, EDITORS);
      const bytes = csvBody(req.body);
      return db.transaction((tx) => importProjectsCsv(tx, actorOf(user), bytes, { fileName: req.query.fileName }));
    },
  );
};
