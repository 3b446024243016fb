// The public face of the entrepreneurs module: what other modules and server/*.ts may import.
export { entrepreneurIndicators } from "./entrepreneurs.indicators.js";
export { entrepreneurRoutes } from "./entrepreneurs.routes.js";
