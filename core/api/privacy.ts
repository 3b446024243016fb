/** Privacy: the retention rule, personal data still stored, the scheduled jobs' last runs, and the purge. */
import { z } from "zod";
import { defineRoute } from "./route.js";

export const jobRunSchema = z.object({
  job: z.string(),
  lastRunAt: z.string(),
  lastResult: z.unknown().describe("The job's result (JSON) of its last run"),
  lastRunBy: z.string().nullable(),
});
export type JobRunView = z.infer<typeof jobRunSchema>;

export const purgeResultSchema = z.object({
  asOf: z.string().describe("The day (Norway) the purge ran for: links due on or before it were purged"),
  purged: z
    .number()
    .describe(
      "Personal data items removed: organisation numbers (entrepreneur links, the engagement log's sole proprietorships and welcomes) and contact persons of the engagement log",
    ),
  remaining: z.number().describe("Personal data items still kept (not due yet)"),
});
export type PurgeResult = z.infer<typeof purgeResultSchema>;

export const privacyStatusSchema = z.object({
  retentionDays: z.number().describe("PERSONAL_DATA_RETENTION_DAYS"),
  personalOrgnrsStored: z.number().describe("Organisation numbers of entrepreneur links that are personal data and not purged yet"),
  engagementPersonalDataStored: z
    .number()
    .describe("Contact persons and sole proprietorships' numbers in the engagement log (visits, welcomes) not purged yet"),
  jobs: z.array(jobRunSchema),
});
/** GET /api/privacy/status (admins) */
export type PrivacyStatus = z.infer<typeof privacyStatusSchema>;

const tags = ["privacy"] as const;

export const privacyRoutes = {
  status: defineRoute({
    method: "GET",
    path: "/api/privacy/status",
    tags,
    summary: "Retention rule, personal data stored, and the last runs of the scheduled jobs (admins)",
    response: privacyStatusSchema,
  }),
  purge: defineRoute({
    method: "POST",
    path: "/api/privacy/purge",
    tags,
    summary: "Run the personal-data purge now (it also runs daily by itself; admins)",
    response: purgeResultSchema,
  }),
};
