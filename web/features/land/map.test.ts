import { describe, expect, it } from "vitest";
import { layoutMap, niceMetres, partsOf } from "./map.js";

/** A square about `m` metres on the ground at latitude `lat`, south-west corner at (lon, lat). */
function square(lon: number, lat: number, m: number) {
  const dLat = m / 111_320;
  const dLon = m / (111_320 * Math.cos((lat * Math.PI) / 180));
  return {
    type: "Polygon",
    coordinates: [
      [
        [lon, lat],
        [lon + dLon, lat],
        [lon + dLon, lat + dLat],
        [lon, lat + dLat],
        [lon, lat],
      ],
    ],
  };
}

describe("layoutMap", () => {
  it("draws a square on the ground as a square on screen (cos-latitude scaling)", () => {
    const L = layoutMap([{ key: "a", name: "A", geometry: square(10.52, 59.89, 500) }], 600, { pad: 20, maxHeight: 2000 });
    const s = L.shapes[0];
    if (!s) throw new Error("no shape");
    const w = s.box.x1 - s.box.x0;
    const h = s.box.y1 - s.box.y0;
    expect(w / h).toBeCloseTo(1, 2);
    // Fitted: fills the width inside the padding, square height.
    expect(w).toBeCloseTo(560, 0);
    expect(L.height).toBe(600);
    expect(s.kind).toBe("polygon");
    expect(s.d.startsWith("M")).toBe(true);
    expect(s.label.x).toBeCloseTo(300, 0);
    expect(s.label.y).toBeCloseTo(300, 0);
  });

  it("keeps north up and east right", () => {
    const L = layoutMap(
      [
        { key: "w", name: "West", geometry: { type: "Point", coordinates: [10.5, 59.9] } },
        { key: "e", name: "East", geometry: { type: "Point", coordinates: [10.6, 59.95] } },
      ],
      500,
    );
    const [w, e] = L.shapes;
    expect(w?.kind).toBe("point");
    expect((e?.label.x ?? 0) > (w?.label.x ?? 0)).toBe(true);
    expect((e?.label.y ?? 0) < (w?.label.y ?? 0)).toBe(true);
  });

  it("fits a wide box into the width and clamps the height", () => {
    const L = layoutMap(
      [
        { key: "a", name: "A", geometry: square(10.4, 59.9, 100) },
        { key: "b", name: "B", geometry: square(10.7, 59.9, 100) },
      ],
      400,
      { pad: 10, minHeight: 200 },
    );
    expect(L.height).toBe(200);
    for (const s of L.shapes) {
      expect(s.box.x0).toBeGreaterThanOrEqual(9.9);
      expect(s.box.x1).toBeLessThanOrEqual(390.1);
    }
  });

  it("widens a single point to a few hundred metres and leaves areas without shapes out", () => {
    const L = layoutMap(
      [
        { key: "p", name: "P", geometry: { type: "Point", coordinates: [10.5, 59.9] } },
        { key: "n", name: "No shape", geometry: null },
      ],
      300,
    );
    expect(L.shapes).toHaveLength(1);
    expect(L.shapes[0]?.label.x).toBeCloseTo(150, 0);
    expect(L.scale?.metres).toBeGreaterThan(0);
    expect(layoutMap([{ key: "n", name: "N", geometry: null }], 300).shapes).toEqual([]);
  });

  it("draws every part of a MultiPolygon and labels the largest", () => {
    const a = square(10.5, 59.9, 1000).coordinates;
    const b = square(10.6, 59.9, 100).coordinates;
    const L = layoutMap([{ key: "m", name: "M", geometry: { type: "MultiPolygon", coordinates: [a, b] } }], 800);
    const s = L.shapes[0];
    expect(s?.d.match(/M/g)).toHaveLength(2);
    expect(s?.label.x).toBeLessThan(400);
  });
});

describe("helpers", () => {
  it("picks nice scale-bar lengths", () => {
    expect(niceMetres(130)).toBe(100);
    expect(niceMetres(260)).toBe(200);
    expect(niceMetres(740)).toBe(500);
    expect(niceMetres(0)).toBe(0);
  });

  it("reads LineString parts", () => {
    expect(
      partsOf({
        type: "LineString",
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      }).lines,
    ).toHaveLength(1);
  });
});
