/**
 * Industry codes: SN2007 (= NACE Rev. 2) and SN2025 (= NACE Rev. 2.1), SSB Klass classification 6.
 * Code lists: data/register/nace/*.csv, compiled into ./generated/nace-codes.ts.
 *
 * Sections are letters whose meaning depends on the version (K is finance in SN2007 but
 * "telecommunication, programming, IT" in SN2025; finance is L in SN2025), so a section is only ever
 * read together with its version, and comparisons across versions go through the bridge
 * (./nace-bridge.ts), never by letter.
 *
 * Section of a division: taken from the official section ranges below, not from the file's
 * parentCode. The SN2025 list is a Klass extract in which divisions whose name did not change keep
 * their SN2007 parent (e.g. 61 Telekommunikasjon → "J", 69 → "M", 84 → "O", 86 → "Q"); in NACE Rev.
 * 2.1 they belong to K, N, P and R. The ranges agree with every level-1 row and with every division
 * whose SN2025 row was renewed (tested).
 */
import { type NaceCodeTuple, SN2007_CODES, SN2025_CODES } from "./generated/nace-codes.js";
import type { NaceVersion } from "./types.js";

/** First day of SN2025 (Klass: SN2007 valid 2009-01-01 → 2025-09-01, SN2025 from 2025-09-01). */
export const SN2025_VALID_FROM = "2025-09-01";

/** The standard in force on a date (YYYY-MM-DD): SN2025 from 2025-09-01, SN2007 before. */
export function naceVersionForDate(asOf: string): NaceVersion {
  return asOf.slice(0, 10) >= SN2025_VALID_FROM ? "SN2025" : "SN2007";
}

/** Brreg's code for "no industry given" (uoppgitt); in neither code list. */
export const UNSPECIFIED_NACE_CODE = "00.000";

/** Divisions of each section, as [section, first division, last division]. */
const SECTION_RANGES: Readonly<Record<NaceVersion, readonly (readonly [string, number, number])[]>> = {
  SN2007: [
    ["A", 1, 3],
    ["B", 5, 9],
    ["C", 10, 33],
    ["D", 35, 35],
    ["E", 36, 39],
    ["F", 41, 43],
    ["G", 45, 47],
    ["H", 49, 53],
    ["I", 55, 56],
    ["J", 58, 63],
    ["K", 64, 66],
    ["L", 68, 68],
    ["M", 69, 75],
    ["N", 77, 82],
    ["O", 84, 84],
    ["P", 85, 85],
    ["Q", 86, 88],
    ["R", 90, 93],
    ["S", 94, 96],
    ["T", 97, 98],
    ["U", 99, 99],
  ],
  SN2025: [
    ["A", 1, 3],
    ["B", 5, 9],
    ["C", 10, 33],
    ["D", 35, 35],
    ["E", 36, 39],
    ["F", 41, 43],
    ["G", 46, 47],
    ["H", 49, 53],
    ["I", 55, 56],
    ["J", 58, 60],
    ["K", 61, 63],
    ["L", 64, 66],
    ["M", 68, 68],
    ["N", 69, 75],
    ["O", 77, 82],
    ["P", 84, 84],
    ["Q", 85, 85],
    ["R", 86, 88],
    ["S", 90, 93],
    ["T", 94, 96],
    ["U", 97, 98],
    ["V", 99, 99],
  ],
};

/** English section titles (NACE Rev. 2 and Rev. 2.1, Eurostat). Norwegian titles come from the code lists. */
const SECTION_NAMES_EN: Readonly<Record<NaceVersion, Readonly<Record<string, string>>>> = {
  SN2007: {
    A: "Agriculture, forestry and fishing",
    B: "Mining and quarrying",
    C: "Manufacturing",
    D: "Electricity, gas, steam and air conditioning supply",
    E: "Water supply; sewerage, waste management and remediation activities",
    F: "Construction",
    G: "Wholesale and retail trade; repair of motor vehicles and motorcycles",
    H: "Transportation and storage",
    I: "Accommodation and food service activities",
    J: "Information and communication",
    K: "Financial and insurance activities",
    L: "Real estate activities",
    M: "Professional, scientific and technical activities",
    N: "Administrative and support service activities",
    O: "Public administration and defence; compulsory social security",
    P: "Education",
    Q: "Human health and social work activities",
    R: "Arts, entertainment and recreation",
    S: "Other service activities",
    T: "Activities of households as employers",
    U: "Activities of extraterritorial organisations and bodies",
  },
  SN2025: {
    A: "Agriculture, forestry and fishing",
    B: "Mining and quarrying",
    C: "Manufacturing",
    D: "Electricity, gas, steam and air conditioning supply",
    E: "Water supply; sewerage, waste management and remediation activities",
    F: "Construction",
    G: "Wholesale and retail trade",
    H: "Transportation and storage",
    I: "Accommodation and food service activities",
    J: "Publishing, broadcasting, and content production and distribution activities",
    K: "Telecommunication, computer programming, consulting, computing infrastructure and other information service activities",
    L: "Financial and insurance activities",
    M: "Real estate activities",
    N: "Professional, scientific and technical activities",
    O: "Administrative and support service activities",
    P: "Public administration and defence; compulsory social security",
    Q: "Education",
    R: "Human health and social work activities",
    S: "Arts, sports and recreation",
    T: "Other service activities",
    U: "Activities of households as employers and undifferentiated goods- and services-producing activities of households for own use",
    V: "Activities of extraterritorial organisations and bodies",
  },
};

