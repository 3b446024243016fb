import { z } from "zod";
import { idParams } from "../../../core/api/common.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { registerCsvRoutes } from "../../lib/csv-routes.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import { createLink, deleteLink, findLinks, updateLink } from "./entrepreneur-links.service.js";
import { exportSessionsCsv, importSessionsCsv } from "./entrepreneurs.csv.js";
import {
  createSessionSchema,
  linkCreateSchema,
  linkUpdateSchema,
  linkViewSchema,
  sessionQuerySchema,
  sessionViewSchema,
  updateSessionSchema,
  yearlyCountsSchema,
} from "./entrepreneurs.schemas.js";
import {
  createSession,
  deleteSession,
  findSessions,
  findYearlyCounts,
  getSession,
  toSessionView,
  updateSession,
} from "./entrepreneurs.service.js";

const tags = ["entrepreneurs"];
const EDITORS = ["admin", "editor"] as const;

export const entrepreneurRoutes: RoutePlugin = (app, ctx) => {
  const { db, config } = ctx;
  const retention = () => ({ retentionDays: config.personalDataRetentionDays });

  app.get(
    "/api/entrepreneurs/sessions",
    {
      schema: {
        tags,
        summary: "Etablerertjenesten: guidance sessions, courses and events (signed in)",
        querystring: sessionQuerySchema,
        response: { 200: z.array(sessionViewSchema), 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findSessions(db, req.query);
    },
  );

  app.get(
    "/api/entrepreneurs/sessions/:id",
    { schema: { tags, summary: "A session (signed in)", params: idParams, response: { 200: sessionViewSchema, 404: errorSchema } } },
    async (req) => {
      requireUser(req.user);
      return toSessionView(await getSession(db, req.params.id));
    },
  );

  app.post(
    "/api/entrepreneurs/sessions",
    { schema: { tags, summary: "Log a session", body: createSessionSchema, response: { 201: sessionViewSchema, 400: errorSchema } } },
    async (req, reply) => {
      const user = requireRole(req.user, [...EDITORS]);
      const view = await db.transaction((tx) => createSession(tx, actorOf(user), req.body));
      return reply.code(201).send(view);
    },
  );

  app.patch(
    "/api/entrepreneurs/sessions/:id",
    { schema: { tags, summary: "Edit a session", params: idParams, body: updateSessionSchema, response: { 200: sessionViewSchema } } },
    async (req) => {
      const user = requireRole(req.user, [...EDITORS]);
      return db.transaction((tx) => updateSession(tx, actorOf(user), req.params.id, req.body));
    },
  );

  app.delete(
    "/api/entrepreneurs/sessions/:id",
    { schema: { tags, summary: "Delete a session", params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const user = requireRole(req.user, [...EDITORS]);
      await db.transaction((tx) => deleteSession(tx, actorOf(user), req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/entrepreneurs/counts",
    {
      schema: {
        tags,
        summary: "Sessions and participants per year, per kind and per home municipality (aggregates; public)",
        querystring: z.object({ from: sessionQuerySchema.shape.from, to: sessionQuerySchema.shape.to }),
        response: { 200: yearlyCountsSchema },
      },
    },
    async (req) => findYearlyCounts(db, req.query),
  );

  // Links to later organisation numbers: personal data for sole proprietorships. Editors and admins only.
  app.get(
    "/api/entrepreneurs/links",
    {
      schema: {
        tags,
        summary: "Links from entrepreneurs to the organisation number they registered (editors and admins)",
        response: { 200: z.array(linkViewSchema), 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      requireRole(req.user, [...EDITORS]);
      return findLinks(db);
    },
  );

  app.post(
    "/api/entrepreneurs/links",
    {
      schema: { tags, summary: "Record an entrepreneur's organisation number", body: linkCreateSchema, response: { 201: linkViewSchema } },
    },
    async (req, reply) => {
      const user = requireRole(req.user, [...EDITORS]);
      const view = await db.transaction((tx) => createLink(tx, actorOf(user), req.body, retention()));
      return reply.code(201).send(view);
    },
  );

  app.patch(
    "/api/entrepreneurs/links/:id",
    {
      schema: {
        tags,
        summary: "Edit a link (session, organisation form, registration date)",
        params: idParams,
        body: linkUpdateSchema,
        response: { 200: linkViewSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, [...EDITORS]);
      return db.transaction((tx) => updateLink(tx, actorOf(user), req.params.id, req.body, retention()));
    },
  );

  app.delete(
    "/api/entrepreneurs/links/:id",
    { schema: { tags, summary: "Delete a link", params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const user = requireRole(req.user, [...EDITORS]);
      await db.transaction((tx) => deleteLink(tx, actorOf(user), req.params.id));
      return reply.code(204).send(null);
    },
  );
  registerCsvRoutes(app, ctx, {
    base: "/api/entrepreneurs/sessions",
    tags,
    what: "guidance sessions and courses",
    fileName: "etablerertjenesten.csv",
    query: sessionQuerySchema,
    exportCsv: exportSessionsCsv,
    importCsv: (tx, actor, bytes, opts) => importSessionsCsv(tx, actor, bytes, opts),
  });
};
