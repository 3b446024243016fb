/**
 * The bridge from SN2025 (NACE Rev. 2.1) to SN2007 (NACE Rev. 2), so series and groupings defined on
 * SN2007 (sections of older snapshots, Eurostat's knowledge-intensive list) can be applied to
 * SN2025 codes. No official SN2007↔SN2025 correspondence table was available; the bridge is built
 * from the two Klass code lists (division numbers and names, group and class names) and the
 * published NACE Rev. 2.1 changes:
 *
 * - Every SN2025 division continues the SN2007 division with the same number (87 divisions each;
 *   SN2007 45 "motor vehicle trade and repair" is gone, SN2025 98 "households' own-use production"
 *   is new and is bridged to SN2007 section T). The SN2007 section is that division's section.
 *   Hence: SN2025 J (58–60) and K (61–63) both continue SN2007 J; SN2025 L..V continue SN2007 K..U
 *   (shifted by one letter), except that SN2025 G no longer holds motor-vehicle repair.
 * - A division is "approximate" where a material part of its content moved across divisions
 *   (listed in SN2025_BRIDGE_NOTES); everywhere else it is "same" (renamed, or regrouped below the
 *   division level only).
 * - {@link bridgeForCode} refines the bridge for the moved groups whose SN2007 origin is known from
 *   the lists (e.g. 95.3 repair of motor vehicles → SN2007 45, section G; 68.12 development of
 *   building projects → SN2007 41, section F), so a code-level classification is exact there.
 */
import { divisionSection } from "./nace.js";
import type { NaceVersion } from "./types.js";

export type BridgeQuality = "same" | "approximate";

/** SN2025 divisions whose content changed materially against the SN2007 division of the same number. */
export const SN2025_BRIDGE_NOTES: Readonly<Record<string, string>> = {
  "41": "Development of building projects (SN2007 41.1) moved to 68.12 (section M, real estate).",
  "46": "Takes in wholesale of motor vehicles, parts and motorcycles (from SN2007 45.1, 45.31, 45.40) as 46.7.",
  "47": "Takes in retail of motor vehicles, parts and motorcycles (from SN2007 45.1, 45.32, 45.40) as 47.8; SN2007 47.8 market-stall retail is spread over the product classes.",
  "60": "Takes in news agencies (SN2007 63.91) as 60.31, and other content distribution as 60.39.",
  "63": "News agencies (SN2007 63.91) moved to 60.31; data processing and hosting stay (63.10), search engines are 63.91.",
  "68": "Takes in development of building projects (SN2007 41.1, section F) as 68.12.",
  "70": "PR and communication (SN2007 70.21) moved to 73.30.",
  "73": "Takes in PR and communication (SN2007 70.21) as 73.30.",
  "85": "Takes in kindergartens (barnehager, SN2007 88.911, section Q) as 85.100.",
  "87": "Takes in asylum reception centres (SN2007 88.996) as 87.992.",
  "88": "Kindergartens (SN2007 88.911) moved to 85.100, asylum reception centres (88.996) to 87.992.",
  "95": "Takes in repair of motor vehicles and motorcycles (SN2007 45.20, 45.40, section G) as 95.3.",
  "98": "Not used in SN2007 (Norway); bridged to SN2007 section T (97, private households).",
};

/** SN2025 code prefixes whose SN2007 division is known and differs from the code's own division number. */
const SN2025_CODE_MOVES: readonly { prefix: string; sn2007Division: string; quality: BridgeQuality }[] = [
  { prefix: "46.7", sn2007Division: "45", quality: "same" },
  { prefix: "47.8", sn2007Division: "45", quality: "same" },
  { prefix: "95.3", sn2007Division: "45", quality: "same" },
  { prefix: "68.12", sn2007Division: "41", quality: "same" },
  { prefix: "73.3", sn2007Division: "70", quality: "same" },
  { prefix: "60.31", sn2007Division: "63", quality: "same" },
  { prefix: "87.992", sn2007Division: "88", quality: "same" },
  // 85.100 is "førskoleundervisning og drift av barnehager": mostly SN2007 88.911, partly 85.100.
  { prefix: "85.1", sn2007Division: "88", quality: "approximate" },
];

/**
 * The SN2007 division an SN2025 division continues (the same number; null for 98 and for numbers
 * that are no division). For SN2007 input: the division itself.
 */
export function bridgedDivision(version: NaceVersion, division: string | null): string | null {
  if (version === "SN2007") return divisionSection("SN2007", division) === null ? null : division;
  if (divisionSection("SN2025", division) === null) return null;
  return divisionSection("SN2007", division) === null ? null : division;
}

/**
 * The SN2007 section whose content a division continues. SN2007 input gives its own section;
 * SN2025 input the section of the SN2007 division with the same number (98 → T). Null when the
 * division does not exist in `version`. Never compare section letters across versions directly.
 */
export function bridgedSection(version: NaceVersion, division: string | null): string | null {
  if (version === "SN2007") return divisionSection("SN2007", division);
  if (divisionSection("SN2025", division) === null) return null;
  if (division === "98") return "T";
  return divisionSection("SN2007", division);
}

/** "same" or "approximate" (content moved across divisions, see SN2025_BRIDGE_NOTES); null when unknown. */
export function bridgeQuality(version: NaceVersion, division: string | null): BridgeQuality | null {
  if (divisionSection(version, division) === null) return null;
  if (version === "SN2007") return "same";
  return division !== null && division in SN2025_BRIDGE_NOTES ? "approximate" : "same";
}

export interface CodeBridge {
  /** The SN2007 division whose content the code continues (null: none, i.e. SN2025 98). */
  sn2007Division: string | null;
  sn2007Section: string;
  quality: BridgeQuality;
}

/**
 * The bridge for a full code (division, group, class or subclass): the known moved groups first
 * (SN2025_CODE_MOVES), else the division-level bridge. Null for an unknown division or "00.000".
 */
export function bridgeForCode(version: NaceVersion, code: string | null): CodeBridge | null {
  if (code === null) return null;
  const c = code.trim();
  const division = c.slice(0, 2);
  const section = bridgedSection(version, division);
  if (section === null) return null;
  if (version === "SN2025") {
    const move = SN2025_CODE_MOVES.find((m) => c.startsWith(m.prefix));
    if (move) {
      return {
        sn2007Division: move.sn2007Division,
        sn2007Section: divisionSection("SN2007", move.sn2007Division) ?? section,
        quality: move.quality,
      };
    }
  }
  return {
    sn2007Division: bridgedDivision(version, division),
    sn2007Section: section,
    quality: bridgeQuality(version, division) ?? "approximate",
  };
}
