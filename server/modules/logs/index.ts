/**
 * Described logs: every log in core/logs/descriptors gets its routes, CSV import/export, the
 * indicators it feeds and its personal-data purge from its descriptor and its table.
 */
import { DESCRIBED_LOGS } from "../../../core/logs/descriptors/index.js";
import type { DbOrTx } from "../../db/client.js";
import type { RoutePlugin } from "../../http.js";
import type { DerivedIndicator } from "../indicators/index.js";
import { logIndicatorsOf } from "./log-indicators.js";
import { type LogPurgeResult, purgeLogPersonalData } from "./log-purge.js";
import { serveLog } from "./log-routes.js";
import type { LogBinding } from "./log-table.js";
import { LOG_TABLES } from "./tables.js";

export type { LogBinding, LogView } from "./log-table.js";

/** Each descriptor with its table; a descriptor without one is a programming error caught at start. */
export const LOG_BINDINGS: readonly LogBinding[] = DESCRIBED_LOGS.map((descriptor) => {
  const table = LOG_TABLES[descriptor.key];
  if (!table) throw new Error(`log ${descriptor.key}: no table in server/modules/logs/tables.ts`);
  return { descriptor, table };
});

export const logRoutes: RoutePlugin = (app, ctx) => {
  for (const b of LOG_BINDINGS) serveLog(app, ctx, b);
};

export const logIndicators: DerivedIndicator[] = LOG_BINDINGS.flatMap(logIndicatorsOf);

/** Empties the personal fields of every described log whose retention has run out (privacy purge). */
export function purgeDescribedLogs(db: DbOrTx, asOf: string, now: Date): Promise<LogPurgeResult> {
  return purgeLogPersonalData(db, LOG_BINDINGS, asOf, now);
}
