import { z } from "zod";
import { AppError } from "../../errors.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireRole } from "../auth/access.js";
import { getVisiblePlanRow } from "../plans/plans.service.js";
import {
  createLandAreaSchema,
  keyParams,
  landAreaListQuery,
  landAreaView,
  supplyQuery,
  supplyReportView,
  updateLandAreaSchema,
} from "./land.schemas.js";
import { createLandArea, deleteLandArea, findLandAreas, getLandAreaRow, toLandAreaView, updateLandArea } from "./land-areas.service.js";
import { exportLandAreasCsv, importLandAreasCsv } from "./land-csv.service.js";
import { getLandSupplyReport } from "./land-supply.service.js";
import { rezoningRoutes } from "./rezoning.routes.js";

const tags = ["land bank"];
const importResult = z.object({
  batchId: z.string(),
  encoding: z.string(),
  rowsRead: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});

/** The land bank (næringsarealer): public reads (planning information), editor writes. */
export const landRoutes: RoutePlugin = (app, ctx) => {
  const { db } = ctx;
  app.get(
    "/api/land-bank/areas",
    {
      schema: {
        tags,
        summary: "Business land areas with figures and WGS84 geometry (public)",
        querystring: landAreaListQuery,
        response: { 200: z.array(landAreaView) },
      },
    },
    async (req) => (await findLandAreas(db, { status: req.query.status })).map((r) => toLandAreaView(r, req.query.geometry === "true")),
  );

  app.get(
    "/api/land-bank/areas.csv",
    {
      schema: {
        tags,
        summary: "The land bank as CSV (semicolon, UTF-8 with BOM; geometry as GeoJSON text in EPSG:4326)",
        produces: ["text/csv"],
      },
    },
    async (_req, reply) => {
      reply.header("content-disposition", 'attachment; filename="naeringsarealer.csv"');
      return reply.type("text/csv; charset=utf-8").send(exportLandAreasCsv(await findLandAreas(db)));
    },
  );

  app.post(
    "/api/land-bank/areas.csv",
    {
      schema: {
        tags,
        summary: "Import land areas from CSV (UTF-8 or Windows-1252), matched by key; all or nothing, errors name the line",
        consumes: ["text/csv"],
        querystring: z.object({ fileName: z.string().max(255).optional() }),
        response: { 200: importResult, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      if (!Buffer.isBuffer(req.body)) throw new AppError("bad_request", "Send the CSV file as the request body with content-type text/csv");
      const bytes = req.body;
      return db.transaction((tx) => importLandAreasCsv(tx, actorOf(user), bytes, req.query.fileName ?? null));
    },
  );

  app.get(
    "/api/land-bank/supply",
    {
      schema: {
        tags,
        summary: "Supply (available + planned m²) against the plan's demand for new commercial floor space (public)",
        querystring: supplyQuery,
        response: { 200: supplyReportView, 404: errorSchema },
      },
    },
    async (req) => {
      const plan = req.query.plan ? await getVisiblePlanRow(db, req.query.plan, req.user !== null) : null;
      return getLandSupplyReport(db, plan);
    },
  );

  app.get(
    "/api/land-bank/areas/:key",
    { schema: { tags, summary: "One land area (public)", params: keyParams, response: { 200: landAreaView, 404: errorSchema } } },
    async (req) => toLandAreaView(await getLandAreaRow(db, req.params.key)),
  );

  app.post(
    "/api/land-bank/areas",
    {
      schema: {
        tags,
        summary: "Register a land area; geometry in EPSG:4326, 25832 or 25833 is stored as WGS84",
        body: createLandAreaSchema,
        response: { 201: landAreaView, 400: errorSchema, 403: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const row = await db.transaction((tx) => createLandArea(tx, actorOf(user), req.body));
      return reply.code(201).send(toLandAreaView(row));
    },
  );

  app.patch(
    "/api/land-bank/areas/:key",
    {
      schema: {
        tags,
        summary: "Edit a land area (send crs with geometry when it is not WGS84; geometry null clears it)",
        params: keyParams,
        body: updateLandAreaSchema,
        response: { 200: landAreaView, 400: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const row = await db.transaction((tx) => updateLandArea(tx, actorOf(user), req.params.key, req.body));
      return toLandAreaView(row);
    },
  );

  app.delete(
    "/api/land-bank/areas/:key",
    {
      schema: {
        tags,
        summary: "Delete a land area (linked rezoning applications are kept, unlinked)",
        params: keyParams,
        response: { 204: z.null(), 403: errorSchema, 404: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      await db.transaction((tx) => deleteLandArea(tx, actorOf(user), req.params.key));
      return reply.code(204).send(null);
    },
  );

  rezoningRoutes(app, ctx);
};
