import { describe, expect, it } from "vitest";
import { parseCrs } from "./crs.js";
import type { Position } from "./geojson.js";
import { NORWAY_BBOX, normaliseGeometry } from "./normalise.js";
import { parseGeometry } from "./parse-geometry.js";

const ringUtm32: Position[] = [
  [585_200, 6_640_100],
  [585_300, 6_640_100],
  [585_300, 6_640_200],
  [585_200, 6_640_200],
  [585_200, 6_640_100],
];
const ringWgs: Position[] = [
  [10.52, 59.88],
  [10.53, 59.88],
  [10.53, 59.89],
  [10.52, 59.88],
];

describe("reading a CRS name", () => {
  it.each([
    ["EPSG:25832", "EPSG:25832"],
    ["epsg:25833", "EPSG:25833"],
    ["25832", "EPSG:25832"],
    ["urn:ogc:def:crs:EPSG::25833", "EPSG:25833"],
    ["http://www.opengis.net/def/crs/EPSG/0/4326", "EPSG:4326"],
    ["urn:ogc:def:crs:OGC:1.3:CRS84", "EPSG:4326"],
    ["OGC:CRS84", "EPSG:4326"],
  ])("%s is %s", (raw, crs) => {
    expect(parseCrs(raw)).toEqual({ ok: true, crs });
  });

  it.each(["EPSG:32632", "EPSG:3857", "EPSG:5972", "NGO1948", ""])("refuses %s and names the ones it takes", (raw) => {
    const r = parseCrs(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/EPSG:4326.*EPSG:25832.*EPSG:25833/);
  });
});

describe("checking the shape of GeoJSON", () => {
  it.each([
    ["an unclosed ring", { type: "Polygon", coordinates: [ringWgs.slice(0, 3).concat([[10.5, 59.9]])] }, "coordinates.0", /not closed/],
    ["a ring of 3 positions", { type: "Polygon", coordinates: [[ringWgs[0], ringWgs[1], ringWgs[0]]] }, "coordinates.0", /at least 4/],
    ["a one-position LineString", { type: "LineString", coordinates: [[10, 60]] }, "coordinates", /at least 2/],
    ["a text coordinate", { type: "Point", coordinates: [10, "60"] }, "coordinates", /finite numbers/],
    ["a NaN-free but short position", { type: "Point", coordinates: [10] }, "coordinates", /2 numbers/],
    ["an unknown type", { type: "Circle", coordinates: [10, 60] }, "type", /unknown geometry type/],
    ["a FeatureCollection", { type: "FeatureCollection", features: [] }, "type", /one geometry/],
    [
      "a bad ring inside a MultiPolygon",
      { type: "MultiPolygon", coordinates: [[ringWgs], [ringWgs.slice(0, 3)]] },
      "coordinates.1.0",
      /at least 4/,
    ],
  ])("refuses %s at its path", (_name, input, path, message) => {
    const r = parseGeometry(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it("refuses more positions than the limit", () => {
    const ring: Position[] = Array.from({ length: 50 }, (_, i) => [10 + Math.cos(i / 8) / 100, 60 + Math.sin(i / 8) / 100]);
    ring.push(ring[0] as Position);
    const r = parseGeometry({ type: "Polygon", coordinates: [ring] }, 40);
    expect(r).toMatchObject({ ok: false, issues: [{ message: expect.stringMatching(/too many positions: 51; at most 40/) }] });
  });

  it("unwraps a Feature and drops heights", () => {
    expect(parseGeometry({ type: "Feature", properties: {}, geometry: { type: "Point", coordinates: [10.5, 59.9, 42] } })).toEqual({
      ok: true,
      geometry: { type: "Point", coordinates: [10.5, 59.9] },
    });
  });
});

describe("normalising to WGS84", () => {
  it("converts declared UTM 32 metres to longitude/latitude, 9 decimals", () => {
    const r = normaliseGeometry({ type: "Polygon", coordinates: [ringUtm32] }, { crs: "EPSG:25832", within: NORWAY_BBOX });
    expect(r.ok).toBe(true);
    if (!r.ok || r.geometry.type !== "Polygon") return;
    expect(r.sourceCrs).toBe("EPSG:25832");
    const [lon, lat] = r.geometry.coordinates[0]?.[0] ?? [0, 0];
    expect(lon).toBeCloseTo(10.5225, 3);
    expect(lat).toBeCloseTo(59.8896, 3);
    expect(String(lon).split(".")[1]?.length ?? 0).toBeLessThanOrEqual(9);
    expect(r.geometry.coordinates[0]?.[0]).toEqual(r.geometry.coordinates[0]?.[4]);
  });

  it("takes the CRS from a GeoJSON crs member", () => {
    const r = normaliseGeometry({
      type: "Point",
      coordinates: [249_612.785, 6_647_595.186],
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::25833" } },
    });
    expect(r).toMatchObject({ ok: true, sourceCrs: "EPSG:25833", detected: false });
  });

  it("detects longitude/latitude when nothing is declared", () => {
    expect(normaliseGeometry({ type: "Point", coordinates: [10.5, 59.9] })).toMatchObject({
      ok: true,
      sourceCrs: "EPSG:4326",
      detected: true,
    });
  });

  it.each([
    ["undeclared metres", { type: "Point", coordinates: [585_200, 6_640_100] }, {}, /declare the coordinate system/],
    ["degrees declared as UTM", { type: "Point", coordinates: [10.5, 59.9] }, { crs: "EPSG:25832" }, /look like degrees/],
    ["metres declared as WGS84", { type: "Point", coordinates: [585_200, 6_640_100] }, { crs: "EPSG:4326" }, /longitude 585200 is outside/],
    ["an unsupported CRS", { type: "Point", coordinates: [585_200, 6_640_100] }, { crs: "EPSG:32632" }, /not supported/],
    ["swapped latitude/longitude", { type: "Point", coordinates: [59.9, 10.5] }, { within: NORWAY_BBOX }, /swapped/],
    [
      "a declared CRS contradicting the crs member",
      { type: "Point", coordinates: [585_200, 6_640_100], crs: { type: "name", properties: { name: "EPSG:25833" } } },
      { crs: "EPSG:25832" },
      /contradicts/,
    ],
  ])("refuses %s with a clear message", (_name, input, options, message) => {
    const r = normaliseGeometry(input, options);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.message).toMatch(message);
  });
});
