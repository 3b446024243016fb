/** Client checks for a new user (the server repeats them). */
import { isOneOf, ROLES } from "../../../core/vocabulary.js";

export interface NewUserDraft {
  email: string;
  name: string;
  role: string;
  password: string;
}

export type NewUserErrors = Partial<Record<keyof NewUserDraft, string>>;

export const MIN_PASSWORD = 12;

export function validateNewUser(d: NewUserDraft): NewUserErrors {
  const e: NewUserErrors = {};
  if (!d.email.trim()) e.email = "admin.errors.emailRequired";
  else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(d.email.trim())) e.email = "admin.errors.emailInvalid";
  if (!d.name.trim()) e.name = "admin.errors.nameRequired";
  if (!isOneOf(ROLES, d.role)) e.role = "admin.errors.roleRequired";
  if (d.password.length < MIN_PASSWORD) e.password = "admin.errors.passwordShort";
  return e;
}
