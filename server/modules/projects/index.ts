// The public face of the projects module: what other modules and server/*.ts may import.
export { projectIndicators } from "./projects.indicators.js";
export { projectRoutes } from "./projects.routes.js";
