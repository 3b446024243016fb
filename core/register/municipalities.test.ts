import { describe, expect, it } from "vitest";
import {
  ALL_CURRENT_MUNICIPALITIES,
  currentMunicipality,
  municipalityName,
  norwegianName,
  officialMunicipalityName,
  PEER_MUNICIPALITIES,
  predecessors,
} from "./municipalities.js";

// Expected values looked up in data/register/kommuner/klass131_changes.json and klass131_codes_2026-01-01.json.
describe("municipality numbers to today's municipality", () => {
  it("follows Bærum's renumbering 0219 → 3024 → 3201", () => {
    expect(currentMunicipality("0219")).toEqual({ code: "3201", status: "renumbered", via: ["3024", "3201"] });
    expect(currentMunicipality("3024")).toEqual({ code: "3201", status: "renumbered", via: ["3201"] });
    expect(currentMunicipality("3201")).toEqual({ code: "3201", status: "current", via: [] });
  });

  it("follows Asker's merger 0220 + 0627 + 0628 → 3025 → 3203", () => {
    for (const old of ["0220", "0627", "0628"]) {
      expect(currentMunicipality(old)).toEqual({ code: "3203", status: "merged", via: ["3025", "3203"] });
    }
    expect(currentMunicipality("3025")).toEqual({ code: "3203", status: "renumbered", via: ["3203"] });
  });

  it("follows the 2020 mergers of Kristiansand, Stavanger and Trondheim", () => {
    expect(currentMunicipality("1018")).toMatchObject({ code: "4204", status: "merged" }); // Søgne
    expect(currentMunicipality("1141")).toMatchObject({ code: "1103", status: "merged" }); // Finnøy
    expect(currentMunicipality("1662")).toMatchObject({ code: "5001", status: "merged", via: ["5030", "5001"] }); // Klæbu
    expect(currentMunicipality("1902")).toMatchObject({ code: "5501", status: "renumbered", via: ["5401", "5501"] }); // Tromsø
  });

  it("flags a municipality split in 2024 (1507 Ålesund → 1508 Ålesund + 1580 Haram) and never guesses", () => {
    expect(currentMunicipality("1507")).toEqual({ code: null, status: "split", via: [] });
    expect(currentMunicipality("1534")).toEqual({ code: null, status: "split", via: ["1507"] }); // Haram → 1507 → split
    expect(currentMunicipality("5012")).toMatchObject({ code: null, status: "split" }); // Snillfjord 2020
  });

  it("reads a code as it was on the capture date when asOfDate is given", () => {
    // 0412 Ringsaker gave land to Hamar in 1992: data from 2015 is today's Ringsaker, data from 1985 is flagged.
    expect(currentMunicipality("0412", "2015-06-01")).toMatchObject({ code: "3411", status: "renumbered" });
    expect(currentMunicipality("0412", "1985-06-01")).toMatchObject({ code: null, status: "split" });
    // Stavanger 1103 in 2019 is part of today's (larger) 1103.
    expect(currentMunicipality("1103", "2019-06-01")).toEqual({ code: "1103", status: "merged", via: [] });
    expect(currentMunicipality("1103")).toEqual({ code: "1103", status: "current", via: [] });
  });

  it("gives unknown with a null code for codes abroad, missing or not municipalities", () => {
    for (const c of ["", null, undefined, "9999", "2111", "0000", "abcd", "301"]) {
      expect(currentMunicipality(c)).toEqual({ code: null, status: "unknown", via: [] });
    }
  });

  it("lists the former codes that sum into today's municipality", () => {
    expect(predecessors("3201")).toEqual(["0219", "3024"]);
    expect(predecessors("3203")).toEqual(["0220", "0627", "0628", "3025"]);
    expect(predecessors("4204")).toEqual(["1001", "1017", "1018"]);
    expect(predecessors("1103")).toEqual(["1141", "1142"]);
    expect(predecessors("0301")).toEqual([]);
    expect(predecessors("1508")).toEqual([]); // split codes are not predecessors
  });
});

describe("today's municipalities and names", () => {
  it("has 357 municipalities on 2026-01-01, without 9999", () => {
    expect(ALL_CURRENT_MUNICIPALITIES).toHaveLength(357);
    expect(ALL_CURRENT_MUNICIPALITIES).not.toContain("9999");
    expect(ALL_CURRENT_MUNICIPALITIES).toContain("3201");
  });

  it("prefers the Norwegian part of an official multi-language name", () => {
    expect(officialMunicipalityName("0301")).toBe("Oslo - Oslove");
    expect(municipalityName("0301")).toBe("Oslo");
    expect(municipalityName("5001")).toBe("Trondheim");
    expect(municipalityName("5628")).toBe("Tana"); // "Deatnu - Tana"
    expect(municipalityName("1875")).toBe("Hamarøy"); // "Hábmer - Hamarøy"
    expect(municipalityName("5540")).toBe("Kåfjord"); // "Gáivuotna - Kåfjord - Kaivuono"
    expect(municipalityName("3024")).toBe("Bærum"); // former code: last recorded name
    expect(municipalityName("9999")).toBeNull();
    expect(norwegianName("Snåase - Snåsa")).toBe("Snåsa");
  });

  it("gives every current multi-language name a Norwegian part that is one of its parts", () => {
    for (const code of ALL_CURRENT_MUNICIPALITIES) {
      const official = officialMunicipalityName(code) as string;
      expect(official.split(" - "), code).toContain(municipalityName(code));
    }
  });

  it("has the plan's peers for Bærum with codes and names valid on 2026-01-01", () => {
    expect(PEER_MUNICIPALITIES.map((p) => p.code)).toEqual(["3203", "0301", "4601", "1103", "5001", "4204", "5501"]);
    for (const p of PEER_MUNICIPALITIES) {
      expect(ALL_CURRENT_MUNICIPALITIES).toContain(p.code);
      expect(municipalityName(p.code)).toBe(p.name);
    }
  });
});
