import { z } from "zod";
import { AppError } from "../../errors.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { createBrregClient } from "../../importers/brreg/feed/client.js";
import { actorOf, requireRole, requireUser } from "../auth/access.js";
import { type FeedSyncSummary, findFeedCursors, findSyncableKinds, syncRegisterFeed } from "./feed.service.js";

const tags = ["register"];
const kindSchema = z.enum(["enheter", "underenheter"]);

const syncBody = z.object({
  kind: kindSchema.optional().describe("Default: every kind that has a complete snapshot"),
  maxEvents: z.number().int().min(1).max(1_000_000).optional().describe("At most this many events per kind (default 100 000)"),
});

const problemSchema = z.object({
  oppdateringsid: z.number(),
  line: z.number(),
  orgnr: z.string().nullable(),
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  message: z.string(),
});

export const feedSyncSummarySchema = z.object({
  kind: kindSchema,
  baseSnapshotId: z.number(),
  snapshotId: z.number().nullable().describe("The new snapshot; null when there were no new events"),
  scope: z.string(),
  start: z.union([z.object({ afterOppdateringsid: z.number() }), z.object({ fromDato: z.string() })]),
  pages: z.number(),
  events: z.number(),
  byType: z.record(z.string(), z.number()).describe("Events by endringstype (Ny, Endring, Sletting, Fjernet, Ukjent)"),
  fetched: z.number(),
  outcomes: z.record(z.string(), z.number()),
  removedEverywhere: z.number(),
  rows: z.number(),
  firstOppdateringsid: z.number().nullable(),
  lastOppdateringsid: z.number().nullable(),
  asOf: z.string().nullable(),
  truncated: z.boolean(),
  droppedSnapshotId: z.number().nullable(),
  problems: z.array(problemSchema),
  seconds: z.number(),
});

const cursorSchema = z.object({
  kind: kindSchema,
  lastOppdateringsid: z.number(),
  lastDato: z.string().nullable(),
  snapshotId: z.number().nullable(),
  updatedAt: z.string(),
});

/** POST /api/register/sync (admin: apply Brreg's update feed) and GET /api/register/sync (the cursors). */
export const registerFeedRoutes: RoutePlugin = (app, ctx) => {
  const { db, config } = ctx;

  app.get(
    "/api/register/sync",
    {
      schema: {
        tags,
        summary: "Where the Brreg update feed stands: the last applied oppdateringsid per kind (signed in)",
        response: { 200: z.array(cursorSchema), 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findFeedCursors(db);
    },
  );

  app.post(
    "/api/register/sync",
    {
      schema: {
        tags,
        summary:
          "Apply Brreg's update feed (oppdateringer) to the latest snapshot of each kind as a new snapshot (admin). Waits for the sync to finish; the base URL is BRREG_BASE_URL.",
        body: syncBody,
        response: { 200: z.array(feedSyncSummarySchema), 401: errorSchema, 403: errorSchema, 409: errorSchema, 502: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin"]);
      const client = createBrregClient({ baseUrl: config.brregBaseUrl });
      const kinds = req.body.kind ? [req.body.kind] : await findSyncableKinds(db);
      if (kinds.length === 0)
        throw new AppError("conflict", "There is no register snapshot to apply Brreg's update feed to: import a bulk file first.");
      const out: FeedSyncSummary[] = [];
      for (const kind of kinds) out.push(await syncRegisterFeed(db, { kind, client, actor: actorOf(user), maxEvents: req.body.maxEvents }));
      return out;
    },
  );
};
