import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MUNICIPALITY_CHANGES, MUNICIPALITY_CODES_2026 } from "./generated/klass131.js";
import { SN2007_CODES, SN2025_CODES } from "./generated/nace-codes.js";
import { kisGroup } from "./kis.js";
import { divisionSection } from "./nace.js";
import { parseKisCsv, parseMunicipalityChanges, parseMunicipalityCodes, parseNaceCodesCsv } from "./reference-parsers.js";

// The test (not core) reads the bundled files; core uses the generated copies.
const read = (path: string) => readFileSync(new URL(`../../data/register/${path}`, import.meta.url), "utf8");

describe("generated reference data equals data/register (else run scripts/generate-register-reference.ts)", () => {
  it("NACE code lists", () => {
    for (const [file, rows] of [
      ["nace/sn2007_codes.csv", SN2007_CODES],
      ["nace/sn2025_codes.csv", SN2025_CODES],
    ] as const) {
      const parsed = parseNaceCodesCsv(read(file)).map((r) => [r.code, r.parentCode, r.level, r.name]);
      expect(rows, file).toEqual(parsed);
    }
    expect(SN2007_CODES).toHaveLength(1811);
    expect(SN2025_CODES).toHaveLength(1783);
  });

  it("Klass 131 changes and codes", () => {
    const changes = parseMunicipalityChanges(read("kommuner/klass131_changes.json"));
    expect(MUNICIPALITY_CHANGES).toEqual(changes.map((c) => [c.oldCode, c.oldName, c.newCode, c.newName, c.changeOccurred]));
    expect(MUNICIPALITY_CHANGES).toHaveLength(594);
    const codes = parseMunicipalityCodes(read("kommuner/klass131_codes_2026-01-01.json"));
    expect(MUNICIPALITY_CODES_2026).toEqual(codes.map((c) => [c.code, c.name]));
  });
});

describe("rule tables agree with the bundled files", () => {
  it("the KIS groups equal Eurostat's table for all 87 SN2007 divisions", () => {
    const rows = parseKisCsv(read("kis/eurostat_htec_kis_nace_rev2_divisions.csv"));
    expect(rows).toHaveLength(87);
    for (const r of rows) {
      expect(kisGroup("SN2007", r.division), r.division).toBe(r.group);
      expect(divisionSection("SN2007", r.division), r.division).toBe(r.sn2007Section);
    }
    expect(rows.filter((r) => r.isKis)).toHaveLength(29);
  });

  it("SN2007 sections equal the file's division parents", () => {
    for (const [code, parent, level] of SN2007_CODES) if (level === 2) expect(divisionSection("SN2007", code), code).toBe(parent);
  });

  it("SN2025 sections differ from the file's parents exactly where Klass kept an SN2007 parent", () => {
    const differing = SN2025_CODES.filter(([code, parent, level]) => level === 2 && divisionSection("SN2025", code) !== parent).map(
      ([c]) => c,
    );
    expect(differing).toEqual(["61", "69", "71", "74", "75", "77", "78", "79", "82", "84", "85", "86", "90", "91", "94", "97"]);
    // …and each of them carries its SN2007 parent, i.e. the row is the unchanged SN2007 item.
    const sn2007Parent = new Map(SN2007_CODES.filter((r) => r[2] === 2).map((r) => [r[0], r[1]]));
    for (const d of differing) expect(SN2025_CODES.find((r) => r[0] === d)?.[1], d).toBe(sn2007Parent.get(d));
  });
});
