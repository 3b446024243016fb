import { z } from "zod";
import { AGGREGATIONS, PREFERRED_TRENDS, SOURCE_KINDS, UPDATE_FREQUENCIES, VALUE_FORMATS } from "../../../core/indicators.js";
import { MEASURE_STATUSES } from "../../../core/plan/document.js";
import { TARGET_STATUSES } from "../../../core/targets/evaluate.js";

const explanation = z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])), text: z.string() });
const targetStatus = z.enum(TARGET_STATUSES);
const measureStatus = z.enum(MEASURE_STATUSES);

export const evaluatedTargetSchema = z.object({
  id: z.string(),
  key: z.string(),
  type: z.string(),
  text: z.string(),
  indicator: z.string().nullable(),
  spec: z.record(z.string(), z.unknown()),
  status: targetStatus,
  explanation,
  period: z.string().nullable(),
  latestAvailable: z.boolean(),
  periods: z.array(
    z.object({
      period: z.string(),
      status: targetStatus,
      explanation,
      actual: z.number().nullable(),
      expected: z.number().nullable(),
      baseline: z.boolean().optional(),
    }),
  ),
});

const counts = z.object({ measures: z.record(z.string(), z.number()), targets: z.record(z.string(), z.number()) });
const fact = z.object({ key: z.string(), group: z.string().optional(), text: z.string(), indicators: z.array(z.string()) });

export const planSummarySchema = z.object({
  id: z.string(),
  key: z.string(),
  title: z.string(),
  version: z.string(),
  status: z.enum(["draft", "adopted", "archived"]),
  municipality: z.object({ code: z.string(), name: z.string() }),
  period: z.object({ start: z.string(), end: z.string() }),
  previousVersionId: z.string().nullable(),
});

export const treeMeasureSchema = z.object({
  id: z.string(),
  key: z.string(),
  text: z.string(),
  period: z.object({ start: z.string(), end: z.string() }).nullable(),
  owner: z.string().nullable(),
  status: measureStatus,
  progress: z.number(),
  dueDate: z.string().nullable(),
  goals: z.array(z.string()),
  lastUpdate: z
    .object({ date: z.string(), status: measureStatus, progress: z.number(), comment: z.string(), author: z.string() })
    .nullable(),
  targets: z.array(evaluatedTargetSchema),
});

export const treeFocusAreaSchema = z.object({
  id: z.string(),
  key: z.string(),
  number: z.number(),
  title: z.string(),
  summary: z.string(),
  figure: z.object({ importance: z.number(), influence: z.number(), approximate: z.boolean(), note: z.string().nullable() }).nullable(),
  facts: z.array(fact),
  targets: z.array(evaluatedTargetSchema),
  goals: z.array(z.object({ id: z.string(), key: z.string(), text: z.string(), targets: z.array(evaluatedTargetSchema) })),
  measures: z.array(treeMeasureSchema),
  counts,
});

export const planTreeSchema = planSummarySchema.extend({
  asOf: z.string(),
  lang: z.enum(["nb", "en"]),
  formerCodes: z.array(z.string()),
  adoption: z.object({
    body: z.string().nullable(),
    date: z.string().nullable(),
    caseNumber: z.string().nullable(),
    note: z.string().nullable(),
  }),
  source: z.string().nullable(),
  introduction: z.string().nullable(),
  mainGoal: z.object({ text: z.string(), dimensions: z.array(z.object({ key: z.string(), title: z.string(), text: z.string() })) }),
  roles: z.array(z.object({ key: z.string(), text: z.string() })),
  analyses: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      source: z.string(),
      year: z.number().optional(),
      text: z.string().optional(),
      findings: z.array(fact),
    }),
  ),
  focusAreas: z.array(treeFocusAreaSchema),
  counts,
});

export const idParams = z.object({ id: z.string().min(1).max(100) });

export const indicatorViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.object({ nb: z.string(), en: z.string() }),
  unit: z.string(),
  format: z.enum(VALUE_FORMATS),
  aggregation: z.enum(AGGREGATIONS),
  preferredTrend: z.enum(PREFERRED_TRENDS),
  updateFrequency: z.enum(UPDATE_FREQUENCIES),
  sourceKind: z.enum(SOURCE_KINDS),
  definition: z.object({ nb: z.string(), en: z.string() }).nullable(),
  derived: z.boolean(),
});

export const planIndicatorSchema = indicatorViewSchema.extend({
  values: z.array(
    z.object({
      period: z.string(),
      value: z.number().nullable(),
      status: z.string().nullable(),
      source: z.string(),
      table: z.string().nullable(),
      periodApproximate: z.boolean(),
      note: z.string().nullable(),
    }),
  ),
});
