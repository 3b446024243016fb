// The public face of the users module: what other modules and server/*.ts may import.
export { userRoutes } from "./users.routes.js";
export type { PublicUser } from "./users.service.js";
export { createUser, ensureInitialAdmin, findUserByEmail, findUsers, updateUser } from "./users.service.js";
