import { describe, expect, it } from "vitest";
import { divisionSection, divisionsOf, lookupNace, naceVersionForDate, sectionName, sectionsOf } from "./nace.js";
import { bridgedDivision, bridgedSection, bridgeForCode, bridgeQuality, SN2025_BRIDGE_NOTES } from "./nace-bridge.js";

// Expected values looked up by hand in data/register/nace/sn2007_codes.csv and sn2025_codes.csv.
describe("NACE code lookup", () => {
  it("finds an SN2007 subclass with its section, division and name", () => {
    expect(lookupNace("SN2007", "62.020")).toMatchObject({
      kind: "code",
      section: "J",
      division: "62",
      level: 5,
      exact: true,
      name: "Konsulentvirksomhet tilknyttet informasjonsteknologi",
    });
  });

  it("places SN2025 62.100 in section K (telecom, programming, IT), not J", () => {
    expect(lookupNace("SN2025", "62.100")).toMatchObject({ section: "K", division: "62", name: "Dataprogrammeringstjenester" });
  });

  it("keeps the same code in different sections per version: 64.190 is K in SN2007 and L in SN2025", () => {
    expect(lookupNace("SN2007", "64.190")).toMatchObject({ section: "K", name: "Bankvirksomhet ellers" });
    expect(lookupNace("SN2025", "64.190")).toMatchObject({ section: "L", name: "Banker og kredittforetak" });
  });

  it("gives 00.000 (uoppgitt) a distinct unspecified result, not null", () => {
    expect(lookupNace("SN2025", "00.000")).toMatchObject({ kind: "unspecified", section: null, division: null, name: "Uoppgitt" });
    expect(lookupNace("SN2007", "00.000")?.kind).toBe("unspecified");
  });

  it("returns null for codes that are not in the version's list", () => {
    expect(lookupNace("SN2025", "45.200")).toBeNull(); // division 45 is gone in SN2025
    expect(lookupNace("SN2007", "62.100")).toBeNull(); // SN2007 has 62.01/62.010
    expect(lookupNace("SN2025", "43.221")).toBeNull(); // SN2007 subclass Brreg still uses
    expect(lookupNace("SN2007", "J")).toBeNull();
    expect(lookupNace("SN2007", "")).toBeNull();
    expect(lookupNace("SN2007", null)).toBeNull();
  });

  it("falls back to the nearest listed ancestor only when asked", () => {
    expect(lookupNace("SN2025", "43.221", { ancestorFallback: true })).toMatchObject({
      exact: false,
      matchedCode: "43.22",
      name: "VVS-arbeid",
      section: "F",
      division: "43",
    });
  });

  it("has 87 divisions in both versions, 21 sections in SN2007 and 22 in SN2025", () => {
    expect(divisionsOf("SN2007")).toHaveLength(87);
    expect(divisionsOf("SN2025")).toHaveLength(87);
    expect(sectionsOf("SN2007")).toHaveLength(21);
    expect(sectionsOf("SN2025")).toHaveLength(22);
    expect(divisionsOf("SN2007")).toContain("45");
    expect(divisionsOf("SN2025")).not.toContain("45");
    expect(divisionsOf("SN2025")).toContain("98");
  });

  it("uses NACE Rev. 2.1 sections where the SN2025 list keeps an SN2007 parent (61 → K, 84 → P, 86 → R)", () => {
    expect(divisionSection("SN2025", "61")).toBe("K");
    expect(divisionSection("SN2025", "69")).toBe("N");
    expect(divisionSection("SN2025", "84")).toBe("P");
    expect(divisionSection("SN2025", "86")).toBe("R");
    expect(divisionSection("SN2025", "97")).toBe("U");
    expect(divisionSection("SN2007", "84")).toBe("O");
    expect(divisionSection("SN2025", "45")).toBeNull();
  });
});

