/**
 * Municipality numbers (SSB Klass classification 131) mapped to today's municipalities, from Klass's
 * change table 1971-01-01 … 2025-01-02 and the list in force on 2026-01-01 (data/register/kommuner/,
 * compiled into ./generated/klass131.ts). No municipality changed between 2024-01-01 and 2026-01-01.
 *
 * Rules:
 * - A code is read as its latest incarnation: only changes after the last time the code was
 *   (re)created count — or, with `asOfDate` (the date the data was captured), after the last
 *   (re)creation on or before that date. (0412 Ringsaker gave land to Hamar in 1992; data from
 *   2015 with 0412 is today's Ringsaker, data from 1985 is flagged as split.)
 * - Changes are followed in date order. One code becoming one new code is a renumbering
 *   (0219 → 3024 → 3201 Bærum); several codes becoming one is a merger (0220 Asker, 0627 Røyken,
 *   0628 Hurum → 3025 → 3203 Asker), and so is a code that keeps its number while others join it
 *   (1141 Finnøy, 1142 Rennesøy → 1103 Stavanger in 2020). A pure rename (same code, new name) is
 *   no change.
 * - One code becoming several (1507 Ålesund → 1508 Ålesund + 1580 Haram in 2024; 5012 Snillfjord
 *   and 1850 Tysfjord in 2020; older boundary moves) is a split: status "split", code null. A split
 *   code is never assigned to one of its successors.
 * - Anything else (abroad, empty, 2100 Svalbard, 9999 Uoppgitt, an unknown number) is "unknown".
 */
import { MUNICIPALITY_CHANGES, MUNICIPALITY_CODES_2026 } from "./generated/klass131.js";

export type MunicipalityStatus = "current" | "renumbered" | "merged" | "split" | "unknown";

export interface MunicipalityResolution {
  /** Today's municipality number, or null (split or unknown). */
  code: string | null;
  status: MunicipalityStatus;
  /** The codes passed through after the input, in order, ending with `code` (empty when current). */
  via: string[];
}

interface Change {
  oldCode: string;
  newCode: string;
  date: string;
}

const CURRENT: ReadonlyMap<string, string> = new Map(MUNICIPALITY_CODES_2026.map(([code, name]) => [code, name]));

/** Today's 357 municipality numbers (Klass 131 on 2026-01-01, without 9999 Uoppgitt), sorted. */
export const ALL_CURRENT_MUNICIPALITIES: readonly string[] = [...CURRENT.keys()].sort();

/**
 * The plan's comparison set for Bærum (3201): Asker, Oslo, Bergen, Stavanger, Trondheim,
 * Kristiansand, Tromsø — codes as of 2026-01-01.
 */
export const PEER_MUNICIPALITIES: readonly { code: string; name: string }[] = [
  { code: "3203", name: "Asker" },
  { code: "0301", name: "Oslo" },
  { code: "4601", name: "Bergen" },
  { code: "1103", name: "Stavanger" },
  { code: "5001", name: "Trondheim" },
  { code: "4204", name: "Kristiansand" },
  { code: "5501", name: "Tromsø" },
];

const CHANGES: readonly Change[] = MUNICIPALITY_CHANGES.map(([oldCode, , newCode, , date]) => ({ oldCode, newCode, date }));
const byOld = groupBy(CHANGES, (c) => c.oldCode);
const byNewAndDate = groupBy(CHANGES, (c) => `${c.newCode}@${c.date}`);
/** Dates on which a code was (re)created as a new code, ascending. */
const creations = new Map<string, string[]>();
for (const c of CHANGES) creations.set(c.newCode, [...(creations.get(c.newCode) ?? []), c.date].sort());

/** Today's municipality for a municipality number (see the rules above). */
export function currentMunicipality(code: string | null | undefined, asOfDate?: string): MunicipalityResolution {
  const unknown: MunicipalityResolution = { code: null, status: "unknown", via: [] };
  const c0 = code?.trim() ?? "";
  if (!/^\d{4}$/.test(c0)) return unknown;
  const created = (creations.get(c0) ?? []).filter((d) => asOfDate === undefined || d <= asOfDate);
  let cur = c0;
  let since = created.at(-1) ?? "";
  let merged = false;
  let renumbered = false;
  const via: string[] = [];
  for (let guard = 0; guard < 50; guard++) {
    const next = nextChange(cur, since);
    if (next === null) break;
    if (next.targets.length > 1) return { code: null, status: "split", via };
    const target = next.targets[0] as string;
    const joiners = (byNewAndDate.get(`${target}@${next.date}`) ?? []).filter((c) => c.oldCode !== cur);
    if (joiners.length > 0) merged = true;
    else renumbered = true;
    if (target !== cur) via.push(target);
    cur = target;
    since = next.date;
  }
  if (!CURRENT.has(cur)) return { ...unknown, via };
  return { code: cur, status: merged ? "merged" : renumbered ? "renumbered" : "current", via };
}

