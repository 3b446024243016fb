import { describe, expect, it } from "vitest";
import { isKnowledgeIntensive, kisDomain, kisGroup, kisGroupForCode } from "./kis.js";
import { divisionsOf } from "./nace.js";

// Expected groups from data/register/kis/eurostat_htec_kis_nace_rev2_divisions.csv (Eurostat htec Annex 3).
describe("knowledge-intensive grouping", () => {
  it.each([
    ["62", "HTKIS"],
    ["72", "HTKIS"],
    ["64", "KIFS"],
    ["69", "KIMS"],
    ["50", "KIMS"],
    ["58", "OKIS"],
    ["84", "OKIS"],
    ["45", "LKIMS"],
    ["68", "LKIMS"],
    ["53", "OLKIS"],
    ["21", "HTC"],
    ["28", "MHTC"],
    ["33", "MLTC"],
    ["10", "LTC"],
    ["41", "not_classified"],
    ["06", "not_classified"],
  ])("SN2007 division %s is %s", (division, group) => {
    expect(kisGroup("SN2007", division)).toBe(group);
  });

  it("counts 29 knowledge-intensive divisions in SN2007", () => {
    const kis = divisionsOf("SN2007").filter((d) => isKnowledgeIntensive("SN2007", d));
    expect(kis).toHaveLength(29);
    expect(kis).toEqual([
      "50",
      "51",
      "58",
      "59",
      "60",
      "61",
      "62",
      "63",
      "64",
      "65",
      "66",
      "69",
      "70",
      "71",
      "72",
      "73",
      "74",
      "75",
      "78",
      "80",
      "84",
      "85",
      "86",
      "87",
      "88",
      "90",
      "91",
      "92",
      "93",
    ]);
  });

  it("classifies SN2025 divisions through the bridge: the same 29 KIS division numbers", () => {
    const kis = divisionsOf("SN2025").filter((d) => isKnowledgeIntensive("SN2025", d));
    expect(kis).toHaveLength(29);
    expect(kisGroup("SN2025", "62")).toBe("HTKIS"); // section K in SN2025, J in SN2007
    expect(kisGroup("SN2025", "64")).toBe("KIFS"); // section L in SN2025
    expect(kisGroup("SN2025", "98")).toBe("OLKIS");
    expect(kisGroup("SN2025", "45")).toBeNull();
    expect(kisGroup("SN2007", "98")).toBeNull();
    expect(kisGroup("SN2007", null)).toBeNull();
  });

  it("uses the code-level bridge for moved groups (95.3 motor-vehicle repair is LKIMS like SN2007 45)", () => {
    expect(kisGroupForCode("SN2025", "95.310")).toBe("LKIMS");
    expect(kisGroupForCode("SN2025", "95.210")).toBe("OLKIS");
    expect(kisGroupForCode("SN2025", "68.120")).toBe("not_classified");
    expect(kisGroupForCode("SN2025", "62.100")).toBe("HTKIS");
    expect(kisGroupForCode("SN2025", "98.100")).toBe("OLKIS");
    expect(kisGroupForCode("SN2007", "62.020")).toBe("HTKIS");
  });

  it("names the domain of a group", () => {
    expect(kisDomain("HTKIS")).toBe("KIS");
    expect(kisDomain("LKIMS")).toBe("LKIS");
    expect(kisDomain("MLTC")).toBe("manufacturing");
    expect(kisDomain("not_classified")).toBe("not_classified");
    expect(kisDomain(null)).toBeNull();
  });
});
