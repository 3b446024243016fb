import { and, desc, eq } from "drizzle-orm";
import type { AuditEntryView } from "../../../core/api/audit.js";
import type { DbOrTx } from "../../db/client.js";
import { auditLog } from "../../db/schema/index.js";
import { type Actor, SYSTEM_ACTOR } from "../../lib/access.js";

export type { Actor };
export { SYSTEM_ACTOR };

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** The fields of `before` that a partial update `input` writes: the audit entry's "before". */
export function fieldsBefore(before: object, input: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(before).filter(([k]) => k in input));
}

/** Records who changed what, before → after. Call inside the same transaction as the write. */
export async function recordAudit(db: DbOrTx, actor: Actor, input: AuditInput): Promise<void> {
  await db.insert(auditLog).values({
    userId: actor.userId,
    actor: actor.label,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId,
    before: input.before ?? null,
    after: input.after ?? null,
  });
}

export type { AuditEntryView };

export async function findAuditEntries(
  db: DbOrTx,
  filter: { entityType?: string; entityId?: string; limit: number },
): Promise<AuditEntryView[]> {
  const conds = [
    filter.entityType ? eq(auditLog.entityType, filter.entityType) : undefined,
    filter.entityId ? eq(auditLog.entityId, filter.entityId) : undefined,
  ].filter((c) => c !== undefined);
  const rows = await db
    .select()
    .from(auditLog)
    .where(conds.length > 0 ? and(...conds) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(filter.limit);
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
  }));
}
