import { describe, expect, it } from "vitest";
import { isPersonalOrganisationForm, isValidOrgnr, normalizeOrgnr } from "./orgnr.js";

describe("isValidOrgnr", () => {
  it.each([
    ["974760673", true, "Brønnøysundregistrene"],
    ["923609016", true, "check digit 6"],
    ["974760674", false, "wrong check digit"],
    ["97476067", false, "8 digits"],
    ["9747606731", false, "10 digits"],
    ["97476067a", false, "a letter"],
    ["", false, "empty"],
  ])("%s → %s (%s)", (orgnr, valid) => {
    expect(isValidOrgnr(orgnr)).toBe(valid);
  });

  it("accepts a remainder of 0 as check digit 0", () => {
    // 3·1 + 2·0 + 7·0 + 6·0 + 5·0 + 4·0 + 3·0 + 2·4 = 11 → remainder 0 → check digit 0.
    expect(isValidOrgnr("100000040")).toBe(true);
  });

  it("refuses every number whose check digit would be 10", () => {
    // 2·6 = 12 → remainder 1 → check digit 10: no last digit makes "00000006x" valid.
    const candidates = [...Array(10).keys()].map((d) => `00000006${d}`);
    expect(candidates.filter(isValidOrgnr)).toEqual([]);
  });
});

describe("normalizeOrgnr", () => {
  it("removes spaces, also non-breaking ones", () => {
    expect(normalizeOrgnr("974 760 673")).toBe("974760673");
    expect(normalizeOrgnr("974\u00a0760\u202f673")).toBe("974760673");
  });
});

describe("isPersonalOrganisationForm", () => {
  it.each([
    ["ENK", true],
    ["ANS", true],
    ["DA", true],
    ["NUF", true],
    [null, true],
    ["", true],
    ["AS", false],
    ["asa", false],
    [" STI ", false],
  ])("%s → personal %s", (form, personal) => {
    expect(isPersonalOrganisationForm(form)).toBe(personal);
  });
});
