import { describe, expect, it } from "vitest";
import { comparableEmployees, headcount, sizeClassOf } from "./headcount.js";

describe("size classes", () => {
  it.each([
    [0, "0"],
    [1, "1-4"],
    [4, "1-4"],
    [5, "5-9"],
    [9, "5-9"],
    [10, "10-19"],
    [19, "10-19"],
    [20, "20-49"],
    [49, "20-49"],
    [50, "50-99"],
    [99, "50-99"],
    [100, "100-249"],
    [249, "100-249"],
    [250, "250+"],
    [12000, "250+"],
  ])("%i employees is class %s", (n, c) => {
    expect(sizeClassOf(n)).toBe(c);
  });

  it("rejects negative and fractional counts", () => {
    expect(sizeClassOf(-1)).toBeNull();
    expect(sizeClassOf(2.5)).toBeNull();
  });
});

describe("headcount under the two publication regimes", () => {
  it("newer file, flag true and no count: 1–4 employees, count unknown (not 0)", () => {
    expect(headcount({ antallAnsatte: null, harRegistrertAntallAnsatte: true })).toEqual({ employees: null, sizeClass: "1-4" });
  });

  it("newer file, flag true and a count from 5: the exact count", () => {
    expect(headcount({ antallAnsatte: 5, harRegistrertAntallAnsatte: true })).toEqual({ employees: 5, sizeClass: "5-9" });
    expect(headcount({ antallAnsatte: 250, harRegistrertAntallAnsatte: true })).toEqual({ employees: 250, sizeClass: "250+" });
  });

  it("newer file, flag false: no employees", () => {
    expect(headcount({ antallAnsatte: null, harRegistrertAntallAnsatte: false })).toEqual({ employees: 0, sizeClass: "0" });
    expect(headcount({ antallAnsatte: 0, harRegistrertAntallAnsatte: false })).toEqual({ employees: 0, sizeClass: "0" });
  });

  it("older file without the flag: the exact count, small numbers included", () => {
    expect(headcount({ antallAnsatte: 0 })).toEqual({ employees: 0, sizeClass: "0" });
    expect(headcount({ antallAnsatte: 3 })).toEqual({ employees: 3, sizeClass: "1-4" });
    expect(headcount({ antallAnsatte: 16 })).toEqual({ employees: 16, sizeClass: "10-19" });
    expect(headcount({ antallAnsatte: null })).toEqual({ employees: null, sizeClass: null });
  });

  it("sums comparably across the publication change: counts ≥ 5, plus the number of 1–4 units", () => {
    const old = [0, 3, 4, 16, 5].map((n) => headcount({ antallAnsatte: n }));
    const newer = [
      headcount({ antallAnsatte: null, harRegistrertAntallAnsatte: false }),
      headcount({ antallAnsatte: null, harRegistrertAntallAnsatte: true }),
      headcount({ antallAnsatte: null, harRegistrertAntallAnsatte: true }),
      headcount({ antallAnsatte: 16, harRegistrertAntallAnsatte: true }),
      headcount({ antallAnsatte: 5, harRegistrertAntallAnsatte: true }),
    ];
    expect(comparableEmployees(old)).toEqual({ employeesAtLeast5: 21, unitsWith1to4: 2 });
    expect(comparableEmployees(newer)).toEqual(comparableEmployees(old));
  });
});
