/**
 * Eurostat's aggregation of NACE Rev. 2 divisions by technology and knowledge intensity (metadata
 * `htec_esms`, Annex 3 "High-tech aggregation by NACE Rev.2"), transcribed in
 * data/register/kis/eurostat_htec_kis_nace_rev2_divisions.csv (a test checks this table against it).
 *
 * - Manufacturing: HTC high-tech 21, 26 · MHTC medium-high 20, 27–30 · MLTC medium-low 19, 22–25, 33
 *   · LTC low 10–18, 31–32.
 * - Knowledge-intensive services (KIS, 29 divisions): KIMS market services 50, 51, 69–71, 73, 74,
 *   78, 80 · HTKIS high-tech 59–63, 72 · KIFS financial 64–66 · OKIS other 58, 75, 84–88, 90–93.
 * - Less knowledge-intensive services (LKIS): LKIMS market services 45–47, 49, 52, 55, 56, 68, 77,
 *   79, 81, 82 · OLKIS other 53, 94–97, 99 (Eurostat also lists 98, not used in SN2007).
 * - Sections A, B, D, E, F (01–09, 35–43): not_classified.
 *
 * The list is defined on NACE Rev. 2 = SN2007. SN2025 divisions are classified through the bridge
 * (nace-bridge.ts): the SN2007 division with the same number, and SN2025 98 as Eurostat's 98
 * (OLKIS). At division level the bridge never moves a division between KIS and non-KIS: every
 * material move (SN2025_BRIDGE_NOTES) stays inside one side — 46/47/95 take in motor-vehicle trade
 * and repair (LKIMS) and stay LKIS; 68 takes in development of building projects (not classified)
 * and stays LKIMS; 60/63, 70/73, 85/87/88 exchange content between divisions of the same KIS
 * subgroup or between KIS subgroups only. Subgroups are approximate for the divisions flagged by
 * bridgeQuality(); kisGroupForCode() uses the code-level bridge where the origin of a moved group is
 * known (e.g. SN2025 95.3 → LKIMS like SN2007 45, not OLKIS like the rest of 95).
 * Nothing here is calibrated to any published share.
 */

import { divisionSection } from "./nace.js";
import { bridgedDivision, bridgeForCode } from "./nace-bridge.js";
import type { NaceVersion } from "./types.js";

export const KIS_GROUPS = ["KIMS", "HTKIS", "KIFS", "OKIS"] as const;
export const LKIS_GROUPS = ["LKIMS", "OLKIS"] as const;
export const MANUFACTURING_GROUPS = ["HTC", "MHTC", "MLTC", "LTC"] as const;
export type KisGroup =
  | (typeof KIS_GROUPS)[number]
  | (typeof LKIS_GROUPS)[number]
  | (typeof MANUFACTURING_GROUPS)[number]
  | "not_classified";

/** Eurostat's domain of a group: KIS, LKIS, manufacturing, or not classified. */
export type KisDomain = "KIS" | "LKIS" | "manufacturing" | "not_classified";

const RANGES: readonly (readonly [KisGroup, string])[] = [
  ["HTC", "21,26"],
  ["MHTC", "20,27-30"],
  ["MLTC", "19,22-25,33"],
  ["LTC", "10-18,31-32"],
  ["KIMS", "50,51,69-71,73,74,78,80"],
  ["HTKIS", "59-63,72"],
  ["KIFS", "64-66"],
  ["OKIS", "58,75,84-88,90-93"],
  ["LKIMS", "45-47,49,52,55,56,68,77,79,81,82"],
  ["OLKIS", "53,94-99"],
];

/** Group of each NACE Rev. 2 division number (two digits); numbers not listed are not_classified. */
const BY_DIVISION: ReadonlyMap<string, KisGroup> = new Map(
  RANGES.flatMap(([group, spec]) =>
    spec.split(",").flatMap((part) => {
      const [lo = 0, hi] = part.split("-").map(Number);
      return Array.from({ length: (hi ?? lo) - lo + 1 }, (_, i) => [String(lo + i).padStart(2, "0"), group] as const);
    }),
  ),
);

/** Group names (our Norwegian translations; Eurostat's English). */
export const KIS_GROUP_NAMES: Readonly<Record<KisGroup, { nb: string; en: string }>> = {
  KIMS: { nb: "Kunnskapsintensive markedsrettede tjenester", en: "Knowledge-intensive market services" },
  HTKIS: { nb: "Høyteknologiske kunnskapsintensive tjenester", en: "High-tech knowledge-intensive services" },
  KIFS: { nb: "Kunnskapsintensive finansielle tjenester", en: "Knowledge-intensive financial services" },
  OKIS: { nb: "Andre kunnskapsintensive tjenester", en: "Other knowledge-intensive services" },
  LKIMS: { nb: "Mindre kunnskapsintensive markedsrettede tjenester", en: "Less knowledge-intensive market services" },
  OLKIS: { nb: "Andre mindre kunnskapsintensive tjenester", en: "Other less knowledge-intensive services" },
  HTC: { nb: "Høyteknologisk industri", en: "High-technology manufacturing" },
  MHTC: { nb: "Mellomhøyteknologisk industri", en: "Medium-high-technology manufacturing" },
  MLTC: { nb: "Mellomlavteknologisk industri", en: "Medium-low-technology manufacturing" },
  LTC: { nb: "Lavteknologisk industri", en: "Low-technology manufacturing" },
  not_classified: { nb: "Ikke klassifisert", en: "Not classified" },
};

/**
 * Eurostat group of a division in `version` (SN2025 through the bridge). Null when the division does
 * not exist in that version (e.g. "45" in SN2025, "98" in SN2007) or is null.
 */
export function kisGroup(version: NaceVersion, division: string | null): KisGroup | null {
  if (divisionSection(version, division) === null || division === null) return null;
  const sn2007 = version === "SN2025" && division === "98" ? "98" : bridgedDivision(version, division);
  return sn2007 === null ? null : (BY_DIVISION.get(sn2007) ?? "not_classified");
}

/** Like kisGroup, for a full code, using the code-level bridge where a moved group's origin is known. */
export function kisGroupForCode(version: NaceVersion, code: string | null): KisGroup | null {
  const b = bridgeForCode(version, code);
  if (b === null || code === null) return null;
  if (b.sn2007Division === null) return kisGroup(version, code.trim().slice(0, 2));
  return BY_DIVISION.get(b.sn2007Division) ?? "not_classified";
}

export function kisDomain(group: KisGroup | null): KisDomain | null {
  if (group === null) return null;
  if (oneOf(KIS_GROUPS, group)) return "KIS";
  if (oneOf(LKIS_GROUPS, group)) return "LKIS";
  if (oneOf(MANUFACTURING_GROUPS, group)) return "manufacturing";
  return "not_classified";
}

/** True for the KIS groups (KIMS, HTKIS, KIFS, OKIS: the 29 divisions of Eurostat's KIS). */
export function isKnowledgeIntensive(version: NaceVersion, division: string | null): boolean {
  return kisDomain(kisGroup(version, division)) === "KIS";
}

/** Whether a value is in a list of literals (a readonly tuple widens to string[] here without a cast). */
function oneOf(list: readonly string[], value: string): boolean {
  return list.includes(value);
}
