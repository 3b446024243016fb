import { privacyRoutes as routes } from "../../../core/api/privacy.js";
import { type RoutePlugin, serve } from "../../http.js";
import { actorOf, requireRole } from "../auth/index.js";
import { getPrivacyStatus, purgePersonalData } from "./purge.service.js";

export const privacyRoutes: RoutePlugin = (app, { db, config }) => {
  serve(app, routes.status, async (req) => {
    requireRole(req.user, ["admin"]);
    return getPrivacyStatus(db, config.personalDataRetentionDays);
  });

  serve(app, routes.purge, async (req) => {
    const user = requireRole(req.user, ["admin"]);
    return purgePersonalData(db, new Date(), actorOf(user));
  });
};
