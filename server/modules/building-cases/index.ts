// The public face of the building-cases module: what other modules and server/*.ts may import.
export { buildingCaseIndicators } from "./building-cases.indicators.js";
export { buildingCaseRoutes } from "./building-cases.routes.js";
