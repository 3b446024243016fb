import { isKnowledgeIntensive } from "./kis.js";
import { municipalityName, PEER_MUNICIPALITIES, predecessors } from "./municipalities.js";
import { lookupNace, sectionName } from "./nace.js";
import type { NaceVersion } from "./types.js";

/** Lookups the register analysis needs, over the reference data in data/register/ (cached after first use). */

export interface DivisionInfo {
  section: string;
  sectionName: string;
  name: string;
}

const divisionCache = new Map<string, DivisionInfo | null>();

/** The section and names of a two-digit division within its own standard (null when unknown). */
export function divisionInfo(version: NaceVersion, division: string): DivisionInfo | null {
  const key = `${version}:${division}`;
  if (divisionCache.has(key)) return divisionCache.get(key) ?? null;
  const d = /^\d{2}$/.test(division) ? lookupNace(version, division) : null;
  const info =
    d && d.kind === "code" ? { section: d.section, sectionName: sectionName(version, d.section, "nb") ?? d.section, name: d.name } : null;
  divisionCache.set(key, info);
  return info;
}

export function kisOfDivision(version: NaceVersion, division: string): boolean {
  return /^\d{2}$/.test(division) && isKnowledgeIntensive(version, division);
}

export function municipalityLabel(code: string): string {
  return municipalityName(code) ?? code;
}

/** The comparison set: the plan's peer municipalities (Bærum's), without the area itself. */
export function peersOf(area: string): string[] {
  const set = ["3201", ...PEER_MUNICIPALITIES.map((p) => (typeof p === "string" ? p : p.code))];
  return [...new Set(set)].filter((c) => c !== area);
}

export function predecessorCodes(area: string): string[] {
  return predecessors(area).filter((c) => c !== area);
}
