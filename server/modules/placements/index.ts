// The public face of the placements module: what other modules and server/*.ts may import.
export { placementRoutes } from "./placements.routes.js";
