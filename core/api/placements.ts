/** LIA and other school–business placements: shapes and routes, derived from the log's descriptor (core/logs/descriptors/placements.ts). */
import { z } from "zod";
import type { QueryOf, ViewOf } from "../logs/descriptor.js";
import { type placementsLog as log, placementsLog, SECTORS } from "../logs/descriptors/placements.js";
import { createSchemaOf, logRoutesOf, schoolYearSchema, updateSchemaOf, viewSchemaOf } from "../logs/log-schemas.js";
import { defineRoute } from "./route.js";

export { SECTORS, type Sector } from "../logs/descriptors/placements.js";
export { orgnrSchema, schoolYearSchema } from "../logs/log-schemas.js";

export const createPlacementSchema = createSchemaOf(placementsLog);
export type CreatePlacementInput = z.input<typeof createPlacementSchema>;
export const updatePlacementSchema = updateSchemaOf(placementsLog);
export type UpdatePlacementInput = z.infer<typeof updatePlacementSchema>;
export const placementViewSchema = viewSchemaOf(placementsLog);
export type PlacementView = ViewOf<typeof log>;
export type PlacementQuery = QueryOf<typeof log>;

export const totalsSchema = z.array(
  z.object({
    schoolYear: z.string(),
    placements: z.number(),
    companies: z.number().describe("Distinct host companies (by organisation number, else name)"),
    bySector: z.array(z.object({ sector: z.enum(SECTORS), placements: z.number(), companies: z.number() })),
  }),
);
export type PlacementTotals = z.infer<typeof totalsSchema>;

// --- routes ---------------------------------------------------------------------------------

const crud = logRoutesOf(placementsLog);

export const placementRoutes = {
  ...crud,
  totals: defineRoute({
    method: "GET",
    path: "/api/placements/totals",
    tags: ["placements"],
    summary: "Placements per school year, in total and by sector (aggregates; public)",
    query: z.object({ from: schoolYearSchema.optional(), to: schoolYearSchema.optional() }),
    response: totalsSchema,
  }),
};
