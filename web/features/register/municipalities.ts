/**
 * Today's municipalities (Klass 131 on 2026-01-01) for the picker and for naming an area code.
 * Only the code list is imported: the change table stays out of the bundle.
 */
import { MUNICIPALITY_CODES_2026 } from "../../../core/register/generated/klass131.js";

const NAMES = new Map<string, string>(MUNICIPALITY_CODES_2026.map(([code, name]) => [code, name]));

export function municipalityName(code: string | null | undefined): string | undefined {
  return code ? NAMES.get(code) : undefined;
}

/** Every municipality, sorted by name in Norwegian order. */
export function municipalitiesByName(): { code: string; name: string }[] {
  return MUNICIPALITY_CODES_2026.map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name, "nb"));
}
