import { describe, expect, it } from "vitest";
import { FIGURE_LAYOUT, type FigureLayout, figureLayoutFor, LABEL_MIN_WIDTH, layoutFigure, overlaps, toSvg, wrapLabel } from "./figure.js";

const L: FigureLayout = { width: 640, height: 440, left: 56, top: 16, right: 624, bottom: 384 };

describe("figure coordinate mapping", () => {
  it("maps influence to x and importance to y, with more important higher up", () => {
    expect(toSvg(0, 0, L)).toEqual({ x: 56, y: 384 });
    expect(toSvg(1, 1, L)).toEqual({ x: 624, y: 16 });
    expect(toSvg(0.5, 0.5, L)).toEqual({ x: 340, y: 200 });
    expect(toSvg(0.5, 0.9, L).y).toBeLessThan(toSvg(0.5, 0.15, L).y);
  });

  it("clamps placements outside 0..1 to the plot", () => {
    expect(toSvg(-1, 2, L)).toEqual({ x: 56, y: 16 });
  });

  it("draws the figure 1:1 in the container's width, within sensible bounds", () => {
    expect(figureLayoutFor(328)).toMatchObject({ width: 328, left: 44, right: 316 });
    expect(figureLayoutFor(100).width).toBe(280);
    expect(figureLayoutFor(2000).width).toBe(760);
    const l = figureLayoutFor(600);
    expect(l.bottom).toBeLessThan(l.height);
    expect(l.right).toBeLessThan(l.width);
  });

  it("wraps labels at spaces into at most two lines", () => {
    expect(wrapLabel("Arealforvaltning og sentrumsutvikling")).toEqual(["Arealforvaltning og", "sentrumsutvikling"]);
    expect(wrapLabel("Lokale næringer")).toEqual(["Lokale næringer"]);
    expect(wrapLabel("a b c d e f g h i j k l m n o p q r s t u v", 5, 2)).toHaveLength(2);
  });

  it("places labels of the Bærum figure without overlaps and inside the figure", () => {
    const points = [
      { number: 1, label: "Kompetanse og kunnskapsnæringene", influence: 0.5, importance: 0.75, approximate: true },
      { number: 2, label: "Næringsvennlig kommune", influence: 0.7, importance: 0.15, approximate: true },
      { number: 3, label: "Lokalt og regionalt samarbeid", influence: 0.3, importance: 0.15, approximate: true },
      { number: 4, label: "Entreprenørskap og innovasjon", influence: 0.5, importance: 0.9, approximate: true },
      { number: 5, label: "Lokale næringer", influence: 0.5, importance: 0.45, approximate: true },
      { number: 6, label: "Arealforvaltning og sentrumsutvikling", influence: 0.5, importance: 0.3, approximate: true },
      { number: 7, label: "Infrastruktur - samferdsel", influence: 0.5, importance: 0.6, approximate: true },
    ];
    for (const layout of [FIGURE_LAYOUT, figureLayoutFor(LABEL_MIN_WIDTH), figureLayoutFor(760)]) {
      const placed = layoutFigure(points, layout);
      expect(placed.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      for (const a of placed) {
        expect(a.box.x).toBeGreaterThanOrEqual(layout.left);
        expect(a.box.x + a.box.w).toBeLessThanOrEqual(layout.width);
        for (const b of placed) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
      }
    }
  });

  it("moves a label to the left when the right side is taken", () => {
    const placed = layoutFigure([
      { number: 1, label: "Venstre", influence: 0.4, importance: 0.5, approximate: false },
      { number: 2, label: "Høyre", influence: 0.46, importance: 0.5, approximate: false },
    ]);
    expect(placed[0]?.side).not.toBe("right");
  });
});
