// The public face of the indicators module: what other modules and server/*.ts may import.
export { indicatorColumns } from "./indicator-columns.js";
export { indicatorRoutes } from "./indicators.routes.js";
export { findPlanIndicatorsWithValues } from "./indicators.service.js";
export type { DerivedIndicator, DerivedInput } from "./series.service.js";
export { loadSeries, registerDerivedIndicator } from "./series.service.js";
