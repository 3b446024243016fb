import { isOneOf } from "../guards.js";

/**
 * Organisation numbers (organisasjonsnummer) from Enhetsregisteret: 9 digits, the last a modulus-11
 * check digit over the first eight with weights 3 2 7 6 5 4 3 2. A remainder giving check digit 10
 * is never issued.
 */

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Removes the spaces people type or Excel adds ("912 345 678" → "912345678"). */
export function normalizeOrgnr(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]/g, "");
}

/** True when `value` is 9 digits with a valid modulus-11 check digit. */
export function isValidOrgnr(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * (digits[i] ?? 0), 0);
  const rest = sum % 11;
  const check = rest === 0 ? 0 : 11 - rest;
  return check !== 10 && check === digits[8];
}

/**
 * Organisation forms (Brreg `organisasjonsform` codes) that are legal persons of their own, so
 * their organisation number is not personal data. Everything else — ENK (sole proprietorship),
 * ANS/DA (partnerships of persons), NUF, and an unknown form — is treated as personal data.
 */
export const NON_PERSONAL_FORMS = ["AS", "ASA", "SA", "SE", "STI", "FLI", "BA", "IKS", "KF", "SF"] as const;

/** True unless the form is known to be a legal person of its own (unknown counts as personal). */
export function isPersonalOrganisationForm(form: string | null | undefined): boolean {
  if (!form) return true;
  return !isOneOf(NON_PERSONAL_FORMS, form.trim().toUpperCase());
}
