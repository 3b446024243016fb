import type { z } from "zod";
import { type ImportSummary, importQuerySchema, importSummarySchema } from "../../core/logs/import-schemas.js";
import type { Tx } from "../db/client.js";
import { AppError } from "../errors.js";
import { type AppContext, errorSchema, type typed } from "../http.js";
import { type Actor, actorOf, requireRole, requireUser } from "./access.js";

/** The raw bytes of a text/csv upload (app.ts parses text/csv bodies as a Buffer). */
export function csvBody(body: unknown): Buffer {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new AppError("bad_request", "Send the CSV file as the request body with Content-Type: text/csv");
  return body;
}

export interface CsvRoutesOptions<Q extends z.ZodType> {
  /** e.g. "/api/placements": registers GET {base}.csv and POST {base}/import. */
  base: string;
  tags: string[];
  /** What the rows are, for the OpenAPI summaries ("placements", "projects matched by key"). */
  what: string;
  /** Download name, e.g. "lia-praksisplasser.csv". */
  fileName: string;
  /** Filters accepted by the export. */
  query: Q;
  /** Roles that may import (admins and editors unless said). */
  writers?: readonly ("admin" | "editor")[];
  exportCsv: (db: AppContext["db"], query: z.infer<Q>) => Promise<Buffer>;
  importCsv: (tx: Tx, actor: Actor, bytes: Buffer, options: { fileName?: string }) => Promise<ImportSummary>;
}

/**
 * The export/import pair every log offers in the product's one CSV format (Excel, `;`, UTF-8 with
 * BOM out; UTF-8 or Windows-1252 in). Export needs a signed-in user; import an editor, and is all
 * or nothing inside one transaction.
 */
export function registerCsvRoutes<Q extends z.ZodType>(app: ReturnType<typeof typed>, { db }: AppContext, o: CsvRoutesOptions<Q>): void {
  app.get(
    `${o.base}.csv`,
    {
      schema: {
        tags: o.tags,
        summary: `Export ${o.what} as CSV (Excel, semicolon-separated, UTF-8 with BOM; signed in)`,
        produces: ["text/csv"],
        querystring: o.query,
      },
    },
    async (req, reply) => {
      requireUser(req.user);
      const csv = await o.exportCsv(db, req.query as z.infer<Q>);
      return reply.type("text/csv; charset=utf-8").header("content-disposition", `attachment; filename="${o.fileName}"`).send(csv);
    },
  );

  app.post(
    `${o.base}/import`,
    {
      schema: {
        tags: o.tags,
        summary: `Import ${o.what} from CSV (Content-Type: text/csv; UTF-8 or Windows-1252); all or nothing`,
        consumes: ["text/csv"],
        querystring: importQuerySchema,
        response: { 200: importSummarySchema, 400: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, [...(o.writers ?? ["admin", "editor"])]);
      const bytes = csvBody(req.body);
      return db.transaction((tx) => o.importCsv(tx, actorOf(user), bytes, { fileName: req.query.fileName }));
    },
  );
}
