/** Yearly figures the pages draw and tabulate, computed from a log where the API has no aggregate. */
import type { ProjectKind, ProjectView } from "../../types.js";
import { PROJECT_KINDS } from "./entries.js";

export interface ProjectYear {
  year: string;
  total: number;
  byKind: Record<ProjectKind, number>;
}

const zeroKinds = () => Object.fromEntries(PROJECT_KINDS.map((k) => [k, 0])) as Record<ProjectKind, number>;

/**
 * Projects established per calendar year, by kind, following the indicators' counting rule
 * (docs/delivery-logs.md): a project counts once, on its established date; projects without one,
 * and cancelled projects, do not count. Years between the first and the last are listed with 0.
 */
export function projectsPerYear(projects: readonly Pick<ProjectView, "kind" | "status" | "establishedDate">[]): ProjectYear[] {
  const counted = projects.filter((p) => p.establishedDate && p.status !== "cancelled");
  if (counted.length === 0) return [];
  const years = counted.map((p) => Number((p.establishedDate as string).slice(0, 4)));
  const first = Math.min(...years);
  const last = Math.max(...years);
  const out: ProjectYear[] = [];
  for (let y = first; y <= last; y++) out.push({ year: String(y), total: 0, byKind: zeroKinds() });
  for (const p of counted) {
    const row = out[Number((p.establishedDate as string).slice(0, 4)) - first] as ProjectYear;
    row.total++;
    row.byKind[p.kind]++;
  }
  return out;
}

/** Puts the API's field messages (`body.participants` → `participants`) on known fields; the rest on the form. */
export function apiFieldErrors(details: readonly { path: string; message: string }[], fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    const name = d.path.replace(/^(body|querystring|params)\.?/, "");
    const field = fields.includes(name) ? name : "_form";
    out[field] = out[field] ? `${out[field]} ${d.message}` : d.message;
  }
  return out;
}
