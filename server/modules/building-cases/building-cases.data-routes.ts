import { z } from "zod";
import { todayInOslo } from "../../../core/periods.js";
import { AppError } from "../../errors.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireRole, requireUser } from "../auth/access.js";
import { casesToCsv, type ImportMapping, importMappingSchema } from "./building-cases.csv.js";
import { importBuildingCases } from "./building-cases.import.js";
import { loadCases } from "./building-cases.load.js";
import { findBreaches, getProcessingStats } from "./building-cases.reports.js";
import {
  breachesQuery,
  breachesResponse,
  importQuery,
  importResponse,
  listQuery,
  statsQuery,
  statsResponse,
} from "./building-cases.schemas.js";
import { listFilter } from "./building-cases.service.js";

const tags = ["building-cases"];
/** A CSV file as raw bytes (the app's text/csv parser hands the route a Buffer). */
const csvFile = z
  .custom<Buffer>((v) => Buffer.isBuffer(v), { message: "send the file as the body with Content-Type: text/csv" })
  .meta({ type: "string", format: "binary" });

function parseMapping(raw: string | undefined): ImportMapping | undefined {
  if (raw === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("validation_failed", "mapping is not JSON", [{ path: "querystring.mapping", message: "not JSON" }]);
  }
  const parsed = importMappingSchema.safeParse(json);
  if (!parsed.success)
    throw new AppError(
      "validation_failed",
      "Invalid mapping",
      parsed.error.issues.map((i) => ({ path: ["querystring.mapping", ...i.path.map(String)].join("."), message: i.message })),
    );
  return parsed.data;
}

/** Import, export and the reports over the building-case log. */
export const buildingCaseDataRoutes: RoutePlugin = (app, { db }) => {
  app.post(
    "/api/building-cases/import",
    {
      schema: {
        tags,
        summary: "Import a case-system CSV export (text/csv; UTF-8 or Windows-1252), all or nothing; editors",
        description:
          "Columns: Saksnummer;SøknadsID;Søknadstype;Næringsbygg;Bygningstype;Adresse;Mottatt;Komplett;Vedtak;Nabomerknader;Dispensasjon;Andre myndigheter;Stopp fra;Stopp til;Stoppgrunn[;Stopp fra 2;…]. " +
          "Rows are matched by (Saksnummer, SøknadsID). Any bad row: 400 with every problem as `line N: Column`, nothing written.",
        querystring: importQuery,
        body: csvFile,
        consumes: ["text/csv"],
        response: { 200: importResponse, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const mapping = parseMapping(req.query.mapping);
      return db.transaction((tx) => importBuildingCases(tx, actorOf(user), req.body, { mapping, fileName: req.query.fileName }));
    },
  );

  app.get(
    "/api/building-cases/export.csv",
    {
      schema: {
        tags,
        summary: "The log as CSV in the import format (UTF-8 with BOM, `;`, dd.mm.åååå); signed-in users",
        querystring: listQuery.omit({ asOf: true }),
        produces: ["text/csv"],
        response: { 200: csvFile },
      },
    },
    async (req, reply) => {
      requireUser(req.user);
      const body = casesToCsv(await loadCases(db, listFilter(req.query)));
      reply.header("content-disposition", `attachment; filename="byggesaker-${todayInOslo()}.csv"`);
      return reply.type("text/csv; charset=utf-8").send(body);
    },
  );

  app.get(
    "/api/building-cases/stats",
    {
      schema: {
        tags,
        summary: "Mean and median processing weeks per year, quarter or month (commercial ett-trinn and rammetillatelse, by decision date)",
        querystring: statsQuery,
        response: { 200: statsResponse, 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return getProcessingStats(db, req.query);
    },
  );

  app.get(
    "/api/building-cases/breaches",
    {
      schema: {
        tags,
        summary: "Applications over the statutory deadline, and counted commercial applications over 8 weeks, as of a day",
        querystring: breachesQuery,
        response: { 200: breachesResponse, 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findBreaches(db, req.query.asOf);
    },
  );
};
