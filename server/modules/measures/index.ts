// The public face of the measures module: what other modules and server/*.ts may import.
export { measureRoutes } from "./measures.routes.js";
