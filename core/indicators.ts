import { z } from "zod";
import { stableKeySchema } from "./targets/spec.js";
import { AGGREGATIONS, PREFERRED_TRENDS, SOURCE_KINDS, UPDATE_FREQUENCIES, VALUE_FORMATS, VALUE_STATUS_CODES } from "./vocabulary.js";

export { AGGREGATIONS, PREFERRED_TRENDS, SOURCE_KINDS, UPDATE_FREQUENCIES, VALUE_FORMATS, VALUE_STATUS_CODES };

export const localizedTextSchema = z.object({ nb: z.string().min(1), en: z.string().min(1) });
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const indicatorValueSchema = z
  .object({
    period: z.string().min(1),
    value: z.number().nullable(),
    status: z.enum(VALUE_STATUS_CODES).optional(),
    /** Stated source, e.g. "Oxford Research 2013" or "Enhetsregisteret". */
    source: z.string().min(1),
    /** Table, file or report the value came from. */
    table: z.string().optional(),
    /** True when the period was not stated by the source and is an assumption. */
    periodApproximate: z.boolean().optional(),
    note: z.string().optional(),
  })
  .refine((v) => v.value !== null || v.status !== undefined, {
    message: "a missing value needs a status code",
    path: ["status"],
  });

export const indicatorSchema = z.object({
  key: stableKeySchema,
  name: localizedTextSchema,
  /** Unit code, e.g. "count", "visits", "weeks", "percent", "nok_million", "rank", "m2". */
  unit: z.string().min(1),
  format: z.enum(VALUE_FORMATS).default("decimal"),
  aggregation: z.enum(AGGREGATIONS).default("last"),
  preferredTrend: z.enum(PREFERRED_TRENDS).default("up"),
  updateFrequency: z.enum(UPDATE_FREQUENCIES).default("yearly"),
  sourceKind: z.enum(SOURCE_KINDS).default("manual"),
  definition: localizedTextSchema.optional(),
  values: z.array(indicatorValueSchema).default([]),
});

export type IndicatorDoc = z.infer<typeof indicatorSchema>;
export type IndicatorValueDoc = z.infer<typeof indicatorValueSchema>;
export type Aggregation = (typeof AGGREGATIONS)[number];

/** A value as the evaluator sees it. */
export interface SeriesValue {
  period: string;
  value: number | null;
  status?: string;
  source?: string;
}
