/**
 * The GeoJSON geometries the land bank stores (RFC 7946): Point, LineString, Polygon and
 * MultiPolygon. Positions are [x, y] (a third value, height, is dropped on input).
 */
export type Position = [number, number];
export interface Point {
  type: "Point";
  coordinates: Position;
}
export interface LineString {
  type: "LineString";
  coordinates: Position[];
}
export interface Polygon {
  type: "Polygon";
  coordinates: Position[][];
}
export interface MultiPolygon {
  type: "MultiPolygon";
  coordinates: Position[][][];
}
export type Geometry = Point | LineString | Polygon | MultiPolygon;
export const GEOMETRY_TYPES = ["Point", "LineString", "Polygon", "MultiPolygon"] as const;

export interface GeoIssue {
  /** Where in the geometry, e.g. "coordinates.0.3" (ring 0, position 3). */
  path: string;
  message: string;
}

/** Applies `fn` to every position, keeping the shape. */
export function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  switch (g.type) {
    case "Point":
      return { type: "Point", coordinates: fn(g.coordinates) };
    case "LineString":
      return { type: "LineString", coordinates: g.coordinates.map(fn) };
    case "Polygon":
      return { type: "Polygon", coordinates: g.coordinates.map((r) => r.map(fn)) };
    case "MultiPolygon":
      return { type: "MultiPolygon", coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) };
  }
}

/** Every position with its path, for validation messages. */
export function positionsWithPaths(g: Geometry): { path: string; position: Position }[] {
  switch (g.type) {
    case "Point":
      return [{ path: "coordinates", position: g.coordinates }];
    case "LineString":
      return g.coordinates.map((p, i) => ({ path: `coordinates.${i}`, position: p }));
    case "Polygon":
      return g.coordinates.flatMap((r, i) => r.map((p, j) => ({ path: `coordinates.${i}.${j}`, position: p })));
    case "MultiPolygon":
      return g.coordinates.flatMap((poly, k) =>
        poly.flatMap((r, i) => r.map((p, j) => ({ path: `coordinates.${k}.${i}.${j}`, position: p }))),
      );
  }
}

export function vertexCount(g: Geometry): number {
  return positionsWithPaths(g).length;
}
