/**
 * The land bank's map without a tile server: area outlines (GeoJSON, WGS84) drawn over a plain
 * background. Projection: equirectangular with the longitude scaled by cos(latitude) at the middle
 * of the shapes' bounding box, so at Bærum's 60° N a kilometre east is as long on screen as a
 * kilometre north. Fitted to the bounding box with padding, drawn 1:1 at the container's width.
 * Pure and unit-tested.
 */
import { pairwise } from "../../../core/guards.js";

/** [longitude, latitude], possibly followed by a height. */
export type Position = readonly [number, number, ...number[]];

export interface MapGeometry {
  type: string;
  coordinates: readonly unknown[];
}

export interface MapInput {
  key: string;
  name: string;
  geometry: MapGeometry | null;
}

export interface MapShape {
  key: string;
  name: string;
  kind: "polygon" | "line" | "point";
  /** SVG path data for polygons (rings, holes with evenodd) and lines; empty for points. */
  d: string;
  /** Points (Point geometries) in screen coordinates. */
  points: { x: number; y: number }[];
  /** Where the name goes: the centre of the largest ring (or the point/line middle). */
  label: { x: number; y: number };
  /** Screen bounding box of the shape. */
  box: { x0: number; y0: number; x1: number; y1: number };
}

export interface MapLayout {
  width: number;
  height: number;
  shapes: MapShape[];
  /** A scale bar: its length in px and in metres. */
  scale: { px: number; metres: number } | null;
}

/** Metres per degree of latitude (mean; enough for a scale bar). */
const M_PER_DEG = 111_320;
/** The smallest span drawn (≈ 300 m), so a single point or a tiny area is not blown up. */
const MIN_SPAN_DEG = 0.003;

function isPos(v: unknown): v is Position {
  return Array.isArray(v) && v.length >= 2 && typeof v[0] === "number" && typeof v[1] === "number";
}

/** Polygons as lists of rings, lines as lists of positions, and points, from any supported geometry. */
export function partsOf(g: MapGeometry): { polygons: Position[][][]; lines: Position[][]; points: Position[] } {
  const polygons: Position[][][] = [];
  const lines: Position[][] = [];
  const points: Position[] = [];
  const c = g.coordinates;
  const rings = (v: unknown): Position[][] => (Array.isArray(v) ? v.map((r) => (Array.isArray(r) ? r.filter(isPos) : [])) : []);
  switch (g.type) {
    case "Polygon":
      polygons.push(rings(c));
      break;
    case "MultiPolygon":
      for (const p of c) polygons.push(rings(p));
      break;
    case "LineString":
      lines.push(c.filter(isPos));
      break;
    case "Point":
      if (isPos(c)) points.push(c);
      break;
  }
  return { polygons, lines, points };
}

function allPositions(g: MapGeometry): Position[] {
  const { polygons, lines, points } = partsOf(g);
  return [...polygons.flat(2), ...lines.flat(), ...points];
}

/** Signed area and centroid of a ring in screen coordinates (vertex mean when degenerate). */
function ringCentroid(ring: { x: number; y: number }[]): { area: number; x: number; y: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const [p, q] of pairwise(ring)) {
    const cross = p.x * q.y - q.x * p.y;
    a += cross;
    cx += (p.x + q.x) * cross;
    cy += (p.y + q.y) * cross;
  }
  if (Math.abs(a) < 1e-9) {
    const n = Math.max(1, ring.length);
    return { area: 0, x: ring.reduce((s, p) => s + p.x, 0) / n, y: ring.reduce((s, p) => s + p.y, 0) / n };
  }
  return { area: Math.abs(a / 2), x: cx / (3 * a), y: cy / (3 * a) };
}

/** A "nice" length (1, 2 or 5 × 10^n metres) near `metres`. */
export function niceMetres(metres: number): number {
  if (!(metres > 0)) return 0;
  const mag = 10 ** Math.floor(Math.log10(metres));
  const n = metres / mag;
  return (n < 2 ? 1 : n < 5 ? 2 : 5) * mag;
}

