/** Shapes shared by many routes of the API contract. */
import { z } from "zod";

/** Every error body: a stable code, a message, and per-field details (CSV imports add the line). */
export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string(), line: z.number().optional() })).optional(),
});
export type ErrorBody = z.infer<typeof errorSchema>;
export type ErrorDetail = NonNullable<ErrorBody["details"]>[number];

export const idParams = z.object({ id: z.string().min(1).max(100) });
export const langQuery = z.object({ lang: z.enum(["nb", "en"]).default("nb") });
export const asOfQuery = z.object({
  lang: z.enum(["nb", "en"]).default("nb"),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe("Evaluate as of this date (default: today in Norway)"),
});
