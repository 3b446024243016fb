/** Byggesaker: the log of building applications, their processing time and statutory deadlines. */
import { z } from "zod";
import { APPLICATION_TYPES } from "../building-cases/types.js";
import { idParams } from "./common.js";
import { defineRoute } from "./route.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const flag = z.boolean();

export const stopSchema = z.object({
  fromDate: isoDate,
  toDate: isoDate.nullable().default(null).describe("Null while the clock still stands still"),
  reason: z.string().max(500).nullable().default(null),
});

const caseFields = {
  caseId: z.string().trim().min(1).max(50).describe("Saksnummer, e.g. 17/01234"),
  applicationId: z.string().trim().min(1).max(100).describe("The application's id in the case system"),
  applicationType: z.enum(APPLICATION_TYPES),
  commercial: flag.describe("Næringsbygg"),
  buildingKind: z.string().max(200).nullable(),
  address: z.string().max(300).nullable(),
  receivedDate: isoDate,
  completeDate: isoDate.nullable().describe("The day the application was complete; the clock starts here"),
  decisionDate: isoDate.nullable(),
  neighbourObjections: flag,
  dispensationNeeded: flag,
  otherAuthorities: flag,
  stops: z.array(stopSchema).max(50),
};

export const createCaseSchema = z
  .object({
    ...caseFields,
    buildingKind: caseFields.buildingKind.default(null),
    address: caseFields.address.default(null),
    completeDate: caseFields.completeDate.default(null),
    decisionDate: caseFields.decisionDate.default(null),
    neighbourObjections: flag.default(false),
    dispensationNeeded: flag.default(false),
    otherAuthorities: flag.default(false),
    stops: caseFields.stops.default([]),
  })
  .strict();
export type CreateCaseInput = z.output<typeof createCaseSchema>;
export type CaseFields = CreateCaseInput;

export const updateCaseSchema = z
  .object(caseFields)
  .partial()
  .strict()
  .describe("Fields to change; `stops`, when given, replaces all stops");
export type UpdateCaseInput = z.output<typeof updateCaseSchema>;

const deadlineView = z.object({
  weeks: z.number().nullable(),
  ruleId: z.string().nullable(),
  citation: z.string().nullable(),
});

export const caseViewSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  applicationId: z.string(),
  applicationType: z.enum(APPLICATION_TYPES),
  commercial: z.boolean(),
  buildingKind: z.string().nullable(),
  address: z.string().nullable(),
  receivedDate: z.string(),
  completeDate: z.string().nullable(),
  decisionDate: z.string().nullable(),
  neighbourObjections: z.boolean(),
  dispensationNeeded: z.boolean(),
  otherAuthorities: z.boolean(),
  stops: z.array(z.object({ fromDate: z.string(), toDate: z.string().nullable(), reason: z.string().nullable() })),
  clock: z
    .object({
      startDate: z.string(),
      startedFrom: z.enum(["complete", "received"]),
      endDate: z.string(),
      decided: z.boolean().describe("False: elapsed time as of `asOf`, not a processing time"),
      stoppedDays: z.number(),
      days: z.number(),
      weeks: z.number(),
    })
    .nullable(),
  deadline: deadlineView,
  daysOverDeadline: z.number().nullable(),
  statutoryBreach: z.boolean(),
  targetBreach: z.boolean(),
  countsForTarget: z.boolean(),
  updatedAt: z.string(),
});
export type CaseView = z.infer<typeof caseViewSchema>;

const asOf = isoDate.optional().describe("Evaluate as of this day (default: today in Norway)");
const boolQuery = z.enum(["true", "false"]).transform((v) => v === "true");

export const listQuery = z.object({
  from: isoDate.optional().describe("Cases open on or after this day (decided on/after it, or undecided)"),
  to: isoDate.optional().describe("Cases received on or before this day"),
  commercial: boolQuery.optional(),
  type: z.enum(APPLICATION_TYPES).optional(),
  asOf,
});
export type ListQuery = z.output<typeof listQuery>;

export const statsQuery = z.object({
  period: z.enum(["year", "quarter", "month"]).default("year"),
  from: isoDate.optional().describe("First decision day (default: the first decision in the log)"),
  to: isoDate.optional().describe("Last decision day (default: the last decision in the log)"),
});

const periodStats = z.object({
  period: z.string(),
  start: z.string(),
  end: z.string(),
  count: z.number(),
  meanWeeks: z.number().nullable(),
  medianWeeks: z.number().nullable(),
  statutoryBreaches: z.number(),
  overTargetWeeks: z.number().describe("Cases over the plan's 8 weeks"),
  startedFromReceived: z.number().describe("Cases without a complete date, measured from the received date"),
});

