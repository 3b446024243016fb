/**
 * Municipality numbers (Klass 131) the office logs meet, renumbered to today's numbers so a series
 * follows the change table: Bærum 0219 → 3024 (2020) → 3201 (2024); Asker 0220, Røyken 0627 and
 * Hurum 0628 merged into 3025 (2020) → 3203 (2024). Delegates to the register's full Klass 131 rules
 * (core/register/municipalities.ts); a number that is split or unknown there is taken as it is.
 */
import { currentMunicipality, predecessors } from "../register/municipalities.js";

/** Today's number for a municipality number (itself when it was never renumbered, split or unknown). */
export function currentMunicipalityCode(code: string): string {
  return currentMunicipality(code).code ?? code;
}

/** Every number that today belongs to `code`: itself and its former numbers. */
export function municipalityCodesFor(code: string): string[] {
  const current = currentMunicipalityCode(code);
  return [current, ...predecessors(current)];
}
