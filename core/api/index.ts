/**
 * The API contract: every route the web app calls, by endpoint name ("GET /api/placements/:id").
 * Each area declares its routes in its own file with `defineRoute`; add the area here.
 * Import this with `import type` from the browser: it carries only types.
 */
import type { placementRoutes } from "./placements.js";
import type { registerRoutes } from "./register.js";
import type { EndpointsOf } from "./route.js";

export type Endpoints = EndpointsOf<typeof placementRoutes> & EndpointsOf<typeof registerRoutes>;
