import { registerRoutes as routes } from "../../../core/api/register.js";
import { AppError } from "../../errors.js";
import { type RoutePlugin, serve } from "../../http.js";
import { createBrregClient } from "../../importers/brreg/feed/client.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import { type FeedSyncSummary, findFeedCursors, findSyncableKinds, syncRegisterFeed } from "./feed.service.js";

/** POST /api/register/sync (admin: apply Brreg's update feed) and GET /api/register/sync (the cursors). */
export const registerFeedRoutes: RoutePlugin = (app, ctx) => {
  const { db, config } = ctx;

  serve(app, routes.feedCursors, async (req) => {
    requireUser(req.user);
    return findFeedCursors(db);
  });

  serve(app, routes.feedSync, async (req) => {
    const user = requireRole(req.user, ["admin"]);
    const client = createBrregClient({ baseUrl: config.brregBaseUrl });
    const kinds = req.body.kind ? [req.body.kind] : await findSyncableKinds(db);
    if (kinds.length === 0)
      throw new AppError("conflict", "There is no register snapshot to apply Brreg's update feed to: import a bulk file first.");
    const out: FeedSyncSummary[] = [];
    for (const kind of kinds) out.push(await syncRegisterFeed(db, { kind, client, actor: actorOf(user), maxEvents: req.body.maxEvents }));
    return out;
  });
};