/** The first real change of `code` after `since`: its date and distinct new codes (pure renames skipped). */
function nextChange(code: string, since: string): { date: string; targets: string[] } | null {
  const dates = [...new Set((byOld.get(code) ?? []).filter((c) => c.date > since).map((c) => c.date))].sort();
  for (const date of dates) {
    const targets = [...new Set((byOld.get(code) ?? []).filter((c) => c.date === date).map((c) => c.newCode))];
    const onlySelf = targets.length === 1 && targets[0] === code;
    const joiners = (byNewAndDate.get(`${code}@${date}`) ?? []).some((c) => c.oldCode !== code);
    if (onlySelf && !joiners) continue; // rename only
    return { date, targets };
  }
  return null;
}

let predecessorIndex: Map<string, string[]> | null = null;

/**
 * Every former code that sums into today's municipality `currentCode` (renumbered or merged into it;
 * not the codes that were split), without `currentCode` itself, sorted.
 */
export function predecessors(currentCode: string): string[] {
  if (predecessorIndex === null) {
    const index = new Map<string, string[]>();
    for (const old of byOld.keys()) {
      const r = currentMunicipality(old);
      if (r.code !== null && r.code !== old) index.set(r.code, [...(index.get(r.code) ?? []), old]);
    }
    for (const list of index.values()) list.sort();
    predecessorIndex = index;
  }
  return [...(predecessorIndex.get(currentCode) ?? [])];
}

/** Norwegian part of official multi-language names whose Norwegian form is not the first part. */
const NORWEGIAN_PART: Readonly<Record<string, string>> = {
  "Aarborte - Hattfjelldal": "Hattfjelldal",
  "Hábmer - Hamarøy": "Hamarøy",
  "Snåase - Snåsa": "Snåsa",
  "Raarvihke - Røyrvik": "Røyrvik",
  "Dielddanuorri - Tjeldsund": "Tjeldsund",
  "Loabák - Lavangen": "Lavangen",
  "Gáivuotna - Kåfjord": "Kåfjord",
  "Gáivuotna - Kåfjord - Kaivuono": "Kåfjord",
  "Kárášjohka - Karasjok": "Karasjok",
  "Guovdageaidnu - Kautokeino": "Kautokeino",
  "Deatnu - Tana": "Tana",
  "Unjárga - Nesseby": "Nesseby",
};

/** The Norwegian name in an official name ("Oslo - Oslove" → "Oslo", "Deatnu - Tana" → "Tana"). */
export function norwegianName(officialName: string): string {
  return NORWEGIAN_PART[officialName] ?? officialName.split(" - ")[0] ?? officialName;
}

/**
 * The Norwegian name of a municipality number: today's name for a current code, else the last
 * name Klass's change table gives the code. Null when the code is unknown.
 */
export function municipalityName(code: string | null | undefined): string | null {
  if (!code) return null;
  const official = officialMunicipalityName(code);
  return official === null ? null : norwegianName(official);
}

/** The official name (with Sami/Kven forms, e.g. "Oslo - Oslove"); for former codes the last recorded name. */
export function officialMunicipalityName(code: string): string | null {
  const current = CURRENT.get(code);
  if (current !== undefined) return current;
  let best: { date: string; name: string } | null = null;
  for (const [oldCode, oldName, newCode, newName, date] of MUNICIPALITY_CHANGES) {
    // The name a code had up to a change (oldName) or got at it (newName); the latest wins.
    if (newCode === code && (best === null || date >= best.date)) best = { date, name: newName };
    if (oldCode === code && (best === null || date > best.date)) best = { date, name: oldName };
  }
  return best?.name ?? null;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) m.set(key(it), [...(m.get(key(it)) ?? []), it]);
  return m;
}
