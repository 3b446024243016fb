/**
 * Who may write what in the plan, decided once for the server (requireAssignedOrEditor) and the
 * web app (which hides forms the server would refuse). No zod: the browser imports this.
 *  admin       everything, including users and roles
 *  editor      the whole plan: edits, measure updates, indicator values
 *  contributor only the measures and indicators assigned to them
 *  reader      reads drafts; writes nothing
 */
import type { Role } from "./vocabulary.js";

/** Editors and admins write anything in the plan without being assigned to it. */
export function writesWholePlan(role: Role): boolean {
  return role === "admin" || role === "editor";
}

/** Whether a role writes to a plan item (a measure's updates, an indicator's values), given whether it is assigned. */
export function roleMayWrite(role: Role, assigned: boolean): boolean {
  return writesWholePlan(role) || (role === "contributor" && assigned);
}

/** May this user write to this item? Nobody signed out or disabled. */
export function canWrite(user: { role: Role; disabled: boolean } | null, assigned: boolean): boolean {
  if (!user || user.disabled) return false;
  return roleMayWrite(user.role, assigned);
}
