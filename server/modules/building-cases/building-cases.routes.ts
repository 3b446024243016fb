import { z } from "zod";
import { DEADLINE_RULES } from "../../../core/building-cases/deadlines.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireRole, requireUser } from "../auth/access.js";
import { buildingCaseDataRoutes } from "./building-cases.data-routes.js";
import { caseViewSchema, createCaseSchema, listQuery, ruleView, updateCaseSchema } from "./building-cases.schemas.js";
import { createCase, deleteCase, findCases, getCase, updateCase } from "./building-cases.service.js";

const tags = ["building-cases"];
const idParams = z.object({ id: z.string().max(100) });
const asOfOnly = z.object({ asOf: listQuery.shape.asOf });

/** Byggesaker: the log of building applications, their processing time and statutory deadlines. */
export const buildingCaseRoutes: RoutePlugin = (app, ctx) => {
  const { db } = ctx;

  app.get(
    "/api/building-cases/rules",
    {
      schema: {
        tags,
        summary: "The dated rule table of statutory deadlines (pbl. § 21-7, SAK10 kap. 7) with citations; public",
        response: { 200: z.array(ruleView) },
      },
    },
    async () => DEADLINE_RULES.map((r) => ({ ...r, types: [...r.types] })),
  );

  app.get(
    "/api/building-cases",
    {
      schema: {
        tags,
        summary: "Building applications with processing time, deadline and breaches; signed-in users",
        querystring: listQuery,
        response: { 200: z.array(caseViewSchema), 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findCases(db, req.query);
    },
  );

  app.get(
    "/api/building-cases/:id",
    {
      schema: {
        tags,
        summary: "One building application",
        params: idParams,
        querystring: asOfOnly,
        response: { 200: caseViewSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return getCase(db, req.params.id, req.query.asOf);
    },
  );

  app.post(
    "/api/building-cases",
    {
      schema: {
        tags,
        summary: "Register one building application (editors)",
        body: createCaseSchema,
        response: { 201: caseViewSchema, 400: errorSchema, 403: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const view = await db.transaction((tx) => createCase(tx, actorOf(user), req.body));
      return reply.code(201).send(view);
    },
  );

  app.patch(
    "/api/building-cases/:id",
    {
      schema: {
        tags,
        summary: "Change a building application (editors); `stops`, when given, replaces all stops",
        params: idParams,
        body: updateCaseSchema,
        response: { 200: caseViewSchema, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      return db.transaction((tx) => updateCase(tx, actorOf(user), req.params.id, req.body));
    },
  );

  app.delete(
    "/api/building-cases/:id",
    {
      schema: {
        tags,
        summary: "Delete a building application (editors)",
        params: idParams,
        response: { 204: z.null(), 403: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      await db.transaction((tx) => deleteCase(tx, actorOf(user), req.params.id));
      return reply.code(204).send(null);
    },
  );

  buildingCaseDataRoutes(app, ctx);
};
