import { describe, expect, it } from "vitest";
import { type AreaFigures, figureGap, lacksFigures } from "./figures.js";

const area = (totalM2: number | null, availableM2: number | null, plannedM2: number | null): AreaFigures => ({
  totalM2,
  availableM2,
  plannedM2,
});

describe("the gaps in a land area's figures", () => {
  it.each<[string, AreaFigures, "none" | "some" | "all"]>([
    ["every figure stated", area(100, 60, 40), "none"],
    ["available and planned stated, total not: nothing the supply needs is missing", area(null, 60, 40), "none"],
    ["planned missing", area(100, 60, null), "some"],
    ["available missing", area(100, null, 40), "some"],
    ["only the total stated", area(100, null, null), "some"],
    ["no figure at all", area(null, null, null), "all"],
  ])("%s", (_name, a, gap) => {
    expect(figureGap(a)).toBe(gap);
    expect(lacksFigures(a)).toBe(gap === "all");
  });
});
