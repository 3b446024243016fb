import { z } from "zod";
import { importQuerySchema, importSummarySchema } from "../../../core/logs/import-schemas.js";
import { AppError } from "../../errors.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
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

function csvBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError("bad_request", "Send the CSV file as the request body with Content-Type: text/csv");
  return body;
}

export const placementRoutes: RoutePlugin = (app, { db }) => {
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

  app.get(
    "/api/placements.csv",
    {
      schema: {
        tags,
        summary: "Export placements as CSV (Excel, semicolon-separated, UTF-8 with BOM; signed in)",
        produces: ["text/csv"],
        querystring: placementQuerySchema,
      },
    },
    async (req, reply) => {
      requireUser(req.user);
      const csv = await exportPlacementsCsv(db, req.query);
      return reply.type("text/csv; charset=utf-8").header("content-disposition", 'attachment; filename="lia-praksisplasser.csv"').send(csv);
    },
  );

  app.post(
    "/api/placements/import",
    {
      schema: {
        tags,
        summary: "Import placements from CSV (Content-Type: text/csv; UTF-8 or Windows-1252); all or nothing",
        consumes: ["text/csv"],
        querystring: importQuerySchema,
        response: { 200: importSummarySchema, 400: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, EDITORS);
      const bytes = csvBody(req.body);
      return db.transaction((tx) => importPlacementsCsv(tx, actorOf(user), bytes, { fileName: req.query.fileName }));
    },
  );
};
