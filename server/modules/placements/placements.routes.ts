import { z } from "zod";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { registerCsvRoutes } from "../../lib/csv-routes.js";
import { actorOf, requireRole, requireUser } from "../auth/access.js";
import { idParams } from "../plans/plans.schemas.js";
import { exportPlacementsCsv, importPlacementsCsv } from "./placements.csv.js";
import {
  createPlacementSchema,
  placementQuerySchema,
  placementViewSchema,
  schoolYearSchema,
  totalsSchema,
  updatePlacementSchema,
} from "./placements.schemas.js";
import {
  createPlacement,
  deletePlacement,
  findPlacements,
  findPlacementTotals,
  getPlacement,
  toPlacementView,
  updatePlacement,
} from "./placements.service.js";

const tags = ["placements"];
const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

export const placementRoutes: RoutePlugin = (app, ctx) => {
  const { db } = ctx;
  app.get(
    "/api/placements",
    {
      schema: {
        tags,
        summary: "LIA and other school–business placements (signed in)",
        querystring: placementQuerySchema,
        response: { 200: z.array(placementViewSchema), 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findPlacements(db, req.query);
    },
  );

  app.get(
    "/api/placements/totals",
    {
      schema: {
        tags,
        summary: "Placements per school year, in total and by sector (aggregates; public)",
        querystring: z.object({ from: schoolYearSchema.optional(), to: schoolYearSchema.optional() }),
        response: { 200: totalsSchema },
      },
    },
    async (req) => findPlacementTotals(db, req.query),
  );

  app.get(
    "/api/placements/:id",
    {
      schema: { tags, summary: "A placement row (signed in)", params: idParams, response: { 200: placementViewSchema, 404: errorSchema } },
    },
    async (req) => {
      requireUser(req.user);
      return toPlacementView(await getPlacement(db, req.params.id));
    },
  );

  app.post(
    "/api/placements",
    {
      schema: { tags, summary: "Record placements", body: createPlacementSchema, response: { 201: placementViewSchema, 400: errorSchema } },
    },
    async (req, reply) => {
      const user = requireRole(req.user, EDITORS);
      const view = await db.transaction((tx) => createPlacement(tx, actorOf(user), req.body));
      return reply.code(201).send(view);
    },
  );

  app.patch(
    "/api/placements/:id",
    {
      schema: {
        tags,
        summary: "Edit a placement row",
        params: idParams,
        body: updatePlacementSchema,
        response: { 200: placementViewSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, EDITORS);
      return db.transaction((tx) => updatePlacement(tx, actorOf(user), req.params.id, req.body));
    },
  );

  app.delete(
    "/api/placements/:id",
    { schema: { tags, summary: "Delete a placement row", params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const user = requireRole(req.user, EDITORS);
      await db.transaction((tx) => deletePlacement(tx, actorOf(user), req.params.id));
      return reply.code(204).send(null);
    },
  );

  registerCsvRoutes(app, ctx, {
    base: "/api/placements",
    tags,
    what: "placements",
    fileName: "lia-praksisplasser.csv",
    query: placementQuerySchema,
    exportCsv: exportPlacementsCsv,
    importCsv: (tx, actor, bytes, opts) => importPlacementsCsv(tx, actor, bytes, opts),
  });
};
