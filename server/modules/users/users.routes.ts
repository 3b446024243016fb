import { z } from "zod";
import { ROLES } from "../../db/schema/index.js";
import type { RoutePlugin } from "../../http.js";
import { findAuditEntries } from "../audit/audit.service.js";
import { actorOf, requireRole } from "../auth/access.js";
import { publicUserSchema } from "../auth/auth.routes.js";
import { deleteUserSessions } from "../auth/sessions.service.js";
import { idParams } from "../plans/plans.schemas.js";
import { createUser, findAssignments, findUsers, setAssignment, updateUser } from "./users.service.js";

const createUserBody = z
  .object({
    email: z.string().email().max(320),
    name: z.string().min(1).max(200),
    role: z.enum(ROLES),
    password: z.string().min(12, "at least 12 characters").max(1000),
  })
  .strict();
const updateUserBody = z
  .object({
    name: z.string().min(1).max(200),
    role: z.enum(ROLES),
    disabled: z.boolean(),
    password: z.string().min(12, "at least 12 characters").max(1000),
  })
  .partial()
  .strict();
const assignmentBody = z.object({ kind: z.enum(["measure", "indicator"]), itemId: z.string().uuid(), assigned: z.boolean() }).strict();

export const userRoutes: RoutePlugin = (app, { db }) => {
  app.get(
    "/api/users",
    { schema: { tags: ["users"], summary: "All users (admin)", response: { 200: z.array(publicUserSchema) } } },
    async (req) => {
      requireRole(req.user, ["admin"]);
      return findUsers(db);
    },
  );

  app.post(
    "/api/users",
    { schema: { tags: ["users"], summary: "Create a user (admin)", body: createUserBody, response: { 201: publicUserSchema } } },
    async (req, reply) => {
      const admin = requireRole(req.user, ["admin"]);
      const user = await db.transaction((tx) => createUser(tx, actorOf(admin), req.body));
      return reply.code(201).send(user);
    },
  );

  app.patch(
    "/api/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: "Change a user's name, role, password or disable them (admin)",
        params: idParams,
        body: updateUserBody,
        response: { 200: publicUserSchema },
      },
    },
    async (req) => {
      const admin = requireRole(req.user, ["admin"]);
      return db.transaction(async (tx) => {
        const user = await updateUser(tx, actorOf(admin), req.params.id, req.body);
        // A new role, password or a disabled account ends the user's sessions.
        if (req.body.role || req.body.password || req.body.disabled) await deleteUserSessions(tx, user.id);
        return user;
      });
    },
  );

  app.get(
    "/api/users/:id/assignments",
    {
      schema: {
        tags: ["users"],
        summary: "Measures and indicators assigned to a user",
        params: idParams,
        response: { 200: z.array(z.object({ kind: z.enum(["measure", "indicator"]), itemId: z.string() })) },
      },
    },
    async (req) => {
      const user = requireRole(req.user, ["admin", "editor", "contributor", "reader"]);
      if (user.role !== "admin" && user.id !== req.params.id) requireRole(req.user, ["admin"]);
      return findAssignments(db, req.params.id);
    },
  );

  app.put(
    "/api/users/:id/assignments",
    {
      schema: {
        tags: ["users"],
        summary: "Assign or unassign a measure or indicator to a contributor (admin)",
        params: idParams,
        body: assignmentBody,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      const admin = requireRole(req.user, ["admin"]);
      await db.transaction((tx) => setAssignment(tx, actorOf(admin), { userId: req.params.id, ...req.body }));
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Audit log, newest first (admin and editor)",
        querystring: z.object({
          entityType: z.string().max(40).optional(),
          entityId: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.array(
            z.object({
              id: z.number(),
              at: z.string(),
              actor: z.string(),
              action: z.string(),
              entityType: z.string(),
              entityId: z.string(),
              before: z.unknown(),
              after: z.unknown(),
            }),
          ),
        },
      },
    },
    async (req) => {
      requireRole(req.user, ["admin", "editor"]);
      return findAuditEntries(db, req.query);
    },
  );
};