/** The section letters of a version in order (21 for SN2007, 22 for SN2025). */
export function sectionsOf(version: NaceVersion): string[] {
  return SECTION_RANGES[version].map(([s]) => s);
}

/** The section a two-digit division belongs to in `version`, or null if the number is no division there. */
export function divisionSection(version: NaceVersion, division: string | null): string | null {
  if (division === null || !/^\d{2}$/.test(division) || !codeIndex(version).has(division)) return null;
  const n = Number(division);
  return SECTION_RANGES[version].find(([, lo, hi]) => n >= lo && n <= hi)?.[0] ?? null;
}

/** The title of a section in `version` ("nb" from the Klass list, "en" from Eurostat), or null. */
export function sectionName(version: NaceVersion, letter: string | null, lang: "nb" | "en" = "nb"): string | null {
  if (letter === null) return null;
  if (lang === "en") return SECTION_NAMES_EN[version][letter] ?? null;
  return sectionNamesNb(version).get(letter) ?? null;
}

/** A code found in (or, with `ancestorFallback`, under an ancestor in) the version's list. */
export interface NaceCodeInfo {
  kind: "code";
  version: NaceVersion;
  /** The code asked for. */
  code: string;
  /** The code whose name is given: `code` itself, or its nearest listed ancestor (exact = false). */
  matchedCode: string;
  exact: boolean;
  /** 2 division, 3 group, 4 class, 5 subclass (of matchedCode). */
  level: number;
  section: string;
  division: string;
  name: string;
}

/** Brreg's 00.000 "Uoppgitt": the unit has no industry; distinct from an unknown code. */
export interface NaceUnspecified {
  kind: "unspecified";
  version: NaceVersion;
  code: string;
  matchedCode: string;
  exact: true;
  level: null;
  section: null;
  division: null;
  name: "Uoppgitt";
}

export type NaceLookup = NaceCodeInfo | NaceUnspecified;

/**
 * Looks up a numeric code (division "62", group "62.0", class "62.02", subclass "62.020") in its
 * version's list. `00.000` (also "00", "00.0", "00.00") gives the "unspecified" result. An unknown
 * code gives null, unless `ancestorFallback` is set: then the nearest listed ancestor is used (Brreg
 * still publishes e.g. the SN2007 subclass 43.221 under SN2025, whose list stops at 43.22), with
 * `exact: false`. Section letters are not codes here: use {@link sectionName}.
 */
export function lookupNace(version: NaceVersion, code: string | null, opts: { ancestorFallback?: boolean } = {}): NaceLookup | null {
  if (code === null) return null;
  const c = code.trim();
  if (/^00(\.0{1,3})?$/.test(c)) {
    return {
      kind: "unspecified",
      version,
      code: c,
      matchedCode: c,
      exact: true,
      level: null,
      section: null,
      division: null,
      name: "Uoppgitt",
    };
  }
  if (!/^\d{2}(\.\d{1,3})?$/.test(c)) return null;
  const index = codeIndex(version);
  let matched = c;
  while (!index.has(matched)) {
    if (!opts.ancestorFallback || matched.length <= 2) return null;
    matched = matched.length === 4 ? matched.slice(0, 2) : matched.slice(0, -1);
  }
  const row = index.get(matched) as NaceCodeTuple;
  const division = c.slice(0, 2);
  const section = divisionSection(version, division);
  if (section === null) return null;
  return { kind: "code", version, code: c, matchedCode: matched, exact: matched === c, level: row[2], section, division, name: row[3] };
}

/** All two-digit divisions of a version, in order (87 in each). */
export function divisionsOf(version: NaceVersion): string[] {
  return [...codeIndex(version).values()].filter((r) => r[2] === 2).map((r) => r[0]);
}

const indexes = new Map<NaceVersion, Map<string, NaceCodeTuple>>();
const sectionNb = new Map<NaceVersion, Map<string, string>>();

function rowsOf(version: NaceVersion): readonly NaceCodeTuple[] {
  return version === "SN2007" ? SN2007_CODES : SN2025_CODES;
}

function codeIndex(version: NaceVersion): Map<string, NaceCodeTuple> {
  let m = indexes.get(version);
  if (!m) {
    m = new Map(
      rowsOf(version)
        .filter((r) => r[2] >= 2)
        .map((r) => [r[0], r] as const),
    );
    indexes.set(version, m);
  }
  return m;
}

function sectionNamesNb(version: NaceVersion): Map<string, string> {
  let m = sectionNb.get(version);
  if (!m) {
    m = new Map(
      rowsOf(version)
        .filter((r) => r[2] === 1)
        .map((r) => [r[0], r[3]] as const),
    );
    sectionNb.set(version, m);
  }
  return m;
}
