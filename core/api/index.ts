/**
 * The API contract: every route the web app calls, by endpoint name ("GET /api/placements/:id").
 * Each area declares its routes in its own file with `defineRoute`; add the area here.
 * Import this with `import type` from the browser: it carries only types.
 */
import type { buildingCaseRoutes } from "./building-cases.js";
import type { engagementOfferRoutes } from "./engagement-offers.js";
import type { engagementRoutes } from "./engagements.js";
import type { landRoutes, rezoningRoutes } from "./land.js";
import type { placementRoutes } from "./placements.js";
import type { EndpointsOf } from "./route.js";

export type Endpoints = EndpointsOf<typeof placementRoutes> &
  EndpointsOf<typeof buildingCaseRoutes> &
  EndpointsOf<typeof landRoutes> &
  EndpointsOf<typeof rezoningRoutes> &
  EndpointsOf<typeof engagementRoutes> &
  EndpointsOf<typeof engagementOfferRoutes>;
