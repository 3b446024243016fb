const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a UUID; ids that are not cannot exist, so lookups answer "not found" without a query. */
export function isUuid(value: string): boolean {
  return UUID_RE.test(value);
}
