/**
 * Every log described by a descriptor (core/logs/descriptor.ts). The server serves each one's
 * routes, CSV and indicators from this list, and the web app gives each one its list, form and
 * page; a new log is a descriptor here plus its table (server/modules/logs/tables.ts).
 */
import type { LogDescriptor } from "../descriptor.js";
import { placementsLog } from "./placements.js";
import { schoolBusinessLog } from "./school-business.js";

export const DESCRIBED_LOGS: readonly LogDescriptor[] = [placementsLog, schoolBusinessLog];

/** The descriptor with this key, if any. */
export function describedLog(key: string): LogDescriptor | undefined {
  return DESCRIBED_LOGS.find((d) => d.key === key);
}
