import { isOneOf, isRecord } from "../guards.js";
import { GEOMETRY_TYPES, type GeoIssue, type Geometry, type Position } from "./geojson.js";

/** Largest number of positions accepted in one geometry (a detailed site outline has a few hundred). */
export const DEFAULT_MAX_VERTICES = 10_000;

export type ParseResult = { ok: true; geometry: Geometry } | { ok: false; issues: GeoIssue[] };

/**
 * Checks the shape of a GeoJSON geometry (no coordinate ranges: those depend on the CRS):
 * a known type, positions of 2 or 3 finite numbers, a LineString of at least 2 positions, polygon
 * rings closed (first position = last) with at least 4 positions, at most `maxVertices`
 * positions. A Feature is unwrapped to its geometry. Heights are dropped.
 */
export function parseGeometry(input: unknown, maxVertices = DEFAULT_MAX_VERTICES): ParseResult {
  const issues: GeoIssue[] = [];
  let value = input;
  if (isRecord(value) && value.type === "Feature") value = value.geometry;
  if (!isRecord(value)) return fail("", "expected a GeoJSON geometry object with type and coordinates");
  const type = value.type;
  if (type === "FeatureCollection" || type === "GeometryCollection")
    return fail("type", `${type} is not accepted: send one geometry (Point, LineString, Polygon or MultiPolygon)`);
  if (!isOneOf(GEOMETRY_TYPES, type))
    return fail("type", `unknown geometry type ${JSON.stringify(type)}; expected one of ${GEOMETRY_TYPES.join(", ")}`);
  const c = value.coordinates;
  const counter = { n: 0 };
  let geometry: Geometry | null = null;
  switch (type) {
    case "Point": {
      const p = position(c, "coordinates", issues, counter);
      if (p) geometry = { type, coordinates: p };
      break;
    }
    case "LineString": {
      const line = positions(c, "coordinates", issues, counter);
      if (line && line.length < 2) issues.push({ path: "coordinates", message: "a LineString needs at least 2 positions" });
      if (line) geometry = { type, coordinates: line };
      break;
    }
    case "Polygon": {
      const poly = polygon(c, "coordinates", issues, counter);
      if (poly) geometry = { type, coordinates: poly };
      break;
    }
    case "MultiPolygon": {
      if (!Array.isArray(c) || c.length === 0) {
        issues.push({ path: "coordinates", message: "a MultiPolygon needs an array of at least one polygon" });
        break;
      }
      const polys = c.map((p, i) => polygon(p, `coordinates.${i}`, issues, counter));
      if (polys.every((p) => p !== null)) geometry = { type, coordinates: polys };
      break;
    }
  }
  if (counter.n > maxVertices)
    issues.push({ path: "coordinates", message: `too many positions: ${counter.n}; at most ${maxVertices} (simplify the outline)` });
  if (issues.length > 0 || !geometry) return { ok: false, issues: issues.length > 0 ? issues : [{ path: "", message: "invalid" }] };
  return { ok: true, geometry };
}

function fail(path: string, message: string): ParseResult {
  return { ok: false, issues: [{ path, message }] };
}

function position(v: unknown, path: string, issues: GeoIssue[], counter: { n: number }): Position | null {
  counter.n++;
  if (!Array.isArray(v) || v.length < 2 || v.length > 3) {
    issues.push({ path, message: "a position is an array of 2 numbers [x, y] (or 3 with height)" });
    return null;
  }
  const [x, y] = v;
  if (!v.every((n) => typeof n === "number" && Number.isFinite(n)) || typeof x !== "number" || typeof y !== "number") {
    issues.push({ path, message: "coordinates must be finite numbers" });
    return null;
  }
  return [x, y];
}

function positions(v: unknown, path: string, issues: GeoIssue[], counter: { n: number }): Position[] | null {
  if (!Array.isArray(v)) {
    issues.push({ path, message: "expected an array of positions" });
    return null;
  }
  const out = v.map((p, i) => position(p, `${path}.${i}`, issues, counter));
  return out.every((p) => p !== null) ? out : null;
}

function polygon(v: unknown, path: string, issues: GeoIssue[], counter: { n: number }): Position[][] | null {
  if (!Array.isArray(v) || v.length === 0) {
    issues.push({ path, message: "a polygon is an array of linear rings (outer ring first, then holes)" });
    return null;
  }
  const rings = v.map((r, i) => {
    const ringPath = `${path}.${i}`;
    const ring = positions(r, ringPath, issues, counter);
    if (!ring) return null;
    if (ring.length < 4) {
      issues.push({ path: ringPath, message: `a linear ring needs at least 4 positions (got ${ring.length})` });
      return null;
    }
    const first = ring[0];
    const last = ring.at(-1);
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      issues.push({ path: ringPath, message: "the ring is not closed: its last position must equal its first" });
      return null;
    }
    return ring;
  });
  return rings.every((r) => r !== null) ? rings : null;
}
