// The public face of the auth module: what other modules and server/*.ts may import.
export { actorOf, requireAssignedOrEditor, requireRole, requireUser } from "./access.js";
export { findUserByEmail, isAssigned, toPublicUser } from "./accounts.js";
export { authRoutes } from "./auth.routes.js";
export { deleteUserSessions, findSession, SESSION_COOKIE } from "./sessions.service.js";
