// The public face of the targets module: what other modules and server/*.ts may import.
export { targetRoutes } from "./targets.routes.js";
