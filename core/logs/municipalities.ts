/**
 * Municipality numbers (Klass 131) the office logs meet, renumbered to today's numbers so a series
 * follows the change table: Bærum 0219 → 3024 (2020) → 3201 (2024); Asker 0220, Røyken 0627 and
 * Hurum 0628 merged into 3025 (2020) → 3203 (2024). Only the municipalities the shared
 * Etablerertjeneste covers are listed; other numbers are taken as they are.
 */
const RENUMBERED: Readonly<Record<string, string>> = {
  "0219": "3201",
  "3024": "3201",
  "0220": "3203",
  "0627": "3203",
  "0628": "3203",
  "3025": "3203",
};

/** Today's number for a municipality number (itself when it was never renumbered). */
export function currentMunicipalityCode(code: string): string {
  return RENUMBERED[code] ?? code;
}

/** Every number that today belongs to `code`: itself and its former numbers. */
export function municipalityCodesFor(code: string): string[] {
  const current = currentMunicipalityCode(code);
  return [current, ...Object.keys(RENUMBERED).filter((k) => RENUMBERED[k] === current)];
}
