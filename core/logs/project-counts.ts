/**
 * The project log's counting rule (docs/delivery-logs.md), used by the indicators the log feeds and
 * by the projects page's yearly table: a project counts once, on its established date; projects
 * without one, and cancelled projects, do not count.
 */

export interface CountableProject<K extends string = string> {
  kind: K;
  status: string;
  /** ISO day, or null while the project is not established. */
  establishedDate: string | null;
}

/** The day a project counts on, or null when it does not count. */
export function projectCountDate(p: Pick<CountableProject, "status" | "establishedDate">): string | null {
  return p.status === "cancelled" ? null : p.establishedDate || null;
}

export interface ProjectYear<K extends string = string> {
  year: string;
  total: number;
  byKind: Record<K, number>;
}

/** Projects counted per calendar year, by kind; years between the first and the last are listed with 0. */
export function projectsPerYear<K extends string>(projects: readonly CountableProject<K>[], kinds: readonly K[]): ProjectYear<K>[] {
  const counted = projects.flatMap((p) => {
    const date = projectCountDate(p);
    return date ? [{ kind: p.kind, year: Number(date.slice(0, 4)) }] : [];
  });
  if (counted.length === 0) return [];
  const years = counted.map((p) => p.year);
  const first = Math.min(...years);
  const last = Math.max(...years);
  const rows = new Map<number, ProjectYear<K>>();
  for (let y = first; y <= last; y++) rows.set(y, { year: String(y), total: 0, byKind: zeroes(kinds) });
  for (const p of counted) {
    const row = rows.get(p.year);
    if (!row) continue;
    row.total++;
    row.byKind[p.kind]++;
  }
  return [...rows.values()];
}

function zeroes<K extends string>(kinds: readonly K[]): Record<K, number> {
  const out: Partial<Record<K, number>> = {};
  for (const k of kinds) out[k] = 0;
  if (!hasEvery(out, kinds)) throw new Error("unreachable: every kind was set");
  return out;
}

function hasEvery<K extends string>(r: Partial<Record<K, number>>, kinds: readonly K[]): r is Record<K, number> {
  return kinds.every((k) => r[k] !== undefined);
}
