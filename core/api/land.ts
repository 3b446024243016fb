/** The land bank (næringsarealer), rezoning applications and supply against demand: shapes and routes. */
import { z } from "zod";
import { GEOMETRY_TYPES } from "../geo/geojson.js";
import { LAND_AREA_STATUSES, REZONING_STATUSES } from "../land/vocabulary.js";
import { idParams } from "./common.js";
import { defineRoute } from "./route.js";

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
export const landAreaKey = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, "keys are lower-case letters, digits, '.', '_' or '-'");
const m2 = z.number().finite().min(0, "square metres cannot be negative").max(1e9).nullable();
const text = (max: number) => z.string().trim().min(1).max(max).nullable();

export const landAreaStatus = z.enum(LAND_AREA_STATUSES);

/** GeoJSON as sent: checked by core/geo (shape, closed rings, ranges) after the CRS is known. */
const geometryInput = z
  .record(z.string(), z.unknown())
  .nullable()
  .describe("GeoJSON Point, LineString, Polygon or MultiPolygon (or a Feature holding one) in the CRS given by `crs`");
const crsInput = z
  .string()
  .max(100)
  .nullable()
  .describe(
    'Coordinate system of `geometry`: "EPSG:4326" (WGS84 lon/lat), "EPSG:25832" or "EPSG:25833" (EUREF89 UTM 32/33). Detected as EPSG:4326 when omitted and the numbers are degrees.',
  );

const landAreaFields = {
  name: z.string().trim().min(1).max(200),
  centre: text(200).describe("The centre (senter) the area belongs to, e.g. Sandvika"),
  zoning: text(500).describe("Zoning (reguleringsformål / plan reference) as the planning office writes it"),
  totalM2: m2.describe("Total floor space for business use the area can hold, m² BRA (built and unbuilt)"),
  availableM2: m2.describe("Floor space that can be built now (zoned, not yet built), m² BRA"),
  plannedM2: m2.describe("Further floor space in plans under way (not yet zoned), m² BRA"),
  status: landAreaStatus.nullable(),
  geometry: geometryInput,
  crs: crsInput,
  source: text(500),
  note: text(4000),
};

export const createLandAreaSchema = z
  .object({
    key: landAreaKey,
    name: landAreaFields.name,
    centre: landAreaFields.centre.default(null),
    zoning: landAreaFields.zoning.default(null),
    totalM2: landAreaFields.totalM2.default(null),
    availableM2: landAreaFields.availableM2.default(null),
    plannedM2: landAreaFields.plannedM2.default(null),
    status: landAreaFields.status.default(null),
    geometry: landAreaFields.geometry.default(null),
    crs: landAreaFields.crs.default(null),
    source: landAreaFields.source.default(null),
    note: landAreaFields.note.default(null),
  })
  .strict();
export type CreateLandAreaInput = z.input<typeof createLandAreaSchema>;

export const updateLandAreaSchema = z.object(landAreaFields).partial().strict();
export type UpdateLandAreaInput = z.infer<typeof updateLandAreaSchema>;

export const geometryView = z
  .object({ type: z.enum(GEOMETRY_TYPES), coordinates: z.array(z.unknown()) })
  .describe("GeoJSON in WGS84 (EPSG:4326), longitude first");

export const landAreaView = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  centre: z.string().nullable(),
  zoning: z.string().nullable(),
  totalM2: z.number().nullable(),
  availableM2: z.number().nullable(),
  plannedM2: z.number().nullable(),
  status: landAreaStatus.nullable(),
  geometry: geometryView.nullable(),
  siteAreaM2: z.number().nullable().describe("Area of the geometry on the GRS80 ellipsoid, m² (null without a polygon)"),
  source: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LandAreaView = z.infer<typeof landAreaView>;

export const landAreaListQuery = z.object({
  status: landAreaStatus.optional(),
  geometry: z.enum(["true", "false"]).default("true").describe("false leaves geometries out of the list"),
});

export const keyParams = z.object({ key: z.string().min(1).max(80) });

// Rezoning applications (omregulering fra næring til bolig)

export const rezoningStatus = z.enum(REZONING_STATUSES);

const rezoningFields = {
  caseId: z.string().trim().min(1).max(80).describe("Case number (saksnummer), e.g. 17/01234"),
  title: z.string().trim().min(1).max(500),
  fromUse: z.string().trim().min(1).max(200),
  toUse: z.string().trim().min(1).max(200),
  areaM2: m2.describe("Land area the application covers, m²"),
  receivedDate: isoDate,
  decisionDate: isoDate.nullable(),
  status: rezoningStatus,
  landAreaKey: landAreaKey.nullable().describe("The land area it concerns, when known"),
};

export const createRezoningSchema = z
  .object({
    ...rezoningFields,
    fromUse: rezoningFields.fromUse.default("næringsformål"),
    toUse: rezoningFields.toUse.default("boligformål"),
    areaM2: rezoningFields.areaM2.default(null),
    decisionDate: rezoningFields.decisionDate.default(null),
    status: rezoningFields.status.default("received"),
    landAreaKey: rezoningFields.landAreaKey.default(null),
  })
  .strict();
