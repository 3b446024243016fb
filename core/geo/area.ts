import proj4 from "proj4";
import { pairwise } from "../guards.js";
import type { Geometry, Position } from "./geojson.js";

/**
 * Area of a WGS84 Polygon or MultiPolygon in square metres, on the GRS80 ellipsoid.
 *
 * Method: each polygon is projected to a Lambert azimuthal equal-area projection (ellipsoidal
 * form, GRS80) centred on the polygon's bounding box, and its area is the planar shoelace area
 * there (outer ring minus holes). An equal-area projection preserves area exactly, so this is
 * the ellipsoidal area of the polygon; edges are first densified to steps of at most 0.001° so
 * that they follow straight lines in longitude/latitude, as RFC 7946 defines them. Checked in
 * core/geo/area.test.ts against the closed-form area of a latitude/longitude cell on GRS80 and
 * against a square laid out in UTM.
 *
 * Points and LineStrings have no area: null.
 */
export function geometryAreaM2(g: Geometry): number | null {
  switch (g.type) {
    case "Point":
    case "LineString":
      return null;
    case "Polygon":
      return polygonArea(g.coordinates);
    case "MultiPolygon":
      return g.coordinates.reduce((sum, p) => sum + polygonArea(p), 0);
  }
}

const MAX_STEP_DEG = 0.001;
const MAX_STEPS_PER_EDGE = 1000;

function polygonArea(rings: Position[][]): number {
  const all = rings.flat();
  if (all.length === 0) return 0;
  const lons = all.map((p) => p[0]);
  const lats = all.map((p) => p[1]);
  const lon0 = (Math.min(...lons) + Math.max(...lons)) / 2;
  const lat0 = (Math.min(...lats) + Math.max(...lats)) / 2;
  const laea = proj4(
    "+proj=longlat +ellps=GRS80 +no_defs",
    `+proj=laea +lat_0=${lat0} +lon_0=${lon0} +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs`,
  );
  const project = (p: Position): Position => {
    const [x, y] = laea.forward([p[0], p[1]]);
    return [x ?? Number.NaN, y ?? Number.NaN];
  };
  const [outer, ...holes] = rings.map((r) => Math.abs(shoelace(densify(r).map(project))));
  const area = (outer ?? 0) - holes.reduce((s, h) => s + h, 0);
  if (!Number.isFinite(area)) throw new Error("cannot compute the area of this polygon");
  return area;
}

/** Adds points along each edge so no step is longer than MAX_STEP_DEG in longitude or latitude. */
function densify(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [a, b] of pairwise(ring)) {
    const span = Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]));
    const steps = Math.min(MAX_STEPS_PER_EDGE, Math.max(1, Math.ceil(span / MAX_STEP_DEG)));
    for (let s = 0; s < steps; s++) out.push([a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps]);
  }
  const last = ring.at(-1);
  if (last) out.push(last);
  return out;
}

/** Signed planar area of a closed ring (counter-clockwise positive). */
function shoelace(ring: Position[]): number {
  let twice = 0;
  for (const [a, b] of pairwise(ring)) twice += a[0] * b[1] - b[0] * a[1];
  return twice / 2;
}
