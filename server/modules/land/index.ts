// The public face of the land module: what other modules and server/*.ts may import.
export { loadBundledLandAreas } from "./bundled-land-areas.js";
export { landIndicators } from "./land.indicators.js";
export { landRoutes } from "./land.routes.js";
