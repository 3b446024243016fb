import type { RoutePlugin } from "../../http.js";

/** Routes of this log; filled in by its module. */
export const entrepreneurRoutes: RoutePlugin = (_app, _ctx) => {};
