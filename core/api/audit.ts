/** The audit log: who changed what, before → after. */
import { z } from "zod";
import { defineRoute } from "./route.js";

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown().describe("The changed fields before the write (JSON), or null"),
  after: z.unknown().describe("The written fields (JSON), or null"),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = z.object({
  entityType: z.string().max(40).optional(),
  entityId: z.string().max(100).optional(),
  limit: z.coerce.number<number | string>().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/audit",
    tags: ["audit"],
    summary: "Audit log, newest first (admin and editor)",
    query: auditQuerySchema,
    response: z.array(auditEntrySchema),
  }),
};
