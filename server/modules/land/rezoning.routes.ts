import { z } from "zod";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireRole, requireUser } from "../auth/access.js";
import { createRezoningSchema, idParams, rezoningListQuery, rezoningView, updateRezoningSchema } from "./land.schemas.js";
import {
  createRezoningApplication,
  deleteRezoningApplication,
  findRezoningApplications,
  getRezoningApplication,
  updateRezoningApplication,
} from "./rezoning.service.js";

const tags = ["land bank"];

/** Applications to rezone business land to housing: signed-in users read, editors write. */
export const rezoningRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    "/api/land-bank/rezoning-applications",
    {
      schema: {
        tags,
        summary: "Rezoning applications (business → housing), newest first; signed-in users",
        querystring: rezoningListQuery,
        response: { 200: z.array(rezoningView), 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findRezoningApplications(db, req.query);
    },
  );

  app.get(
    "/api/land-bank/rezoning-applications/:id",
    {
      schema: {
        tags,
        summary: "One rezoning application; signed-in users",
        params: idParams,
        response: { 200: rezoningView, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return getRezoningApplication(db, req.params.id);
    },
  );

  app.post(
    "/api/land-bank/rezoning-applications",
    {
      schema: {
        tags,
        summary: "Register a rezoning application, linked to a land area by key when known",
        body: createRezoningSchema,
        response: { 201: rezoningView, 400: errorSchema, 403: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      return reply.code(201).send(await db.transaction((tx) => createRezoningApplication(tx, actorOf(user), req.body)));
    },
  );

  app.patch(
    "/api/land-bank/rezoning-applications/:id",
    {
      schema: {
        tags,
        summary: "Edit a rezoning application (status, decision date, link …)",
        params: idParams,
        body: updateRezoningSchema,
        response: { 200: rezoningView, 400: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      return db.transaction((tx) => updateRezoningApplication(tx, actorOf(user), req.params.id, req.body));
    },
  );

  app.delete(
    "/api/land-bank/rezoning-applications/:id",
    {
      schema: {
        tags,
        summary: "Delete a rezoning application",
        params: idParams,
        response: { 204: z.null(), 403: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      await db.transaction((tx) => deleteRezoningApplication(tx, actorOf(user), req.params.id));
      return reply.code(204).send(null);
    },
  );
};
