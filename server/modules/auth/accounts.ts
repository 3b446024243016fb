/**
 * The account facts the auth module needs (and the users module builds on): the public shape of a
 * user, the account for an e-mail, and whether something is assigned to a user.
 */
import { and, eq } from "drizzle-orm";
import type { PublicUser } from "../../../core/api/users.js";
import type { AssignmentKind } from "../../../core/vocabulary.js";
import type { DbOrTx } from "../../db/client.js";
import { assignments, users } from "../../db/schema/index.js";

type UserRow = typeof users.$inferSelect;

export function toPublicUser(u: UserRow): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabledAt !== null };
}

/** The account row for an e-mail address (compared trimmed and in lower case), if there is one. */
export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).limit(1);
  return row;
}

export async function isAssigned(db: DbOrTx, userId: string, kind: AssignmentKind, itemId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: assignments.userId })
    .from(assignments)
    .where(and(eq(assignments.userId, userId), eq(assignments.kind, kind), eq(assignments.itemId, itemId)))
    .limit(1);
  return row !== undefined;
}
