import { keysOf } from "../guards.js";

/**
 * Enumerated CSV cells: each code has labels, the first of which is what export writes (bokmål);
 * import also accepts the other labels and the code itself, case-insensitively.
 */
export type Labels<C extends string> = Readonly<Record<C, readonly string[]>>;

const norm = (s: string): string => s.trim().toLocaleLowerCase("nb");

/** The code a cell names, or null when it names none. */
export function codeFromLabel<C extends string>(raw: string, labels: Labels<C>): C | null {
  const v = norm(raw);
  for (const code of keysOf(labels)) {
    if (norm(code) === v || labels[code].some((l) => norm(l) === v)) return code;
  }
  return null;
}

/** The label export writes for a code. */
export function labelOf<C extends string>(code: C, labels: Labels<C>): string {
  return labels[code][0] ?? code;
}

/** "veiledning, kurs or arrangement", for error messages. */
export function labelList<C extends string>(labels: Labels<C>): string {
  const names = keysOf(labels).map((c) => labelOf(c, labels));
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names[names.length - 1]}`;
}
