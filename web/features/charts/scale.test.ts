import { describe, expect, it } from "vitest";
import { layoutTimeSeries, linearScale, minGap, niceDomain, niceStep, numericSeries, sparkPath, truncate } from "./scale.js";

const G = { width: 400, height: 200, plot: { left: 40, right: 380, top: 10, bottom: 170 } };

describe("chart scaling", () => {
  it("maps a domain linearly onto a range", () => {
    const s = linearScale([0, 10], [100, 0]);
    expect(s(0)).toBe(100);
    expect(s(5)).toBe(50);
    expect(s(10)).toBe(0);
    expect(linearScale([3, 3], [0, 10])(3)).toBe(5);
  });

  it("picks nice steps", () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(100, 4)).toBe(25);
    expect(niceStep(0.9, 4)).toBe(0.25);
    expect(niceStep(0)).toBe(1);
  });

  it("rounds the domain outwards and lists ticks", () => {
    expect(niceDomain(3, 17, 4)).toEqual({ domain: [0, 20], ticks: [0, 5, 10, 15, 20] });
    expect(niceDomain(2, 2, 4).domain[0]).toBeLessThan(2);
  });

  it("uses whole-number ticks for counts and ranks", () => {
    expect(niceDomain(2, 3, 4, true).ticks).toEqual([2, 3]);
  });

  it("drops missing values and sorts by period", () => {
    expect(
      numericSeries([
        { period: "2016", value: 3 },
        { period: "2014", value: null },
        { period: "2015", value: 1 },
      ]),
    ).toEqual([
      { period: "2015", value: 1 },
      { period: "2016", value: 3 },
    ]);
  });

  it("lays out a series on a time axis and includes targets in the y domain", () => {
    const layout = layoutTimeSeries(
      [
        { period: "2015", value: 10 },
        { period: "2016", value: 12 },
      ],
      [{ from: 15, to: 15, label: "mål" }],
      G,
      { zeroBased: true },
    );
    expect(layout.points[0]?.x).toBeLessThan(layout.points[1]?.x ?? 0);
    expect(layout.points[1]?.y).toBeLessThan(layout.points[0]?.y ?? 0);
    const band = layout.bands[0];
    expect(band?.y0).toBeGreaterThanOrEqual(G.plot.top);
    expect(band?.y0).toBeLessThan(layout.points[1]?.y ?? 0);
    expect(layout.path.startsWith("M")).toBe(true);
  });

  it("flips the axis for ranks so first place is at the top", () => {
    const layout = layoutTimeSeries(
      [
        { period: "2015", value: 1 },
        { period: "2016", value: 3 },
      ],
      [],
      G,
      { invert: true, integer: true, floor: 1 },
    );
    expect(layout.points[0]?.y).toBeLessThan(layout.points[1]?.y ?? 0);
  });

  it("centres a single value", () => {
    const layout = layoutTimeSeries([{ period: "2015", value: 4 }], [], G);
    expect(layout.points[0]?.x).toBe((G.plot.left + G.plot.right) / 2);
  });

  it("draws a spark line only from two values", () => {
    expect(sparkPath([1], 100, 20)).toBeNull();
    expect(sparkPath([1, 2, 3], 100, 20)).toMatch(/^M2\.0,18\.0 L50\.0,10\.0 L98\.0,2\.0$/);
  });

  it("finds the tightest gap between points and shortens long labels", () => {
    expect(minGap([10, 50, 60, 100])).toBe(10);
    expect(minGap([10])).toBe(Number.POSITIVE_INFINITY);
    expect(truncate("Mål: blant de øverste tre kommuner", 12)).toBe("Mål: blant…");
    expect(truncate("kort", 12)).toBe("kort");
  });
});
