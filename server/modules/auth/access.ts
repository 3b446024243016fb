import type { PublicUser } from "../../../core/api/users.js";
import { roleMayWrite, writesWholePlan } from "../../../core/rights.js";
import type { AssignmentKind } from "../../../core/vocabulary.js";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../../errors.js";
import { actorOf, requireRole, requireUser } from "../../lib/access.js";
import { isAssigned } from "./accounts.js";

/** Roles and what they may write: core/rights.ts. The plain checks live in server/lib/access.ts. */
export { actorOf, requireRole, requireUser };

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
