/** Yearly figures the pages draw and tabulate, computed from a log where the API has no aggregate. */
import { type ProjectYear as CoreProjectYear, projectsPerYear as countPerYear } from "../../../core/logs/project-counts.js";
import { PROJECT_KINDS, type ProjectKind } from "../../../core/projects/vocabulary.js";
import type { ProjectView } from "../../types.js";

export type ProjectYear = CoreProjectYear<ProjectKind>;

/**
 * Projects established per calendar year, by kind, following the indicators' counting rule
 * (core/logs/project-counts.ts). Years between the first and the last are listed with 0.
 */
export function projectsPerYear(projects: readonly Pick<ProjectView, "kind" | "status" | "establishedDate">[]): ProjectYear[] {
  return countPerYear(projects, PROJECT_KINDS);
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
