/** Text helpers for plan items. */
const norm = (s: string) =>
  s
    .toLocaleLowerCase("nb")
    .replace(/[.\s]+$/g, "")
    .replace(/\s+/g, " ")
    .trim();

/** True when the target's text says nothing the parent's text does not already say. */
export function repeats(targetText: string, parentText: string): boolean {
  return norm(parentText).includes(norm(targetText));
}