export type CreateRezoningInput = z.input<typeof createRezoningSchema>;

export const updateRezoningSchema = z.object(rezoningFields).partial().strict();
export type UpdateRezoningInput = z.infer<typeof updateRezoningSchema>;

export const rezoningView = z.object({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  fromUse: z.string(),
  toUse: z.string(),
  areaM2: z.number().nullable(),
  receivedDate: z.string(),
  decisionDate: z.string().nullable(),
  status: rezoningStatus,
  landArea: z.object({ key: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type RezoningView = z.infer<typeof rezoningView>;

export const rezoningListQuery = z.object({ status: rezoningStatus.optional(), landArea: landAreaKey.optional() });

// Supply against demand

const coverage = z.enum(["yes", "no", "unknown"]);

export const supplyQuery = z.object({
  plan: z.string().min(1).max(100).optional().describe("Plan key whose demand figures to use (default: the newest public plan with them)"),
});

export const supplyReportView = z.object({
  plan: z.object({ key: z.string(), title: z.string() }).nullable(),
  areas: z.object({
    count: z.number(),
    unknownAvailable: z.number().describe("Areas without an available figure (counted as unknown, not as 0)"),
    unknownPlanned: z.number(),
    unknownBoth: z.number(),
  }),
  byStatus: z.array(z.object({ status: z.string(), count: z.number(), availableM2: z.number(), plannedM2: z.number() })),
  supply: z.object({
    availableM2: z.number(),
    plannedM2: z.number(),
    totalM2: z.number().describe("available + planned over the areas that state them"),
    isLowerBound: z.boolean().describe("true when some areas have no figure"),
  }),
  demand: z.object({
    perYear: z.object({ m2: z.number(), targetKey: z.string(), text: z.string(), approximate: z.boolean() }).nullable(),
    horizon: z
      .object({
        minM2: z.number(),
        maxM2: z.number(),
        start: z.string(),
        end: z.string(),
        years: z.number(),
        targetKey: z.string(),
        text: z.string(),
        approximate: z.boolean(),
      })
      .nullable(),
  }),
  comparison: z.object({
    yearsOfAnnualDemand: z.number().nullable().describe("supply / yearly demand"),
    gapToMinM2: z.number().nullable().describe("max(0, horizon minimum − supply)"),
    gapToMaxM2: z.number().nullable(),
    gapIsUpperBound: z.boolean(),
    coversMin: coverage,
    coversMax: coverage,
  }),
});
export type SupplyReport = z.infer<typeof supplyReportView>;

/** The land bank's own CSV import summary (`rowsRead`). */
export const landImportResult = z.object({
  batchId: z.string(),
  encoding: z.string(),
  rowsRead: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});

// --- routes ---------------------------------------------------------------------------------

const tags = ["land bank"] as const;

export const landRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/land-bank/areas",
    tags,
    summary: "Business land areas with figures and WGS84 geometry (public)",
    query: landAreaListQuery,
    response: z.array(landAreaView),
  }),
  exportCsv: defineRoute({
    method: "GET",
    path: "/api/land-bank/areas.csv",
    tags,
    summary: "The land bank as CSV (semicolon, UTF-8 with BOM; geometry as GeoJSON text in EPSG:4326)",
    produces: ["text/csv"],
  }),
  supply: defineRoute({
    method: "GET",
    path: "/api/land-bank/supply",
    tags,
    summary: "Supply (available + planned m²) against the plan's demand for new commercial floor space (public)",
    query: supplyQuery,
    response: supplyReportView,
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/land-bank/areas/:key",
    tags,
    summary: "One land area (public)",
    params: keyParams,
    response: landAreaView,
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/land-bank/areas",
    tags,
    summary: "Register a land area; geometry in EPSG:4326, 25832 or 25833 is stored as WGS84",
    body: createLandAreaSchema,
    response: landAreaView,
    status: 201,
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/land-bank/areas/:key",
    tags,
    summary: "Edit a land area (send crs with geometry when it is not WGS84; geometry null clears it)",
    params: keyParams,
    body: updateLandAreaSchema,
    response: landAreaView,
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/land-bank/areas/:key",
    tags,
    summary: "Delete a land area (linked rezoning applications are kept, unlinked)",
    params: keyParams,
    status: 204,
  }),
};

export const rezoningRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/land-bank/rezoning-applications",
    tags,
    summary: "Rezoning applications (business → housing), newest first; signed-in users",
    query: rezoningListQuery,
    response: z.array(rezoningView),
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/land-bank/rezoning-applications/:id",
    tags,
    summary: "One rezoning application; signed-in users",
    params: idParams,
    response: rezoningView,
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/land-bank/rezoning-applications",
    tags,
    summary: "Register a rezoning application, linked to a land area by key when known",
    body: createRezoningSchema,
    response: rezoningView,
    status: 201,
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/land-bank/rezoning-applications/:id",
    tags,
    summary: "Edit a rezoning application (status, decision date, link …)",
    params: idParams,
    body: updateRezoningSchema,
    response: rezoningView,
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/land-bank/rezoning-applications/:id",
    tags,
    summary: "Delete a rezoning application",
    params: idParams,
    status: 204,
  }),
};
