// The public face of the privacy module: what other modules and server/*.ts may import.
export { privacyIndicators } from "./privacy.indicators.js";
export { privacyJobs } from "./privacy.jobs.js";
export { privacyRoutes } from "./privacy.routes.js";
