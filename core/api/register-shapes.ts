/**
 * The business register's (Enhetsregisteret) response shapes: the analysis of a municipality,
 * rankings, company facts, imports and snapshots. docs/register.md defines every figure. The
 * TypeScript types are inferred from these schemas; the routes are in ./register.ts.
 */
import { z } from "zod";
import { RANKING_METRICS, type RankingMetric, SIZE_CLASSES } from "../register/types.js";

export const registerKindSchema = z.enum(["enheter", "underenheter"]);
export const naceVersionSchema = z.enum(["SN2007", "SN2025"]);
export const addressRuleSchema = z.enum(["forretningsadresse", "postadresse", "beliggenhetsadresse"]);
export const sizeClassSchema = z.enum(SIZE_CLASSES);

export const snapshotRefSchema = z.object({
  id: z.number(),
  kind: registerKindSchema,
  asOf: z.string(),
  scope: z.string(),
  naceVersion: z.string().nullable(),
  source: z.string(),
});
export type SnapshotRef = z.infer<typeof snapshotRefSchema>;

export const breakdownSchema = z.object({
  key: z.string(),
  label: z.string(),
  entities: z.number(),
  employees5plus: z.number(),
  units1to4: z.number(),
  share: z.number().describe("Share of all entities (0–1)"),
});
export type Breakdown = z.infer<typeof breakdownSchema>;

export const firmFiguresSchema = z.object({
  snapshot: snapshotRefSchema,
  rule: z.literal("forretningsadresse, else postadresse"),
  total: z.number(),
  knowledgeIntensive: z.number(),
  knowledgeIntensiveShare: z.number().nullable(),
  bankrupt: z.number(),
  bySection: z.array(breakdownSchema),
  byDivision: z.array(breakdownSchema),
  byForm: z.array(breakdownSchema),
  unknownIndustry: z.number().describe("Entities whose industry code is not in the snapshot's standard (reported, never dropped)"),
});
export type FirmFigures = z.infer<typeof firmFiguresSchema>;

export const employmentFiguresSchema = z.object({
  snapshot: snapshotRefSchema,
  rule: z.literal("beliggenhetsadresse"),
  units: z.number(),
  employees5plus: z.number().describe("Sum of published headcounts (only counts of 5 or more are published in recent files)"),
  units1to4: z.number().describe("Units in the 1–4 class: between 1 and 4 employees each (not added to employees5plus)"),
  employeesRange: z.tuple([z.number(), z.number()]).describe("Plausible range of total employment"),
  knowledgeIntensiveEmployees5plus: z.number(),
  knowledgeIntensiveEmployeeShare: z.number().nullable(),
  knowledgeIntensiveUnitShare: z.number().nullable(),
  sizeClasses: z.array(z.object({ sizeClass: z.string(), units: z.number() })),
  over100: z.number(),
  over250: z.number(),
  bySection: z.array(breakdownSchema),
});
export type EmploymentFigures = z.infer<typeof employmentFiguresSchema>;

export const yearFiguresSchema = z.object({
  year: z.number(),
  registrations: z.number().nullable().describe("New firms (counted organisation forms) registered in the year"),
  population: z.number().nullable(),
  registrationsPer1000: z.number().nullable(),
  deletions: z.number().nullable(),
  bankruptcies: z.number().nullable(),
  movedIn: z.number().nullable(),
  movedOut: z.number().nullable(),
});
export type YearFigures = z.infer<typeof yearFiguresSchema>;

export const survivalFigureSchema = z.object({
  cohort: z.number(),
  years: z.union([z.literal(1), z.literal(3), z.literal(5)]),
  status: z.enum(["ok", "no_data"]),
  cohortSize: z.number().nullable(),
  survivors: z.number().nullable(),
  share: z.number().nullable(),
  reasonCode: z.enum(["no_cohort_snapshot", "no_followup_snapshot", "empty_cohort"]).optional(),
  reasonYear: z.number().optional(),
  reason: z.string().optional().describe("Why there is no figure"),
});
export type SurvivalFigure = z.infer<typeof survivalFigureSchema>;

export const areaSummarySchema = z.object({
  code: z.string(),
  name: z.string(),
  firms: z.number().nullable(),
  knowledgeIntensiveShare: z.number().nullable(),
  units: z.number().nullable(),
  employees5plus: z.number().nullable(),
  over100: z.number().nullable(),
  over250: z.number().nullable(),
});
export type AreaSummary = z.infer<typeof areaSummarySchema>;

export const topEmployerRowSchema = z.object({
  rank: z.number(),
  orgnr: z.string().describe("The company (hovedenhet); a unit without a known parent stands for itself"),
  name: z.string(),
  orgForm: z.string().nullable(),
  employees: z.number().describe("Sum of the published headcounts (≥ 5) of its units in the municipality"),
  unitsCount: z.number(),
  unitsSmall: z.number().describe("Units in the municipality in the 1–4 class (not added to `employees`)"),
  naceDivision: z.string().nullable(),
});
export type TopEmployerRow = z.infer<typeof topEmployerRowSchema>;

export const topEmployersSchema = z.object({
  snapshotId: z.number(),
  asOf: z.string().describe("Date of the underenheter snapshot used"),
  areaCode: z.string(),
  excludedPublic: z.number().describe("Companies left out as public administration"),
  rows: z.array(topEmployerRowSchema),
});
export type TopEmployers = z.infer<typeof topEmployersSchema>;

