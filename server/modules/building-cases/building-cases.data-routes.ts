import { z } from "zod";
import { importQuery, importResponse, buildingCaseRoutes as routes } from "../../../core/api/building-cases.js";
import { todayInOslo } from "../../../core/periods.js";
import { AppError } from "../../errors.js";
import { errorSchema, type RoutePlugin, serve } from "../../http.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import { casesToCsv, type ImportMapping, importMappingSchema } from "./building-cases.csv.js";
import { importBuildingCases } from "./building-cases.import.js";
import { loadCases } from "./building-cases.load.js";
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

/** Import and export of the building-case log (CSV bodies, outside the JSON contract). */
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

  serve(app, routes.exportCsv, async (req, reply) => {
    requireUser(req.user);
    const body = casesToCsv(await loadCases(db, listFilter(req.query)));
    reply.header("content-disposition", `attachment; filename="byggesaker-${todayInOslo()}.csv"`);
    return reply.type("text/csv; charset=utf-8").send(body);
  });
};
