import { z } from "zod";
import { landImportResult, landRoutes as routes } from "../../../core/api/land.js";
import { AppError } from "../../errors.js";
import { errorSchema, type RoutePlugin, serve } from "../../http.js";
import { actorOf, requireRole } from "../auth/index.js";
import { getVisiblePlanRow } from "../plans/index.js";
import { createLandArea, deleteLandArea, findLandAreas, getLandAreaRow, toLandAreaView, updateLandArea } from "./land-areas.service.js";
import { exportLandAreasCsv, importLandAreasCsv } from "./land-csv.service.js";
import { getLandSupplyReport } from "./land-supply.service.js";
import { rezoningRoutes } from "./rezoning.routes.js";

const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

/** The land bank (næringsarealer): public reads (planning information), editor writes. */
export const landRoutes: RoutePlugin = (app, ctx) => {
  const { db } = ctx;
  serve(app, routes.list, async (req) =>
    (await findLandAreas(db, { status: req.query.status })).map((r) => toLandAreaView(r, req.query.geometry === "true")),
  );

  serve(app, routes.exportCsv, async (_req, reply) => {
    reply.header("content-disposition", 'attachment; filename="naeringsarealer.csv"');
    return reply.type("text/csv; charset=utf-8").send(exportLandAreasCsv(await findLandAreas(db)));
  });

  app.post(
    "/api/land-bank/areas.csv",
    {
      schema: {
        tags: ["land bank"],
        summary: "Import land areas from CSV (UTF-8 or Windows-1252), matched by key; all or nothing, errors name the line",
        consumes: ["text/csv"],
        querystring: z.object({ fileName: z.string().max(255).optional() }),
        response: { 200: landImportResult, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, EDITORS);
      if (!Buffer.isBuffer(req.body)) throw new AppError("bad_request", "Send the CSV file as the request body with content-type text/csv");
      const bytes = req.body;
      return db.transaction((tx) => importLandAreasCsv(tx, actorOf(user), bytes, req.query.fileName ?? null));
    },
  );

  serve(app, routes.supply, async (req) => {
    const plan = req.query.plan ? await getVisiblePlanRow(db, req.query.plan, req.user !== null) : null;
    return getLandSupplyReport(db, plan);
  });

  serve(app, routes.get, async (req) => toLandAreaView(await getLandAreaRow(db, req.params.key)));

  serve(app, routes.create, async (req) => {
    const user = requireRole(req.user, EDITORS);
    const row = await db.transaction((tx) => createLandArea(tx, actorOf(user), req.body));
    return toLandAreaView(row);
  });

  serve(app, routes.update, async (req) => {
    const user = requireRole(req.user, EDITORS);
    const row = await db.transaction((tx) => updateLandArea(tx, actorOf(user), req.params.key, req.body));
    return toLandAreaView(row);
  });

  serve(app, routes.remove, async (req) => {
    const user = requireRole(req.user, EDITORS);
    await db.transaction((tx) => deleteLandArea(tx, actorOf(user), req.params.key));
  });

  rezoningRoutes(app, ctx);
};
