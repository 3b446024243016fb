import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { assignments, measures } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { requireUser } from "../auth/index.js";
import type { PublicUser } from "../users/index.js";
import type { Viewer } from "./engagements.service.js";

/**
 * Who may do what in the engagement log (docs/engagements.md):
 *  - anonymous: nothing (the public sees only the counts, through the plan's indicators);
 *  - reader: reads the log, without contact persons and without exempt notes;
 *  - contributor: reads everything; logs and edits engagements that serve only measures assigned to them;
 *  - editor, admin: everything.
 */
export function viewerOf(user: PublicUser | null): Viewer {
  const u = requireUser(user);
  return { internal: u.role !== "reader" };
}

export async function requireEngagementWriter(db: DbOrTx, user: PublicUser | null, measureKeys: readonly string[]): Promise<PublicUser> {
  const u = requireUser(user);
  if (u.role === "admin" || u.role === "editor") return u;
  if (u.role !== "contributor") throw new AppError("forbidden", "Your role does not allow this");
  const wanted = [...new Set(measureKeys)];
  if (wanted.length === 0)
    throw new AppError("forbidden", "Contributors log engagements for the measures assigned to them: choose one of your measures");
  const rows = await db
    .select({ key: measures.key })
    .from(assignments)
    .innerJoin(measures, eq(measures.id, assignments.itemId))
    .where(and(eq(assignments.userId, u.id), eq(assignments.kind, "measure"), inArray(measures.key, wanted)));
  const mine = new Set(rows.map((r) => r.key));
  const foreign = wanted.filter((k) => !mine.has(k));
  if (foreign.length > 0) throw new AppError("forbidden", `Not assigned to you: ${foreign.join(", ")}`);
  return u;
}