export const analysisSchema = z.object({
  area: z.object({ code: z.string(), name: z.string(), predecessors: z.array(z.string()) }),
  asOf: z.string(),
  firms: firmFiguresSchema.nullable(),
  employment: employmentFiguresSchema.nullable(),
  topEmployers: topEmployersSchema.nullable(),
  years: z.array(yearFiguresSchema),
  survival: z.array(survivalFigureSchema),
  peers: z.array(areaSummarySchema),
  national: areaSummarySchema.nullable(),
  trend: z.array(z.object({ snapshot: snapshotRefSchema, summary: areaSummarySchema })),
});
export type Analysis = z.infer<typeof analysisSchema>;

export { RANKING_METRICS, type RankingMetric };

export const rankingRowSchema = areaSummarySchema.extend({ value: z.number().nullable(), rank: z.number() });
export type RankingRow = z.infer<typeof rankingRowSchema>;
export const rankingSchema = z.object({ snapshot: snapshotRefSchema.nullable(), rows: z.array(rankingRowSchema) });
export type Ranking = z.infer<typeof rankingSchema>;

// --- companies ------------------------------------------------------------------------------

export const registerEntityViewSchema = z.object({
  naceName: z.string().nullable().describe("The industry's name in its standard (the nearest listed level)"),
  orgnr: z.string(),
  kind: registerKindSchema,
  name: z.string(),
  orgForm: z.string().nullable(),
  naceCode: z.string().nullable(),
  naceVersion: z.string().nullable(),
  naceSection: z.string().nullable(),
  naceDivision: z.string().nullable(),
  kisGroup: z.string().nullable(),
  areaCode: z.string().nullable(),
  addressRule: addressRuleSchema.nullable(),
  address: z.string().nullable(),
  postalCode: z.string().nullable(),
  postalPlace: z.string().nullable(),
  employees: z.number().nullable(),
  sizeClass: sizeClassSchema.nullable(),
  registeredOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  parentOrgnr: z.string().nullable(),
  sectorCode: z.string().nullable(),
  bankrupt: z.boolean(),
  liquidating: z.boolean(),
  closedOn: z.string().nullable(),
  snapshotId: z.number(),
  asOf: z.string(),
});
/** An entity's register facts as stored in a snapshot, with the snapshot they come from. */
export type RegisterEntityView = z.infer<typeof registerEntityViewSchema>;

export const companyHistorySchema = z.object({
  snapshotId: z.number(),
  kind: registerKindSchema,
  asOf: z.string(),
  areaCode: z.string().nullable(),
  employees: z.number().nullable(),
  sizeClass: z.string().nullable(),
});

export const companyViewSchema = registerEntityViewSchema.extend({
  inRegister: z.boolean().describe("False when no snapshot holds the company itself, only local units naming it as their parent"),
  personal: z.boolean().describe("Sole proprietorships and other person-identifying forms: the orgnr is personal data"),
  units: z.array(registerEntityViewSchema).describe("Local units in the latest underenheter snapshot that has any"),
  history: z.array(companyHistorySchema).describe("The entity in every snapshot that holds it, oldest first"),
});
export type CompanyView = z.infer<typeof companyViewSchema>;

// --- imports and snapshots ------------------------------------------------------------------

export const recordProblemSchema = z.object({
  line: z.number(),
  orgnr: z.string().nullable(),
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  message: z.string(),
});

export const importSummarySchema = z.object({
  snapshotId: z.number().nullable(),
  alreadyImported: z.boolean().describe("A complete snapshot of the same file already existed: nothing was changed"),
  kind: registerKindSchema,
  format: z.string(),
  asOf: z.string(),
  scope: z.string(),
  naceVersion: naceVersionSchema.nullable(),
  read: z.number(),
  loaded: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  removed: z.number(),
  rejected: z.number(),
  warnings: z.number(),
  problemCounts: z.record(z.string(), z.number()),
  problems: z.array(recordProblemSchema).describe("The first problems with line numbers"),
  unknownCodes: z.record(z.string(), z.number()),
  replacedSnapshotId: z.number().nullable(),
  seconds: z.number(),
  timings: z.object({ readAndCopy: z.number(), indexes: z.number(), attachAndAggregate: z.number(), diff: z.number() }).optional(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const IMPORT_JOB_STATES = ["queued", "running", "succeeded", "failed", "interrupted", "discarded"] as const;
export type ImportJobState = (typeof IMPORT_JOB_STATES)[number];

export const importOptionsSchema = z.object({
  kind: registerKindSchema.optional(),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  scope: z
    .string()
    .regex(/^(national|\d{4}(,\d{4})*)$/)
    .optional(),
  nace: naceVersionSchema.optional(),
});
export type ImportJobOptions = z.infer<typeof importOptionsSchema>;

export const importJobSchema = z.object({
  id: z.string(),
  status: z.enum(IMPORT_JOB_STATES),
  fileName: z.string(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  records: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  options: importOptionsSchema,
  summary: importSummarySchema.nullable(),
  error: z.object({ message: z.string(), line: z.number().nullable() }).nullable(),
  canResume: z.boolean().describe("Interrupted or failed, and its upload is still kept"),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const snapshotRowSchema = z.object({
  id: z.number(),
  kind: registerKindSchema,
  asOf: z.string(),
  scope: z.string(),
  source: z.string(),
  sourceFormat: z.string().nullable(),
  naceVersion: z.string().nullable(),
  status: z.string(),
  basedOn: z.number().nullable(),
  summary: z
    .looseObject({ read: z.number().optional(), rejected: z.number().optional() })
    .nullable()
    .describe("The import or sync summary without its problem list (see `rejections`)"),
  rejections: z.array(recordProblemSchema.partial().loose()).nullable(),
  note: z.string().nullable(),
  createdBy: z.string().nullable(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
});
export type RegisterSnapshotRow = z.infer<typeof snapshotRowSchema>;
