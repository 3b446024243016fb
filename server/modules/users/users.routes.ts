import { auditRoutes } from "../../../core/api/audit.js";
import { userRoutes as routes } from "../../../core/api/users.js";
import { type RoutePlugin, serve } from "../../http.js";
import { findAuditEntries } from "../audit/index.js";
import { actorOf, deleteUserSessions, requireRole } from "../auth/index.js";
import { createUser, findAssignments, findUsers, setAssignment, updateUser } from "./users.service.js";

export const userRoutes: RoutePlugin = (app, { db }) => {
  serve(app, routes.list, async (req) => {
    requireRole(req.user, ["admin"]);
    return findUsers(db);
  });

  serve(app, routes.create, async (req) => {
    const admin = requireRole(req.user, ["admin"]);
    return db.transaction((tx) => createUser(tx, actorOf(admin), req.body));
  });

  serve(app, routes.update, async (req) => {
    const admin = requireRole(req.user, ["admin"]);
    return db.transaction(async (tx) => {
      const user = await updateUser(tx, actorOf(admin), req.params.id, req.body);
      // A new role, password or a disabled account ends the user's sessions.
      if (req.body.role || req.body.password || req.body.disabled) await deleteUserSessions(tx, user.id);
      return user;
    });
  });

  serve(app, routes.assignments, async (req) => {
    const user = requireRole(req.user, ["admin", "editor", "contributor", "reader"]);
    if (user.role !== "admin" && user.id !== req.params.id) requireRole(req.user, ["admin"]);
    return findAssignments(db, req.params.id);
  });

  serve(app, routes.setAssignment, async (req) => {
    const admin = requireRole(req.user, ["admin"]);
    await db.transaction((tx) => setAssignment(tx, actorOf(admin), { userId: req.params.id, ...req.body }));
  });

  serve(app, auditRoutes.list, async (req) => {
    requireRole(req.user, ["admin", "editor"]);
    return findAuditEntries(db, req.query);
  });
};
