import proj4, { type Converter } from "proj4";
import { type CrsId, PROJ_DEFINITIONS } from "./crs.js";
import { type Geometry, mapPositions, type Position } from "./geojson.js";

const converters = new Map<string, Converter>();

function converter(from: CrsId, to: CrsId): Converter {
  const id = `${from}>${to}`;
  let c = converters.get(id);
  if (!c) {
    // Built from the PROJ strings, not proj4's global registry, so nothing else can redefine them.
    c = proj4(PROJ_DEFINITIONS[from], PROJ_DEFINITIONS[to]);
    converters.set(id, c);
  }
  return c;
}

/** Converts one position [x, y] (GeoJSON order: easting/longitude first) between the supported CRSs. */
export function transformPosition(p: Position, from: CrsId, to: CrsId): Position {
  if (from === to) return [p[0], p[1]];
  const [x, y] = converter(from, to).forward([p[0], p[1]]);
  if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y))
    throw new Error(`cannot convert [${p[0]}, ${p[1]}] from ${from} to ${to}`);
  return [x, y];
}

/** Degrees are kept to 9 decimals (1e-9° ≈ 0.1 mm), metres to 4 (0.1 mm). */
export function roundPosition(p: Position, crs: CrsId): Position {
  const f = crs === "EPSG:4326" ? 1e9 : 1e4;
  return [Math.round(p[0] * f) / f, Math.round(p[1] * f) / f];
}

export function transformGeometry(g: Geometry, from: CrsId, to: CrsId): Geometry {
  return mapPositions(g, (p) => roundPosition(transformPosition(p, from, to), to));
}

/** The stored form: WGS84 longitude/latitude, rounded to 9 decimals. */
export function toWgs84(g: Geometry, from: CrsId): Geometry {
  return transformGeometry(g, from, "EPSG:4326");
}
