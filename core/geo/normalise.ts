import { isRecord } from "../guards.js";
import { type CrsId, isProjected, parseCrs, SUPPORTED_CRS } from "./crs.js";
import { type GeoIssue, type Geometry, positionsWithPaths } from "./geojson.js";
import { DEFAULT_MAX_VERTICES, parseGeometry } from "./parse-geometry.js";
import { toWgs84 } from "./transform.js";

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];
/** Mainland Norway, Svalbard and a margin: a sanity check that catches swapped axes. */
export const NORWAY_BBOX: BBox = [-1, 56, 35, 82];

export interface NormaliseOptions {
  /** Declared CRS ("EPSG:25832" …). Wins over a GeoJSON `crs` member; without either, detected. */
  crs?: string | null;
  maxVertices?: number;
  /** Refuse geometry outside this box (after conversion to WGS84). */
  within?: BBox;
}

export type NormaliseResult = { ok: true; geometry: Geometry; sourceCrs: CrsId; detected: boolean } | { ok: false; issues: GeoIssue[] };

/** Plausible UTM coordinates in Norway: eastings in zone 33 run negative in the west (Bergen ≈ −32 000). */
const UTM_EASTING: [number, number] = [-1_000_000, 2_000_000];
const UTM_NORTHING: [number, number] = [0, 10_000_000];

/**
 * Validates GeoJSON in any supported CRS and returns it as WGS84 (EPSG:4326). The CRS is the
 * declared one, else the GeoJSON `crs` member (the 2008 spec's `{"type":"name",...}`), else
 * detected: coordinates that all fit longitude/latitude are EPSG:4326; metre-sized coordinates
 * must be declared, because zone 32 and 33 cannot be told apart from the numbers.
 */
export function normaliseGeometry(input: unknown, options: NormaliseOptions = {}): NormaliseResult {
  const member = crsMember(input);
  const declaredRaw = options.crs ?? member;
  let declared: CrsId | null = null;
  if (declaredRaw) {
    const parsed = parseCrs(declaredRaw);
    if (!parsed.ok) return { ok: false, issues: [{ path: "crs", message: parsed.message }] };
    declared = parsed.crs;
    if (options.crs && member) {
      const m = parseCrs(member);
      if (m.ok && m.crs !== declared)
        return { ok: false, issues: [{ path: "crs", message: `crs ${declared} contradicts the geometry's own crs member (${m.crs})` }] };
    }
  }
  const parsed = parseGeometry(input, options.maxVertices ?? DEFAULT_MAX_VERTICES);
  if (!parsed.ok) return parsed;
  const looksLikeDegrees = positionsWithPaths(parsed.geometry).every(({ position: [x, y] }) => Math.abs(x) <= 180 && Math.abs(y) <= 90);
  const crs: CrsId | null = declared ?? (looksLikeDegrees ? "EPSG:4326" : null);
  if (!crs)
    return {
      ok: false,
      issues: [
        {
          path: "crs",
          message: `the coordinates are not longitude/latitude degrees; declare the coordinate system (${SUPPORTED_CRS.filter(isProjected).join(" or ")} for EUREF89 UTM metres)`,
        },
      ],
    };
  if (isProjected(crs) && looksLikeDegrees)
    return {
      ok: false,
      issues: [
        { path: "crs", message: `the coordinates look like degrees, not ${crs} metres; declare EPSG:4326 if they are longitude/latitude` },
      ],
    };
  const rangeIssues = checkRanges(parsed.geometry, crs);
  if (rangeIssues.length > 0) return { ok: false, issues: rangeIssues };
  const geometry = toWgs84(parsed.geometry, crs);
  const outside = options.within ? checkWithin(geometry, options.within) : [];
  if (outside.length > 0) return { ok: false, issues: outside };
  return { ok: true, geometry, sourceCrs: crs, detected: declared === null };
}

function crsMember(input: unknown): string | null {
  if (!isRecord(input) || !isRecord(input.crs) || !isRecord(input.crs.properties)) return null;
  const name = input.crs.properties.name;
  return typeof name === "string" ? name : null;
}

function checkRanges(g: Geometry, crs: CrsId): GeoIssue[] {
  const issues: GeoIssue[] = [];
  for (const {
    path,
    position: [x, y],
  } of positionsWithPaths(g)) {
    if (crs === "EPSG:4326") {
      if (x < -180 || x > 180) issues.push({ path, message: `longitude ${x} is outside −180…180` });
      if (y < -90 || y > 90) issues.push({ path, message: `latitude ${y} is outside −90…90` });
    } else {
      if (x < UTM_EASTING[0] || x > UTM_EASTING[1]) issues.push({ path, message: `easting ${x} is not a plausible ${crs} easting` });
      if (y < UTM_NORTHING[0] || y > UTM_NORTHING[1]) issues.push({ path, message: `northing ${y} is not a plausible ${crs} northing` });
    }
    if (issues.length >= 10) break;
  }
  return issues;
}

function checkWithin(g: Geometry, [w, s, e, n]: BBox): GeoIssue[] {
  for (const {
    path,
    position: [lon, lat],
  } of positionsWithPaths(g)) {
    if (lon < w || lon > e || lat < s || lat > n)
      return [
        {
          path,
          message: `position (longitude ${lon}, latitude ${lat}) lies outside the expected area ${w}…${e}° E, ${s}…${n}° N; are longitude and latitude (or easting and northing) swapped, or is the coordinate system wrong?`,
        },
      ];
  }
  return [];
}
