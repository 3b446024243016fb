/** Indicators: definitions, values with their provenance, and a plan's indicators with values. */
import { z } from "zod";
import {
  AGGREGATIONS,
  indicatorSchema,
  PREFERRED_TRENDS,
  SOURCE_KINDS,
  UPDATE_FREQUENCIES,
  VALUE_FORMATS,
  VALUE_STATUS_CODES,
} from "../indicators.js";
import { parsePeriod } from "../periods.js";
import { idParams } from "./common.js";
import { defineRoute } from "./route.js";

const localized = z.object({ nb: z.string(), en: z.string() });

export const indicatorViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: localized,
  unit: z.string(),
  format: z.enum(VALUE_FORMATS),
  aggregation: z.enum(AGGREGATIONS),
  preferredTrend: z.enum(PREFERRED_TRENDS),
  updateFrequency: z.enum(UPDATE_FREQUENCIES),
  sourceKind: z.enum(SOURCE_KINDS),
  definition: localized.nullable(),
  derived: z.boolean(),
});
export type IndicatorView = z.infer<typeof indicatorViewSchema>;

export const indicatorValueViewSchema = z.object({
  id: z.number(),
  areaCode: z.string(),
  period: z.string(),
  value: z.number().nullable(),
  status: z.string().nullable(),
  source: z.string(),
  table: z.string().nullable(),
  periodApproximate: z.boolean(),
  note: z.string().nullable(),
  fetchedAt: z.string().nullable(),
  recordedBy: z.string(),
  updatedAt: z.string(),
});
export type IndicatorValueView = z.infer<typeof indicatorValueViewSchema>;

export const indicatorDetailSchema = indicatorViewSchema.extend({ values: z.array(indicatorValueViewSchema) });
export type IndicatorDetail = z.infer<typeof indicatorDetailSchema>;

export const planIndicatorValueSchema = indicatorValueViewSchema.pick({
  period: true,
  value: true,
  status: true,
  source: true,
  table: true,
  periodApproximate: true,
  note: true,
});
export type PlanIndicatorValue = z.infer<typeof planIndicatorValueSchema>;

export const planIndicatorSchema = indicatorViewSchema.extend({ values: z.array(planIndicatorValueSchema) });
export type PlanIndicator = z.infer<typeof planIndicatorSchema>;

export const recordValueSchema = z
  .object({
    areaCode: z.string().regex(/^\d{4}$/, "a municipality number (4 digits), or 0000 for Norway"),
    period: z.string().refine((p) => parsePeriod(p) !== null, "not a period (e.g. 2017, 2017/18, 2017-T1, 2017-Q1, 2017-03, 2017-03-15)"),
    value: z.number().finite().nullable(),
    status: z.enum(VALUE_STATUS_CODES).optional(),
    source: z.string().min(1).max(300),
    table: z.string().max(300).optional(),
    note: z.string().max(2000).optional(),
    fetchedAt: z.string().datetime().optional(),
  })
  .strict()
  .refine((v) => v.value !== null || v.status !== undefined, { message: "a missing value needs a status code", path: ["status"] });
export type RecordValueInput = z.infer<typeof recordValueSchema>;

export const createIndicatorSchema = indicatorSchema.omit({ values: true });
export type CreateIndicatorInput = z.input<typeof createIndicatorSchema>;

// --- routes ---------------------------------------------------------------------------------

const tags = ["indicators"] as const;

export const indicatorRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/indicators",
    tags,
    summary: "Indicators; with `plan`, those the plan uses in its order",
    query: z.object({ plan: z.string().max(100).optional() }),
    response: z.array(indicatorViewSchema),
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/indicators/:id",
    tags,
    summary: "An indicator (by id or key) with its values and their provenance",
    params: idParams,
    query: z.object({
      area: z
        .string()
        .regex(/^\d{4}$/)
        .optional(),
    }),
    response: indicatorDetailSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/indicators",
    tags,
    summary: "Define an indicator",
    body: createIndicatorSchema,
    response: indicatorViewSchema,
    status: 201,
  }),
  recordValue: defineRoute({
    method: "POST",
    path: "/api/indicators/:id/values",
    tags,
    summary:
      "Record a value (replaces the value for the same municipality and period); editors, or a contributor the indicator is assigned to",
    params: idParams,
    body: recordValueSchema,
    response: indicatorValueViewSchema,
    status: 201,
  }),
  deleteValue: defineRoute({
    method: "DELETE",
    path: "/api/indicators/:id/values/:valueId",
    tags,
    summary: "Delete a value",
    params: z.object({ id: z.string().max(100), valueId: z.coerce.number<number | string>().int().positive() }),
    status: 204,
  }),
  forPlan: defineRoute({
    method: "GET",
    path: "/api/plans/:id/indicators",
    tags,
    summary: "The plan's indicators in plan order, with their values for the plan's municipality (derived ones computed)",
    params: idParams,
    response: z.array(planIndicatorSchema),
  }),
};
