import { describe, expect, it } from "vitest";
import { DEADLINE_RULES, type DeadlineInput, statutoryDeadline } from "./deadlines.js";
import { APPLICATION_TYPES, type ApplicationType } from "./types.js";

const NONE = { neighbourObjections: false, dispensationNeeded: false, otherAuthorities: false };
const input = (applicationType: ApplicationType, date: string, flags: Partial<typeof NONE> = {}): DeadlineInput => ({
  applicationType,
  date,
  ...NONE,
  ...flags,
});

describe("statutory deadline by type and flags (complete in 2017)", () => {
  const D = "2017-03-15";
  it.each<[string, DeadlineInput, number | null, string]>([
    ["one-step, nothing in the way", input("ett_trinn", D), 3, "pbl. § 21-7 andre ledd"],
    ["one-step with neighbour objections", input("ett_trinn", D, { neighbourObjections: true }), 12, "pbl. § 21-7 første ledd"],
    ["one-step needing another authority", input("ett_trinn", D, { otherAuthorities: true }), 12, "pbl. § 21-7 første ledd"],
    ["one-step needing a dispensation", input("ett_trinn", D, { dispensationNeeded: true }), 12, "pbl. § 21-7 fjerde ledd"],
    [
      "one-step with objections and a dispensation",
      input("ett_trinn", D, { neighbourObjections: true, dispensationNeeded: true }),
      12,
      "pbl. § 21-7 fjerde ledd",
    ],
    ["outline permit, nothing in the way", input("rammetillatelse", D), 12, "pbl. § 21-7 første ledd"],
    ["outline permit with objections", input("rammetillatelse", D, { neighbourObjections: true }), 12, "pbl. § 21-7 første ledd"],
    ["outline permit needing a dispensation", input("rammetillatelse", D, { dispensationNeeded: true }), 12, "pbl. § 21-7 fjerde ledd"],
    ["change application", input("endringssoknad", D), 12, "pbl. § 21-7 første ledd"],
    ["owner-built works", input("tiltak_uten_ansvarsrett", D), 3, "pbl. § 21-7 tredje ledd"],
    ["owner-built works with objections", input("tiltak_uten_ansvarsrett", D, { neighbourObjections: true }), 3, "pbl. § 21-7 tredje ledd"],
    [
      "owner-built works needing another authority",
      input("tiltak_uten_ansvarsrett", D, { otherAuthorities: true }),
      12,
      "pbl. § 21-7 første ledd",
    ],
    [
      "owner-built works needing a dispensation",
      input("tiltak_uten_ansvarsrett", D, { dispensationNeeded: true }),
      12,
      "pbl. § 21-7 fjerde ledd",
    ],
    ["dispensation only", input("dispensasjon", D), 12, "SAK10 § 7-4 bokstav a (hjemmel pbl. § 19-2 siste ledd)"],
    [
      "commencement permit",
      input("igangsettingstillatelse", D, { neighbourObjections: true }),
      3,
      "pbl. § 21-7 / SAK10 kap. 7 (ledd og bokstav ikke verifisert)",
    ],
    ["temporary occupancy permit", input("midlertidig_brukstillatelse", D), 3, "SAK10 § 7-1 bokstav b (gjeldende tekst)"],
    ["completion certificate", input("ferdigattest", D), 3, "pbl. § 21-7 (ferdigattest; ledd ikke verifisert)"],
    ["other", input("annet", D), null, "Ingen frist i tabellen for denne søknadstypen"],
  ])("%s", (_label, inp, weeks, citation) => {
    const d = statutoryDeadline(inp);
    expect(d.weeks).toBe(weeks);
    expect(d.days).toBe(weeks === null ? null : weeks * 7);
    expect(d.rule?.citation).toBe(citation);
  });
});

describe("dated rules", () => {
  it.each<[string, DeadlineInput, number | null, string | null]>([
    [
      "dispensation case complete the day before the 2015 change: no deadline",
      input("ett_trinn", "2015-06-30", { dispensationNeeded: true }),
      null,
      "dispensation-permit-none",
    ],
    [
      "dispensation case complete on the day of the change: 12 weeks",
      input("ett_trinn", "2015-07-01", { dispensationNeeded: true }),
      12,
      "dispensation-permit-12w",
    ],
    ["dispensation-only application in 2014: no deadline", input("dispensasjon", "2014-05-02"), null, "dispensation-only-none"],
    ["ordinary one-step case in 2012: 3 weeks", input("ett_trinn", "2012-01-10"), 3, "one-step-3w"],
    ["first day of pbl. 2008's building part", input("rammetillatelse", "2010-07-01"), 12, "permit-12w"],
    ["before any rule's validFrom: outside the table", input("rammetillatelse", "2010-06-30"), null, null],
  ])("%s", (_label, inp, weeks, ruleId) => {
    const d = statutoryDeadline(inp);
    expect(d.weeks).toBe(weeks);
    expect(d.rule?.id ?? null).toBe(ruleId);
  });
});

describe("the rule table", () => {
  it("covers every type and flag combination from 1 July 2010 on, before and after the 2015 change", () => {
    for (const type of APPLICATION_TYPES)
      for (const date of ["2010-07-01", "2015-06-30", "2015-07-01", "2026-01-01"])
        for (let bits = 0; bits < 8; bits++) {
          const flags = { neighbourObjections: (bits & 1) > 0, dispensationNeeded: (bits & 2) > 0, otherAuthorities: (bits & 4) > 0 };
          expect(statutoryDeadline(input(type, date, flags)).rule, `${type} ${date} ${bits}`).not.toBeNull();
        }
  });

  it("has unique ids, a citation and dates in order on every row", () => {
    expect(new Set(DEADLINE_RULES.map((r) => r.id)).size).toBe(DEADLINE_RULES.length);
    for (const r of DEADLINE_RULES) {
      expect(r.citation.length).toBeGreaterThan(0);
      if (r.validTo) expect(r.validTo >= r.validFrom).toBe(true);
    }
  });

  it("takes a custom table (the first matching row wins)", () => {
    const rules = [{ ...(DEADLINE_RULES.at(-1) as (typeof DEADLINE_RULES)[number]), types: ["ett_trinn" as const], weeks: 12 as const }];
    expect(statutoryDeadline(input("ett_trinn", "2017-01-01"), rules).weeks).toBe(12);
    expect(statutoryDeadline(input("rammetillatelse", "2017-01-01"), rules).rule).toBeNull();
  });
});
