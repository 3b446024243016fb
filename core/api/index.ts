/**
 * The API contract: every route the web app calls, by endpoint name ("GET /api/placements/:id").
 * Each area declares its routes in its own file with `defineRoute`; add the area here.
 * Import this with `import type` from the browser: it carries only types.
 */
import type { auditRoutes } from "./audit.js";
import type { authRoutes } from "./auth.js";
import type { buildingCaseRoutes } from "./building-cases.js";
import type { engagementOfferRoutes } from "./engagement-offers.js";
import type { engagementRoutes } from "./engagements.js";
import type { entrepreneurRoutes } from "./entrepreneurs.js";
import type { indicatorRoutes } from "./indicators.js";
import type { landRoutes, rezoningRoutes } from "./land.js";
import type { measureRoutes } from "./measures.js";
import type { placementRoutes } from "./placements.js";
import type { planRoutes } from "./plans.js";
import type { privacyRoutes } from "./privacy.js";
import type { projectRoutes } from "./projects.js";
import type { registerRoutes } from "./register.js";
import type { EndpointsOf } from "./route.js";
import type { targetRoutes } from "./targets.js";
import type { userRoutes } from "./users.js";

export type Endpoints = EndpointsOf<typeof auditRoutes> &
  EndpointsOf<typeof authRoutes> &
  EndpointsOf<typeof buildingCaseRoutes> &
  EndpointsOf<typeof engagementOfferRoutes> &
  EndpointsOf<typeof engagementRoutes> &
  EndpointsOf<typeof entrepreneurRoutes> &
  EndpointsOf<typeof indicatorRoutes> &
  EndpointsOf<typeof landRoutes> &
  EndpointsOf<typeof rezoningRoutes> &
  EndpointsOf<typeof measureRoutes> &
  EndpointsOf<typeof placementRoutes> &
  EndpointsOf<typeof planRoutes> &
  EndpointsOf<typeof privacyRoutes> &
  EndpointsOf<typeof projectRoutes> &
  EndpointsOf<typeof registerRoutes> &
  EndpointsOf<typeof targetRoutes> &
  EndpointsOf<typeof userRoutes>;
