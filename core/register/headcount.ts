/**
 * Employees of a register unit, as Enhetsregisteret publishes them.
 *
 * Two publication regimes:
 * - Older files (e.g. the 2022 enheter dump) have no `harRegistrertAntallAnsatte` field and give
 *   `antallAnsatte` exactly, small numbers included (0, 1, 2, …).
 * - Newer files have `harRegistrertAntallAnsatte` and publish `antallAnsatte` only from 5 upwards:
 *   a unit with 1–4 employees has the flag true and no count. Flag false (or a count of 0) means no
 *   registered employees.
 *
 * So a newer 1–4 unit gets size class "1-4" and employees null — not 0 and not a guess such as 2.
 *
 * Comparable employee totals (why totals use only counts ≥ 5 plus the number of 1–4 units): summing
 * `employees` naively would add the small units' exact counts in old files and nothing for them in
 * new files, so a series crossing the publication change would show a fall in employment that never
 * happened (and a rise when going the other way). A total that is defined the same way in both
 * regimes is: the sum of counts of units with 5 or more employees, reported together with the number
 * of units in class "1-4" (their employees are unknown in new files and are left out of the sum in
 * old files too). {@link comparableEmployees} computes exactly that.
 */
import { SIZE_CLASSES, type SizeClass } from "./types.js";

export interface HeadcountInput {
  antallAnsatte: number | null | undefined;
  /** Absent (undefined/null) in older files. */
  harRegistrertAntallAnsatte?: boolean | null;
}

export interface Headcount {
  /** Exact number when published; null when the unit has 1–4 employees in a newer file. */
  employees: number | null;
  sizeClass: SizeClass | null;
}

/** Size class of an exact employee count (SSB's classes); null for a negative or non-integer count. */
export function sizeClassOf(n: number): SizeClass | null {
  if (!Number.isInteger(n) || n < 0) return null;
  if (n === 0) return "0";
  if (n <= 4) return "1-4";
  if (n <= 9) return "5-9";
  if (n <= 19) return "10-19";
  if (n <= 49) return "20-49";
  if (n <= 99) return "50-99";
  if (n <= 249) return "100-249";
  return "250+";
}

/** The employees and size class of one unit under the publication rules above. */
export function headcount({ antallAnsatte, harRegistrertAntallAnsatte }: HeadcountInput): Headcount {
  const count = antallAnsatte ?? null;
  const valid = count !== null && sizeClassOf(count) !== null;
  if (harRegistrertAntallAnsatte === true) {
    if (valid && count > 0) return { employees: count, sizeClass: sizeClassOf(count) };
    // Flag set, no (or zero) count: the unit has 1–4 employees.
    return { employees: null, sizeClass: "1-4" };
  }
  if (harRegistrertAntallAnsatte === false) {
    // No registered employees; a stray count contradicting the flag is not trusted over it unless ≥ 5
    // (then the count is what was published).
    if (valid && count >= 5) return { employees: count, sizeClass: sizeClassOf(count) };
    return { employees: 0, sizeClass: "0" };
  }
  // Older file without the flag: the count is exact.
  if (valid) return { employees: count, sizeClass: sizeClassOf(count) };
  return { employees: null, sizeClass: null };
}

/** A total comparable across the publication change: counts ≥ 5 summed, 1–4 units counted. */
export interface ComparableEmployees {
  /** Sum of employees of units with a published count of 5 or more. */
  employeesAtLeast5: number;
  /** Number of units in size class "1-4" (employees unknown in newer files). */
  unitsWith1to4: number;
}

export function comparableEmployees(units: Iterable<Headcount>): ComparableEmployees {
  let employeesAtLeast5 = 0;
  let unitsWith1to4 = 0;
  for (const u of units) {
    if (u.sizeClass === "1-4") unitsWith1to4++;
    else if (u.employees !== null && u.employees >= 5) employeesAtLeast5 += u.employees;
  }
  return { employeesAtLeast5, unitsWith1to4 };
}

/** The index of a size class in SIZE_CLASSES (for sorting). */
export function sizeClassRank(c: SizeClass): number {
  return SIZE_CLASSES.indexOf(c);
}
