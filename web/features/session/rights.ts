import type { PublicUser } from "../../types.js";

/** Pure rule: may this user write to this item? Editors and admins always; contributors when assigned. */
export function canWrite(user: PublicUser | null, assigned: boolean): boolean {
  if (!user || user.disabled) return false;
  if (user.role === "admin" || user.role === "editor") return true;
  return user.role === "contributor" && assigned;
}
