/** The business register (Enhetsregisteret): routes of the analysis, lookups, imports and the update feed. */
import { z } from "zod";
import {
  analysisSchema,
  companyViewSchema,
  importJobSchema,
  importOptionsSchema,
  RANKING_METRICS,
  rankingSchema,
  recordProblemSchema,
  registerEntityViewSchema,
  registerKindSchema,
  snapshotRowSchema,
  topEmployersSchema,
} from "./register-shapes.js";
import { defineRoute } from "./route.js";

export * from "./register-shapes.js";

const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const orgnrParams = z.object({ orgnr: z.string().regex(/^\d{9}$/) });
const jobParams = z.object({ id: z.string().min(1).max(100) });
const areaQuery = z.object({
  area: z
    .string()
    .regex(/^\d{4}$/)
    .default("3201")
    .describe("Municipality number (today's)"),
  asOf: dateString.optional().describe("Use the snapshots in effect on this date (default: today)"),
});

/** Content types a register upload may use; the body is streamed to disk, never buffered. */
export const REGISTER_UPLOAD_TYPES = ["application/gzip", "application/x-gzip", "application/vnd.naeringskompass.register"] as const;

// --- the update feed ------------------------------------------------------------------------

export const feedSyncBodySchema = z.object({
  kind: registerKindSchema.optional().describe("Default: every kind that has a complete snapshot"),
  maxEvents: z.number().int().min(1).max(1_000_000).optional().describe("At most this many events per kind (default 100 000)"),
});

export const EVENT_OUTCOMES = ["inserted", "updated", "unchanged", "deleted", "removed", "out_of_scope", "rejected", "not_found"] as const;
export type EventOutcome = (typeof EVENT_OUTCOMES)[number];

export const feedProblemSchema = recordProblemSchema.extend({ oppdateringsid: z.number() });

export const feedSyncSummarySchema = z.object({
  kind: registerKindSchema,
  baseSnapshotId: z.number(),
  snapshotId: z.number().nullable().describe("The new snapshot; null when there were no new events"),
  scope: z.string(),
  start: z.union([z.object({ afterOppdateringsid: z.number() }), z.object({ fromDato: z.string() })]),
  pages: z.number(),
  events: z.number(),
  byType: z.record(z.string(), z.number()).describe("Events by endringstype (Ny, Endring, Sletting, Fjernet, Ukjent)"),
  fetched: z.number(),
  outcomes: z.record(z.enum(EVENT_OUTCOMES), z.number()),
  removedEverywhere: z.number(),
  rows: z.number(),
  firstOppdateringsid: z.number().nullable(),
  lastOppdateringsid: z.number().nullable(),
  asOf: z.string().nullable(),
  truncated: z.boolean(),
  droppedSnapshotId: z.number().nullable(),
  problems: z.array(feedProblemSchema),
  seconds: z.number(),
});
export type FeedSyncSummary = z.infer<typeof feedSyncSummarySchema>;

export const feedCursorSchema = z.object({
  kind: registerKindSchema,
  lastOppdateringsid: z.number(),
  lastDato: z.string().nullable(),
  snapshotId: z.number().nullable(),
  updatedAt: z.string(),
});
export type FeedCursor = z.infer<typeof feedCursorSchema>;

// --- routes ---------------------------------------------------------------------------------

const tags = ["business register"] as const;

export const registerRoutes = {
  analysis: defineRoute({
    method: "GET",
    path: "/api/register/analysis",
    tags,
    summary: "Business structure of a municipality: firms, employment, size classes, top employers, registrations, survival, peers",
    query: areaQuery.extend({ top: z.coerce.number<number>().int().min(1).max(100).default(10) }),
    response: analysisSchema,
  }),
  ranking: defineRoute({
    method: "GET",
    path: "/api/register/ranking",
    tags,
    summary: "One figure for every municipality in the national snapshot, ranked",
    query: z.object({ metric: z.enum(RANKING_METRICS).default("firms"), asOf: dateString.optional() }),
    response: rankingSchema,
  }),
  topEmployers: defineRoute({
    method: "GET",
    path: "/api/register/top-employers",
    tags,
    summary: "Largest employers by employees at their local units in the municipality (public administration excluded)",
    query: areaQuery.extend({ limit: z.coerce.number<number>().int().min(1).max(200).default(10) }),
    response: topEmployersSchema,
  }),
  search: defineRoute({
    method: "GET",
    path: "/api/register/companies",
    tags,
    summary: "Find companies and units by organisation number or name",
    query: z.object({ q: z.string().min(1).max(200), limit: z.coerce.number<number>().int().min(1).max(100).default(20) }),
    response: z.array(registerEntityViewSchema),
  }),
  company: defineRoute({
    method: "GET",
    path: "/api/register/companies/:orgnr",
    tags,
    summary: "Register facts of one company (or unit): latest snapshot, local units, history",
    params: orgnrParams,
    response: companyViewSchema,
  }),
  snapshots: defineRoute({
    method: "GET",
    path: "/api/register/snapshots",
    tags,
    summary: "Register snapshots (imports and feed syncs) with their summaries (signed-in users)",
    response: z.array(snapshotRowSchema),
  }),
  upload: defineRoute({
    method: "POST",
    path: "/api/register/imports",
    tags,
    summary:
      "Upload a Brreg bulk file (hovedenheter or underenheter; JSON array, gzip'ed or not, or CSV) as a new snapshot. Send the bytes with Content-Type application/gzip or application/vnd.naeringskompass.register. Runs in the background: poll GET /api/register/imports/{id}.",
    query: importOptionsSchema.extend({ fileName: z.string().max(200).optional() }),
    consumes: REGISTER_UPLOAD_TYPES,
    response: importJobSchema,
    status: 202,
  }),
  jobs: defineRoute({
    method: "GET",
    path: "/api/register/imports",
    tags,
    summary: "Recent upload imports with their state, newest first: what ran, what failed and why (editors)",
    response: z.array(importJobSchema),
  }),
  job: defineRoute({
    method: "GET",
    path: "/api/register/imports/:id",
    tags,
    summary: "Progress and result of an upload's import",
    params: jobParams,
    response: importJobSchema,
  }),
  resume: defineRoute({
    method: "POST",
    path: "/api/register/imports/:id/resume",
    tags,
    summary: "Run an interrupted or failed import again from its kept upload (editors)",
    params: jobParams,
    response: importJobSchema,
    status: 202,
  }),
  discard: defineRoute({
    method: "POST",
    path: "/api/register/imports/:id/discard",
    tags,
    summary: "Give up an interrupted or failed import: its kept upload is deleted (editors)",
    params: jobParams,
    response: importJobSchema,
  }),
  feedCursors: defineRoute({
    method: "GET",
    path: "/api/register/sync",
    tags: ["register"],
    summary: "Where the Brreg update feed stands: the last applied oppdateringsid per kind (signed in)",
    response: z.array(feedCursorSchema),
  }),
  feedSync: defineRoute({
    method: "POST",
    path: "/api/register/sync",
    tags: ["register"],
    summary:
      "Apply Brreg's update feed (oppdateringer) to the latest snapshot of each kind as a new snapshot (admin). Waits for the sync to finish; the base URL is BRREG_BASE_URL.",
    body: feedSyncBodySchema,
    response: z.array(feedSyncSummarySchema),
  }),
};
