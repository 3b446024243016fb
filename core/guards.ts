/**
 * Small type guards and array helpers shared by core, server and web, so that unknown input and
 * indexed access are narrowed by checks instead of `as` casts. No dependencies (web imports it).
 */

/** True when `value` is one of `members` (a vocabulary declared `as const`), narrowing it to that union. */
export function isOneOf<const T extends string>(members: readonly T[], value: unknown): value is T {
  return members.some((m) => m === value);
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every consecutive pair of `items`: [a, b], [b, c], … (none for fewer than two items). */
export function pairwise<T>(items: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  let previous: { item: T } | null = null;
  for (const item of items) {
    if (previous) out.push([previous.item, item]);
    previous = { item };
  }
  return out;
}

/** Typed `Object.keys` for a record whose keys are exactly `K` (a literal-keyed object). */
export function keysOf<K extends string>(record: Record<K, unknown>): K[] {
  const keys: K[] = [];
  for (const key in record) if (Object.hasOwn(record, key)) keys.push(key);
  return keys;
}
