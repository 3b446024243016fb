import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { CreateUserInput, PublicUser, UpdateUserInput } from "../../../core/api/users.js";
import type { AssignmentKind } from "../../../core/vocabulary.js";
import type { DbOrTx } from "../../db/client.js";
import { assignments, users } from "../../db/schema/index.js";
import { AppError, notFound } from "../../errors.js";
import { isUuid } from "../../lib/ids.js";
import { generatePassword, hashPassword } from "../../lib/password.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { findUserByEmail, isAssigned, toPublicUser } from "../auth/index.js";

export type { AssignmentKind, CreateUserInput, PublicUser, UpdateUserInput };
export { findUserByEmail, isAssigned, toPublicUser };

export async function findUsers(db: DbOrTx): Promise<PublicUser[]> {
  const rows = await db.select().from(users).orderBy(asc(users.email));
  return rows.map(toPublicUser);
}

export async function getUser(db: DbOrTx, id: string): Promise<PublicUser> {
  if (!isUuid(id)) throw notFound("User");
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw notFound("User");
  return toPublicUser(row);
}

export async function createUser(db: DbOrTx, actor: Actor, input: CreateUserInput): Promise<PublicUser> {
  const email = input.email.trim().toLowerCase();
  if (await findUserByEmail(db, email)) throw new AppError("conflict", `A user with e-mail ${email} exists`);
  const [row] = await db
    .insert(users)
    .values({ email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const user = toPublicUser(row);
  await recordAudit(db, actor, { action: "user.create", entityType: "user", entityId: row.id, after: user });
  return user;
}

export async function updateUser(db: DbOrTx, actor: Actor, id: string, input: UpdateUserInput): Promise<PublicUser> {
  const before = await getUser(db, id);
  if (actor.userId === id && ((input.role !== undefined && input.role !== "admin") || input.disabled === true))
    throw new AppError("bad_request", "You cannot remove your own admin role or disable yourself");
  const [row] = await db
    .update(users)
    .set({
      name: input.name,
      role: input.role,
      disabledAt: input.disabled === undefined ? undefined : input.disabled ? new Date() : null,
      passwordHash: input.password ? await hashPassword(input.password) : undefined,
    })
    .where(eq(users.id, id))
    .returning();
  if (!row) throw notFound("User");
  const after = toPublicUser(row);
  await recordAudit(db, actor, {
    action: input.password ? "user.update_password" : "user.update",
    entityType: "user",
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function countActiveAdmins(db: DbOrTx): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
  return row?.n ?? 0;
}

/**
 * First start: when there is no user at all, create an admin. The password comes from
 * ADMIN_PASSWORD or is generated; it is returned so main.ts can print it once.
 */
export async function ensureInitialAdmin(
  db: DbOrTx,
  actor: Actor,
  email: string,
  password: string | undefined,
): Promise<{ email: string; password: string; generated: boolean } | null> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if ((row?.n ?? 0) > 0) return null;
  const pw = password ?? generatePassword();
  await createUser(db, actor, { email, name: "Administrator", role: "admin", password: pw });
  return { email, password: pw, generated: password === undefined };
}

export async function setAssignment(
  db: DbOrTx,
  actor: Actor,
  input: { userId: string; kind: AssignmentKind; itemId: string; assigned: boolean },
): Promise<void> {
  await getUser(db, input.userId);
  if (input.assigned) {
    await db.insert(assignments).values({ userId: input.userId, kind: input.kind, itemId: input.itemId }).onConflictDoNothing();
  } else {
    await db
      .delete(assignments)
      .where(and(eq(assignments.userId, input.userId), eq(assignments.kind, input.kind), eq(assignments.itemId, input.itemId)));
  }
  await recordAudit(db, actor, {
    action: input.assigned ? "assignment.add" : "assignment.remove",
    entityType: input.kind,
    entityId: input.itemId,
    after: { userId: input.userId },
  });
}

export async function findAssignments(db: DbOrTx, userId: string): Promise<{ kind: AssignmentKind; itemId: string }[]> {
  return db.select({ kind: assignments.kind, itemId: assignments.itemId }).from(assignments).where(eq(assignments.userId, userId));
}
