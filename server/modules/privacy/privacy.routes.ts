import { z } from "zod";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireRole } from "../auth/access.js";
import { getPrivacyStatus, purgePersonalData } from "./purge.service.js";

const tags = ["privacy"];

const purgeResultSchema = z.object({ asOf: z.string(), purged: z.number(), remaining: z.number() });

const statusSchema = z.object({
  retentionDays: z.number().describe("PERSONAL_DATA_RETENTION_DAYS"),
  personalOrgnrsStored: z.number().describe("Organisation numbers of entrepreneur links that are personal data and not purged yet"),
  engagementPersonalDataStored: z
    .number()
    .describe("Contact persons and sole proprietorships' numbers in the engagement log (visits, welcomes) not purged yet"),
  jobs: z.array(z.object({ job: z.string(), lastRunAt: z.string(), lastResult: z.unknown(), lastRunBy: z.string().nullable() })),
});

export const privacyRoutes: RoutePlugin = (app, { db, config }) => {
  app.get(
    "/api/privacy/status",
    {
      schema: {
        tags,
        summary: "Retention rule, personal data stored, and the last runs of the scheduled jobs (admins)",
        response: { 200: statusSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      requireRole(req.user, ["admin"]);
      return getPrivacyStatus(db, config.personalDataRetentionDays);
    },
  );

  app.post(
    "/api/privacy/purge",
    {
      schema: {
        tags,
        summary: "Run the personal-data purge now (it also runs daily by itself; admins)",
        response: { 200: purgeResultSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin"]);
      return purgePersonalData(db, new Date(), actorOf(user));
    },
  );
};
