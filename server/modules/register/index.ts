// The public face of the register module: what other modules and server/*.ts may import.
export { loadBundledRegister } from "./bundled-register.js";
export { findCompany, topEmployers, welcomeCandidates } from "./companies.service.js";
export { registerFeedRoutes } from "./feed.routes.js";
export { findSyncableKinds, formatSyncSummary, syncRegisterFeed } from "./feed.service.js";
export { formatImportSummary, importRegisterFile } from "./import.service.js";
export { recoverImportJobs } from "./import-jobs.service.js";
export { registerIndicators } from "./register.indicators.js";
export { REGISTER_UPLOAD_TYPES, registerRoutes } from "./register.routes.js";
export { cleanupIncompleteSnapshots } from "./snapshot-store.js";
