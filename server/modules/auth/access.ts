import { roleMayWrite, writesWholePlan } from "../../../core/rights.js";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors.js";
import type { Actor } from "../audit/audit.service.js";
import { type AssignmentKind, isAssigned, type PublicUser } from "../users/users.service.js";

/** Roles and what they may write: core/rights.ts. */
export function requireUser(user: PublicUser | null): PublicUser {
  if (!user) throw new AppError("unauthenticated", "Sign in first");
  return user;
}

export function actorOf(user: PublicUser): Actor {
  return { userId: user.id, label: user.email, role: user.role };
}

export function requireRole(user: PublicUser | null, roles: PublicUser["role"][]): PublicUser {
  const u = requireUser(user);
  if (!roles.includes(u.role)) throw new AppError("forbidden", "Your role does not allow this");
  return u;
}

/** Editors and admins may write anything in the plan; contributors only what is assigned to them. */
export async function requireAssignedOrEditor(
  db: DbOrTx,
  user: PublicUser | null,
  kind: AssignmentKind,
  itemId: string,
): Promise<PublicUser> {
  const u = requireUser(user);
  if (writesWholePlan(u.role)) return u;
  if (roleMayWrite(u.role, u.role === "contributor" && (await isAssigned(db, u.id, kind, itemId)))) return u;
  throw new AppError("forbidden", `This ${kind} is not assigned to you`);
}