describe("NACE version by date", () => {
  it.each([
    ["2025-08-31", "SN2007"],
    ["2025-09-01", "SN2025"],
    ["2022-06-16", "SN2007"],
    ["2026-08-05", "SN2025"],
  ])("%s → %s", (date, version) => {
    expect(naceVersionForDate(date)).toBe(version);
  });
});

describe("section names", () => {
  it("reads Norwegian titles from the version's list and English from Eurostat", () => {
    expect(sectionName("SN2007", "K", "nb")).toBe("Finansierings- og forsikringsvirksomhet");
    expect(sectionName("SN2025", "L", "nb")).toBe("Finansiell tjenesteyting");
    expect(sectionName("SN2025", "K", "en")).toMatch(/^Telecommunication, computer programming/);
    expect(sectionName("SN2007", "K", "en")).toBe("Financial and insurance activities");
    expect(sectionName("SN2007", "V", "nb")).toBeNull();
    expect(sectionName("SN2025", null, "nb")).toBeNull();
  });
});

describe("bridge SN2025 → SN2007", () => {
  it("maps SN2025 K (61–63) and J (58–60) to SN2007 J, and L..V to K..U", () => {
    expect(bridgedSection("SN2025", "62")).toBe("J");
    expect(bridgedSection("SN2025", "61")).toBe("J");
    expect(bridgedSection("SN2025", "58")).toBe("J");
    expect(bridgedSection("SN2025", "64")).toBe("K");
    expect(bridgedSection("SN2025", "68")).toBe("L");
    expect(bridgedSection("SN2025", "84")).toBe("O");
    expect(bridgedSection("SN2025", "99")).toBe("U");
    expect(bridgedSection("SN2025", "98")).toBe("T");
    expect(bridgedSection("SN2025", "45")).toBeNull();
  });

  it("is the identity for SN2007", () => {
    expect(bridgedSection("SN2007", "64")).toBe("K");
    expect(bridgedDivision("SN2007", "45")).toBe("45");
    expect(bridgeQuality("SN2007", "45")).toBe("same");
  });

  it("covers every SN2025 division, each mapped to an SN2007 section", () => {
    for (const d of divisionsOf("SN2025")) {
      expect(bridgedSection("SN2025", d), d).toMatch(/^[A-U]$/);
      expect(bridgeQuality("SN2025", d), d).not.toBeNull();
    }
  });

  it("flags the divisions whose content moved as approximate, and only SN2025 divisions", () => {
    expect(Object.keys(SN2025_BRIDGE_NOTES).sort()).toEqual(["41", "46", "47", "60", "63", "68", "70", "73", "85", "87", "88", "95", "98"]);
    for (const d of Object.keys(SN2025_BRIDGE_NOTES)) expect(divisionSection("SN2025", d), d).not.toBeNull();
    expect(bridgeQuality("SN2025", "95")).toBe("approximate");
    expect(bridgeQuality("SN2025", "62")).toBe("same");
    expect(bridgedDivision("SN2025", "98")).toBeNull();
  });

  it("bridges the moved groups by code: motor-vehicle repair 95.31 → SN2007 45 (G), building development 68.12 → 41 (F)", () => {
    expect(bridgeForCode("SN2025", "95.310")).toEqual({ sn2007Division: "45", sn2007Section: "G", quality: "same" });
    expect(bridgeForCode("SN2025", "95.210")).toEqual({ sn2007Division: "95", sn2007Section: "S", quality: "approximate" });
    expect(bridgeForCode("SN2025", "68.120")).toEqual({ sn2007Division: "41", sn2007Section: "F", quality: "same" });
    expect(bridgeForCode("SN2025", "85.100")).toEqual({ sn2007Division: "88", sn2007Section: "Q", quality: "approximate" });
    expect(bridgeForCode("SN2025", "62.100")).toEqual({ sn2007Division: "62", sn2007Section: "J", quality: "same" });
    expect(bridgeForCode("SN2025", "00.000")).toBeNull();
  });
});
