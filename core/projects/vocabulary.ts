/** Vocabularies of the project log: stored as text, labelled in the i18n catalogue (projects.kind.*, projects.status.*). */

export const PROJECT_KINDS = ["innovative_procurement", "futurebuilt", "welfare_technology", "smartcity", "other"] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

export const PROJECT_STATUSES = ["planned", "ongoing", "completed", "cancelled"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export function isProjectKind(s: string): s is ProjectKind {
  return PROJECT_KINDS.some((k) => k === s);
}

export function isProjectStatus(s: string): s is ProjectStatus {
  return PROJECT_STATUSES.some((k) => k === s);
}
