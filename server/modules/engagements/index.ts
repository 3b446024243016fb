// The public face of the engagements module: what other modules and server/*.ts may import.
export { engagementIndicators } from "./engagements.indicators.js";
export { countEngagementPersonalData, purgeEngagementPersonalData } from "./engagements.purge.js";
export { engagementRoutes } from "./engagements.routes.js";
