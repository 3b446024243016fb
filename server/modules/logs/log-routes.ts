/** The routes of a described log: list, get, create, edit, delete (contract routes) and CSV export/import. */
import { logRoutesOf, querySchemaOf } from "../../../core/logs/log-schemas.js";
import { type AppContext, serve, type typed } from "../../http.js";
import { registerCsvRoutes } from "../../lib/csv-routes.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import { exportLogCsv, importLogCsv } from "./log-csv.js";
import { createLogEntry, deleteLogEntry, updateLogEntry } from "./log-service.js";
import { findLogRows, getLogRow, type LogBinding, viewOf } from "./log-table.js";

export function serveLog(app: ReturnType<typeof typed>, ctx: AppContext, b: LogBinding): void {
  const { db } = ctx;
  const d = b.descriptor;
  const routes = logRoutesOf(d);
  const writers = [...d.write];
  serve(app, routes.list, async (req) => {
    requireUser(req.user);
    return (await findLogRows(db, b, req.query)).map(viewOf);
  });
  serve(app, routes.get, async (req) => {
    requireUser(req.user);
    return viewOf(await getLogRow(db, b, req.params.id));
  });
  serve(app, routes.create, async (req) => {
    const user = requireRole(req.user, writers);
    return db.transaction((tx) => createLogEntry(tx, b, actorOf(user), req.body));
  });
  serve(app, routes.update, async (req) => {
    const user = requireRole(req.user, writers);
    return db.transaction((tx) => updateLogEntry(tx, b, actorOf(user), req.params.id, req.body));
  });
  serve(app, routes.remove, async (req) => {
    const user = requireRole(req.user, writers);
    await db.transaction((tx) => deleteLogEntry(tx, b, actorOf(user), req.params.id));
  });
  registerCsvRoutes(app, ctx, {
    base: d.path,
    tags: [d.tag],
    what: `${d.noun} rows`,
    fileName: d.fileName,
    query: querySchemaOf(d),
    writers,
    exportCsv: (db, query) => exportLogCsv(db, b, query),
    importCsv: (tx, actor, bytes, opts) => importLogCsv(tx, b, actor, bytes, opts),
  });
}
