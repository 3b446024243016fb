/**
 * Who is acting and the plain role checks: shared by every module and by server/lib (which may
 * import no module). Checks that need stored state (assignments) live in the auth module.
 */
import type { PublicUser } from "../../core/api/users.js";
import type { Role } from "../../core/vocabulary.js";
import { AppError } from "../errors.js";

/** Who does a write: a signed-in user, the CLI, or the system itself (first start, imports). */
export interface Actor {
  userId: string | null;
  /** E-mail, "cli:<os user>" or "system". */
  label: string;
  role: Role | "system";
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: "system", role: "system" };

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
