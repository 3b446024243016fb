import { z } from "zod";
import { isValidOrgnr, normalizeOrgnr } from "../../../core/logs/orgnr.js";
import { normalizeSchoolYear } from "../../../core/logs/school-year.js";

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