export const statsResponse = z.object({
  period: z.enum(["year", "quarter", "month"]),
  from: z.string().nullable(),
  to: z.string().nullable(),
  definition: z.object({
    commercialOnly: z.literal(true),
    applicationTypes: z.array(z.enum(APPLICATION_TYPES)),
    targetWeeks: z.number(),
    text: z.object({ nb: z.string(), en: z.string() }),
  }),
  periods: z.array(periodStats),
  total: periodStats.nullable(),
});

export const breachesQuery = z.object({ asOf });

const breachItem = caseViewSchema.pick({
  id: true,
  caseId: true,
  applicationId: true,
  applicationType: true,
  address: true,
  receivedDate: true,
  completeDate: true,
  decisionDate: true,
  clock: true,
  deadline: true,
  daysOverDeadline: true,
});

export const breachesResponse = z.object({
  asOf: z.string(),
  statutory: z.array(breachItem).describe("Processing (or elapsed) days beyond the statutory deadline, all application types"),
  target: z.array(breachItem).describe("Commercial ett-trinn and rammetillatelse over 8 weeks"),
});

export const ruleView = z.object({
  id: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  types: z.array(z.enum(APPLICATION_TYPES)),
  when: z.object({
    neighbourObjections: z.boolean().optional(),
    dispensationNeeded: z.boolean().optional(),
    otherAuthorities: z.boolean().optional(),
  }),
  condition: z.object({ nb: z.string(), en: z.string() }),
  weeks: z.number().nullable(),
  citation: z.string(),
  consequence: z.string(),
  verified: z.boolean(),
});

export const importQuery = z.object({
  mapping: z
    .string()
    .max(4000)
    .optional()
    .describe('JSON: {"columns": {"caseId": "Saksnr", …}, "types": {"RS": "rammetillatelse", …}}; see docs/building-cases.md'),
  fileName: z.string().max(200).optional(),
});

export const importResponse = z.object({
  batchId: z.string(),
  encoding: z.string(),
  read: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});

// --- routes ---------------------------------------------------------------------------------

const tags = ["building-cases"] as const;
const asOfOnly = z.object({ asOf });

export const buildingCaseRoutes = {
  rules: defineRoute({
    method: "GET",
    path: "/api/building-cases/rules",
    tags,
    summary: "The dated rule table of statutory deadlines (pbl. § 21-7, SAK10 kap. 7) with citations; public",
    response: z.array(ruleView),
  }),
  list: defineRoute({
    method: "GET",
    path: "/api/building-cases",
    tags,
    summary: "Building applications with processing time, deadline and breaches; signed-in users",
    query: listQuery,
    response: z.array(caseViewSchema),
  }),
  stats: defineRoute({
    method: "GET",
    path: "/api/building-cases/stats",
    tags,
    summary: "Mean and median processing weeks per year, quarter or month (commercial ett-trinn and rammetillatelse, by decision date)",
    query: statsQuery,
    response: statsResponse,
  }),
  breaches: defineRoute({
    method: "GET",
    path: "/api/building-cases/breaches",
    tags,
    summary: "Applications over the statutory deadline, and counted commercial applications over 8 weeks, as of a day",
    query: breachesQuery,
    response: breachesResponse,
  }),
  exportCsv: defineRoute({
    method: "GET",
    path: "/api/building-cases/export.csv",
    tags,
    summary: "The log as CSV in the import format (UTF-8 with BOM, `;`, dd.mm.åååå); signed-in users",
    query: listQuery.omit({ asOf: true }),
    produces: ["text/csv"],
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/building-cases/:id",
    tags,
    summary: "One building application",
    params: idParams,
    query: asOfOnly,
    response: caseViewSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/building-cases",
    tags,
    summary: "Register one building application (editors)",
    body: createCaseSchema,
    response: caseViewSchema,
    status: 201,
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/building-cases/:id",
    tags,
    summary: "Change a building application (editors); `stops`, when given, replaces all stops",
    params: idParams,
    body: updateCaseSchema,
    response: caseViewSchema,
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/building-cases/:id",
    tags,
    summary: "Delete a building application (editors)",
    params: idParams,
    status: 204,
  }),
};

export type BuildingCaseStats = z.infer<typeof statsResponse>;
export type BuildingCaseBreaches = z.infer<typeof breachesResponse>;
export type DeadlineRule = z.infer<typeof ruleView>;
/** POST /api/building-cases/import (its own summary shape: `read`, not `rowsRead`). */
export type BuildingCaseImport = z.infer<typeof importResponse>;
