import { describe, expect, it } from "vitest";
import { geometryAreaM2 } from "./area.js";
import type { Polygon, Position } from "./geojson.js";
import { transformGeometry } from "./transform.js";

/** GRS80 */
const A = 6378137;
const F = 1 / 298.257222101;
const E2 = F * (2 - F);
const E = Math.sqrt(E2);
const rad = (d: number) => (d * Math.PI) / 180;

/** Closed-form area on the ellipsoid between the equator and latitude φ, per radian of longitude. */
function zone(latDeg: number): number {
  const s = Math.sin(rad(latDeg));
  const b2 = A * A * (1 - E2);
  return (b2 / 2) * (s / (1 - E2 * s * s) + (1 / (2 * E)) * Math.log((1 + E * s) / (1 - E * s)));
}

function cellArea(lon0: number, lat0: number, lon1: number, lat1: number): number {
  return rad(lon1 - lon0) * (zone(lat1) - zone(lat0));
}

const box = (w: number, s: number, e: number, n: number): Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];

describe("polygon area on the GRS80 ellipsoid", () => {
  it.each([
    ["a 0.1° cell at Sandvika", [10.5, 59.85, 10.6, 59.95]],
    ["a 1° cell over Bærum and Oslo", [10, 59.5, 11, 60.5]],
    ["a small site (0.002°) at Fornebu", [10.626, 59.894, 10.628, 59.896]],
    ["a cell at Tromsø", [18.9, 69.6, 19.0, 69.7]],
  ] as const)("matches the closed-form area of %s to 1e-8", (_name, [w, s, e, n]) => {
    const exact = cellArea(w, s, e, n);
    const area = geometryAreaM2({ type: "Polygon", coordinates: [box(w, s, e, n)] }) ?? 0;
    expect(Math.abs(area - exact) / exact).toBeLessThan(1e-8);
  });

  it("subtracts holes and adds the parts of a MultiPolygon, whatever the ring orientation", () => {
    const outer = box(10.5, 59.85, 10.6, 59.95);
    const hole = box(10.52, 59.87, 10.54, 59.89).reverse();
    const withHole = geometryAreaM2({ type: "Polygon", coordinates: [outer, hole] }) ?? 0;
    const expected = cellArea(10.5, 59.85, 10.6, 59.95) - cellArea(10.52, 59.87, 10.54, 59.89);
    expect(withHole).toBeCloseTo(expected, 0);
    const multi = geometryAreaM2({ type: "MultiPolygon", coordinates: [[outer], [box(10.7, 59.85, 10.8, 59.95).reverse()]] }) ?? 0;
    expect(multi / (2 * cellArea(10.5, 59.85, 10.6, 59.95))).toBeCloseTo(1, 6);
  });

  it("gives a 100 m × 100 m square laid out in UTM zone 32 at Sandvika its true size (10 000 m² / k²)", () => {
    const [e, n] = [585_200, 6_640_100];
    const square: Polygon = { type: "Polygon", coordinates: [box(e, n, e + 100, n + 100)] };
    const wgs = transformGeometry(square, "EPSG:25832", "EPSG:4326");
    // UTM point scale factor k ≈ k0 (1 + (Δλ cos φ)² (1 + η²) / 2), zone 32's central meridian 9° E.
    const [lon, lat] = (wgs.type === "Polygon" ? wgs.coordinates[0]?.[0] : undefined) ?? [0, 0];
    const l = rad(lon + 0.0005 - 9) * Math.cos(rad(lat + 0.00045));
    const eta2 = (E2 / (1 - E2)) * Math.cos(rad(lat)) ** 2;
    const k = 0.9996 * (1 + (l * l * (1 + eta2)) / 2);
    expect(geometryAreaM2(wgs)).toBeCloseTo(10_000 / (k * k), 1);
  });

  it("is null for a Point or a LineString", () => {
    expect(geometryAreaM2({ type: "Point", coordinates: [10.5, 59.9] })).toBeNull();
    expect(
      geometryAreaM2({
        type: "LineString",
        coordinates: [
          [10.5, 59.9],
          [10.6, 59.9],
        ],
      }),
    ).toBeNull();
  });
});
