import { isOneOf } from "../guards.js";

/**
 * Coordinate reference systems the land bank accepts. Geometry is stored in WGS84 (EPSG:4326,
 * longitude/latitude in degrees, GeoJSON order); input may also be EUREF89 / ETRS89 UTM zone 32
 * or 33 (EPSG:25832, EPSG:25833), what Norwegian municipalities and Kartverket deliver.
 */
export const SUPPORTED_CRS = ["EPSG:4326", "EPSG:25832", "EPSG:25833"] as const;
export type CrsId = (typeof SUPPORTED_CRS)[number];

/**
 * PROJ strings (as `projinfo EPSG:25832 -o PROJ` prints them). EUREF89 (ETRS89) and WGS84 are
 * taken as identical: EPSG's own "ETRS89 to WGS 84 (1)" is a null transformation (stated
 * accuracy 1 m), which is also what PROJ's cs2cs applies. The conversion itself (inverse
 * transverse Mercator on GRS80) agrees with cs2cs to well under a millimetre.
 */
export const PROJ_DEFINITIONS: Record<CrsId, string> = {
  "EPSG:4326": "+proj=longlat +datum=WGS84 +no_defs",
  "EPSG:25832": "+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
  "EPSG:25833": "+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
};

export const CRS_LABELS: Record<CrsId, string> = {
  "EPSG:4326": "WGS84 (longitude, latitude in degrees)",
  "EPSG:25832": "EUREF89 UTM zone 32N (easting, northing in metres)",
  "EPSG:25833": "EUREF89 UTM zone 33N (easting, northing in metres)",
};

export function isProjected(crs: CrsId): boolean {
  return crs !== "EPSG:4326";
}

/** Spellings seen in the wild for the same three codes. */
const PATTERNS: [RegExp, (code: string) => string][] = [
  [/^epsg:(\d+)$/i, (c) => c],
  [/^urn:ogc:def:crs:epsg:[\d.]*:(\d+)$/i, (c) => c],
  [/^https?:\/\/www\.opengis\.net\/def\/crs\/epsg\/[\d.]+\/(\d+)$/i, (c) => c],
  [/^(\d+)$/, (c) => c],
];

export type CrsParse = { ok: true; crs: CrsId } | { ok: false; message: string };

/**
 * Reads a CRS name: "EPSG:25832", "25832", "urn:ogc:def:crs:EPSG::25832",
 * "http://www.opengis.net/def/crs/EPSG/0/25832". `OGC:CRS84` / "urn:ogc:def:crs:OGC:1.3:CRS84"
 * (longitude-first WGS84) is EPSG:4326 in GeoJSON order. Anything else is refused by name.
 */
export function parseCrs(raw: string): CrsParse {
  const s = raw.trim();
  if (/^(ogc:)?crs:?84$/i.test(s) || /^urn:ogc:def:crs:ogc:[\d.]*:crs84$/i.test(s)) return { ok: true, crs: "EPSG:4326" };
  for (const [re, code] of PATTERNS) {
    const m = s.match(re);
    if (!m?.[1]) continue;
    const id = `EPSG:${code(m[1])}`;
    if (isOneOf(SUPPORTED_CRS, id)) return { ok: true, crs: id };
    return { ok: false, message: unsupportedMessage(s) };
  }
  return { ok: false, message: unsupportedMessage(s) };
}

export function unsupportedMessage(raw: string): string {
  return `Coordinate system "${raw}" is not supported; use one of ${SUPPORTED_CRS.map((c) => `${c} (${CRS_LABELS[c]})`).join(", ")}`;
}
