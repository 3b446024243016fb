import { describe, expect, it } from "vitest";
import { isNewFirmForm, isPersonalForm, isPublicAdministration, NEW_FIRM_FORMS, ORG_FORMS } from "./org-forms.js";

const none = { naceDivision: null, orgForm: null, parentOrgForm: null, sectorCode: null };

describe("new-firm forms", () => {
  it.each(["AS", "ASA", "ENK", "ANS", "DA", "NUF", "SA", "KS", "SE", "BA", "PRE", "as"])("%s counts as a new firm", (form) => {
    expect(isNewFirmForm(form)).toBe(true);
  });

  it.each(["FLI", "BRL", "ESEK", "STI", "KOMM", "FYLK", "STAT", "ORGL", "KF", "IKS", "SF", "KIRK", "BEDR", "AAFY", "UTLA", "KBO", "SAM"])(
    "%s does not count as a new firm",
    (form) => {
      expect(isNewFirmForm(form)).toBe(false);
    },
  );

  it("treats an empty or unknown form as no new firm", () => {
    expect(isNewFirmForm(null)).toBe(false);
    expect(isNewFirmForm("XYZ")).toBe(false);
  });

  it("decides only codes that Brreg lists", () => {
    for (const f of NEW_FIRM_FORMS) expect(ORG_FORMS[f], f).toBeDefined();
  });

  it("decides every form in the 2022 enheter sample and the 2026 underenheter sample", () => {
    // Forms seen in data/register/demo (counted with jq / awk when the data was added).
    for (const f of [
      "ENK",
      "AS",
      "FLI",
      "UTLA",
      "NUF",
      "DA",
      "KBO",
      "ANS",
      "ANNA",
      "BRL",
      "ESEK",
      "SA",
      "STI",
      "SAM",
      "BA",
      "ORGL",
      "KTRF",
      "PERS",
      "BEDR",
      "AAFY",
    ]) {
      expect(ORG_FORMS[f], f).toBeDefined();
    }
  });
});

describe("public administration (excluded from top-N employers)", () => {
  it("is NACE division 84 in either version", () => {
    expect(isPublicAdministration({ ...none, naceDivision: "84", orgForm: "AS" })).toBe(true);
  });

  it("is a state, county or municipal body, or a unit of one", () => {
    for (const f of ["STAT", "FYLK", "KOMM", "ORGL", "ADOS"]) expect(isPublicAdministration({ ...none, orgForm: f }), f).toBe(true);
    expect(isPublicAdministration({ ...none, orgForm: "BEDR", parentOrgForm: "KOMM", naceDivision: "85" })).toBe(true);
  });

  it("is a general-government sector code (6100 state, 6500 municipal)", () => {
    expect(isPublicAdministration({ ...none, orgForm: "KF", sectorCode: "6500" })).toBe(true);
    expect(isPublicAdministration({ ...none, orgForm: "ORGL", sectorCode: "6100" })).toBe(true);
  });

  it("is not a public enterprise that is a market producer, nor a private firm", () => {
    expect(isPublicAdministration({ ...none, orgForm: "SF", sectorCode: "1110" })).toBe(false);
    expect(isPublicAdministration({ ...none, orgForm: "AS", sectorCode: "1520", naceDivision: "35" })).toBe(false);
    expect(isPublicAdministration({ ...none, orgForm: "AS", sectorCode: "2100", naceDivision: "62" })).toBe(false);
    expect(isPublicAdministration(none)).toBe(false);
  });
});

describe("personal forms", () => {
  it("treats sole proprietorships as personal and limited companies as not", () => {
    expect(isPersonalForm("ENK")).toBe(true);
    expect(isPersonalForm("AS")).toBe(false);
  });
});