export function layoutMap(
  areas: readonly MapInput[],
  width: number,
  options: { pad?: number; minHeight?: number; maxHeight?: number } = {},
): MapLayout {
  const pad = options.pad ?? 24;
  const minHeight = options.minHeight ?? 220;
  const maxHeight = options.maxHeight ?? 560;
  const drawn = areas.filter((a): a is MapInput & { geometry: MapGeometry } => a.geometry !== null);
  const positions = drawn.flatMap((a) => allPositions(a.geometry));
  if (positions.length === 0) return { width, height: minHeight, shapes: [], scale: null };

  const { minLon, maxLat, spanX, spanY, k } = boundingBox(positions);
  const innerW = Math.max(1, width - 2 * pad);
  const height = Math.round(Math.min(maxHeight, Math.max(minHeight, (spanY / spanX) * innerW + 2 * pad)));
  const innerH = height - 2 * pad;
  const s = Math.min(innerW / spanX, innerH / spanY);
  const offX = pad + (innerW - spanX * s) / 2;
  const offY = pad + (innerH - spanY * s) / 2;
  const project = (p: Position) => ({ x: offX + (p[0] - minLon) * k * s, y: offY + (maxLat - p[1]) * s });
  const shapes = drawn.map((a) => shapeOf(a, project));

  // Scale bar about a quarter of the width.
  const metresPerPx = M_PER_DEG / s;
  const metres = niceMetres((innerW / 4) * metresPerPx);
  return { width, height, shapes, scale: metres > 0 ? { px: metres / metresPerPx, metres } : null };
}

/**
 * The shapes' bounding box, widened to at least MIN_SPAN_DEG each way (in ground distance), with
 * its spans in "northing degrees" and k, the cosine of its middle latitude that scales longitude.
 */
function boundingBox(positions: readonly Position[]): { minLon: number; maxLat: number; spanX: number; spanY: number; k: number } {
  let minLon = Math.min(...positions.map((p) => p[0]));
  let maxLon = Math.max(...positions.map((p) => p[0]));
  let minLat = Math.min(...positions.map((p) => p[1]));
  let maxLat = Math.max(...positions.map((p) => p[1]));
  const lat0 = (minLat + maxLat) / 2;
  const k = Math.cos((lat0 * Math.PI) / 180);
  // Widen a too-small box around its middle (in ground distance).
  if (maxLat - minLat < MIN_SPAN_DEG) {
    const mid = (minLat + maxLat) / 2;
    minLat = mid - MIN_SPAN_DEG / 2;
    maxLat = mid + MIN_SPAN_DEG / 2;
  }
  if ((maxLon - minLon) * k < MIN_SPAN_DEG) {
    const mid = (minLon + maxLon) / 2;
    minLon = mid - MIN_SPAN_DEG / 2 / k;
    maxLon = mid + MIN_SPAN_DEG / 2 / k;
  }
  return { minLon, maxLat, spanX: (maxLon - minLon) * k, spanY: maxLat - minLat, k };
}

/** One area on screen: its path, points, bounding box and where its name goes. */
function shapeOf(a: MapInput & { geometry: MapGeometry }, project: (p: Position) => { x: number; y: number }): MapShape {
  const f = (n: number) => n.toFixed(1);
  const { polygons, lines, points } = partsOf(a.geometry);
  const screenPolys = polygons.map((rings) => rings.map((r) => r.map(project)));
  const screenLines = lines.map((l) => l.map(project));
  const screenPoints = points.map(project);
  const d = [
    ...screenPolys.flatMap((rings) => rings.filter((r) => r.length > 0).map((r) => `M${r.map((p) => `${f(p.x)},${f(p.y)}`).join("L")}Z`)),
    ...screenLines.filter((l) => l.length > 0).map((l) => `M${l.map((p) => `${f(p.x)},${f(p.y)}`).join("L")}`),
  ].join("");
  const all = [...screenPolys.flat(2), ...screenLines.flat(), ...screenPoints];
  const box = {
    x0: Math.min(...all.map((p) => p.x)),
    y0: Math.min(...all.map((p) => p.y)),
    x1: Math.max(...all.map((p) => p.x)),
    y1: Math.max(...all.map((p) => p.y)),
  };
  let label = { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 };
  const outer = screenPolys.map((rings) => rings[0]).filter((r): r is { x: number; y: number }[] => !!r && r.length > 2);
  if (outer.length > 0) {
    const best = outer.map(ringCentroid).sort((p, q) => q.area - p.area)[0];
    if (best) label = { x: best.x, y: best.y };
  }
  const kind = screenPolys.length > 0 ? "polygon" : screenLines.length > 0 ? "line" : "point";
  return { key: a.key, name: a.name, kind, d, points: screenPoints, label, box };
}
