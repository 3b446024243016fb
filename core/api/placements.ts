/** LIA and other school–business placements: shapes and routes. */
import { z } from "zod";
import { isValidOrgnr, normalizeOrgnr } from "../logs/orgnr.js";
import { normalizeSchoolYear } from "../logs/school-year.js";
import { idParams } from "./common.js";
import { defineRoute } from "./route.js";

export const SECTORS = ["private", "municipal", "state", "voluntary"] as const;
export type Sector = (typeof SECTORS)[number];

export const schoolYearSchema = z
  .string()
  .transform((s, ctx) => {
    const id = normalizeSchoolYear(s);
    if (!id) ctx.addIssue({ code: "custom", message: 'a school year, e.g. "2016/17"' });
    return id ?? s;
  })
  .describe('School year, e.g. "2016/17" (1 August – 31 July)');

export const orgnrSchema = z
  .string()
  .transform((s) => normalizeOrgnr(s))
  .refine(isValidOrgnr, "not a valid organisation number (9 digits with a modulus-11 check digit)");

const fields = {
  schoolYear: schoolYearSchema,
  companyName: z.string().trim().min(1).max(300),
  orgnr: orgnrSchema.nullable(),
  sector: z.enum(SECTORS),
  school: z.string().trim().min(1).max(300).nullable(),
  placements: z.number().int().min(1).max(100_000),
};

export const createPlacementSchema = z
  .object({ ...fields, orgnr: fields.orgnr.default(null), school: fields.school.default(null) })
  .strict();
export type CreatePlacementInput = z.input<typeof createPlacementSchema>;

export const updatePlacementSchema = z.object(fields).partial().strict();
export type UpdatePlacementInput = z.infer<typeof updatePlacementSchema>;

export const placementViewSchema = z.object({
  id: z.string(),
  schoolYear: z.string(),
  companyName: z.string(),
  orgnr: z.string().nullable(),
  sector: z.enum(SECTORS),
  school: z.string().nullable(),
  placements: z.number(),
  batchId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlacementView = z.infer<typeof placementViewSchema>;

export const placementQuerySchema = z.object({
  schoolYear: schoolYearSchema.optional(),
  sector: z.enum(SECTORS).optional(),
});
export type PlacementQuery = z.infer<typeof placementQuerySchema>;

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

const tags = ["placements"] as const;

export const placementRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/placements",
    tags,
    summary: "LIA and other school–business placements (signed in)",
    query: placementQuerySchema,
    response: z.array(placementViewSchema),
  }),
  totals: defineRoute({
    method: "GET",
    path: "/api/placements/totals",
    tags,
    summary: "Placements per school year, in total and by sector (aggregates; public)",
    query: z.object({ from: schoolYearSchema.optional(), to: schoolYearSchema.optional() }),
    response: totalsSchema,
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/placements/:id",
    tags,
    summary: "A placement row (signed in)",
    params: idParams,
    response: placementViewSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/placements",
    tags,
    summary: "Record placements",
    body: createPlacementSchema,
    response: placementViewSchema,
    status: 201,
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/placements/:id",
    tags,
    summary: "Edit a placement row",
    params: idParams,
    body: updatePlacementSchema,
    response: placementViewSchema,
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/placements/:id",
    tags,
    summary: "Delete a placement row",
    params: idParams,
    status: 204,
  }),
};
