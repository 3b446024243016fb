// The public face of the audit module: what other modules and server/*.ts may import.

export type { Actor } from "./audit.service.js";
export { fieldsBefore, findAuditEntries, recordAudit, SYSTEM_ACTOR } from "./audit.service.js";
