import { describe, expect, it } from "vitest";
import { currentMunicipalityCode, municipalityCodesFor } from "./municipalities.js";

describe("municipality numbers follow the change table", () => {
  it.each([
    ["0219", "3201"],
    ["3024", "3201"],
    ["3201", "3201"],
    ["0220", "3203"],
    ["0627", "3203"],
    ["3025", "3203"],
    ["0301", "0301"],
  ])("%s is today %s", (code, current) => {
    expect(currentMunicipalityCode(code)).toBe(current);
  });

  it("lists today's number and every former one", () => {
    expect(municipalityCodesFor("3201").sort()).toEqual(["0219", "3024", "3201"]);
    expect(municipalityCodesFor("0219").sort()).toEqual(["0219", "3024", "3201"]);
    expect(municipalityCodesFor("3203").sort()).toEqual(["0220", "0627", "0628", "3025", "3203"]);
    expect(municipalityCodesFor("0301")).toEqual(["0301"]);
  });
});
