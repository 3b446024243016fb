/** Users and their assignments (admin), and the user shape every signed-in answer carries. */
import { z } from "zod";
import { ASSIGNMENT_KINDS, ROLES } from "../vocabulary.js";
import { idParams } from "./common.js";
import { defineRoute } from "./route.js";

export const publicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
});
export type PublicUser = z.infer<typeof publicUserSchema>;

const password = z.string().min(12, "at least 12 characters").max(1000);

export const createUserSchema = z
  .object({ email: z.string().email().max(320), name: z.string().min(1).max(200), role: z.enum(ROLES), password })
  .strict();
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({ name: z.string().min(1).max(200), role: z.enum(ROLES), disabled: z.boolean(), password })
  .partial()
  .strict();
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const assignmentSchema = z.object({ kind: z.enum(ASSIGNMENT_KINDS), itemId: z.string() });
export type Assignment = z.infer<typeof assignmentSchema>;

export const setAssignmentSchema = z.object({ kind: z.enum(ASSIGNMENT_KINDS), itemId: z.string().uuid(), assigned: z.boolean() }).strict();
export type SetAssignmentInput = z.infer<typeof setAssignmentSchema>;

// --- routes ---------------------------------------------------------------------------------

const tags = ["users"] as const;

export const userRoutes = {
  list: defineRoute({ method: "GET", path: "/api/users", tags, summary: "All users (admin)", response: z.array(publicUserSchema) }),
  create: defineRoute({
    method: "POST",
    path: "/api/users",
    tags,
    summary: "Create a user (admin)",
    body: createUserSchema,
    response: publicUserSchema,
    status: 201,
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/users/:id",
    tags,
    summary: "Change a user's name, role, password or disable them (admin)",
    params: idParams,
    body: updateUserSchema,
    response: publicUserSchema,
  }),
  assignments: defineRoute({
    method: "GET",
    path: "/api/users/:id/assignments",
    tags,
    summary: "Measures and indicators assigned to a user",
    params: idParams,
    response: z.array(assignmentSchema),
  }),
  setAssignment: defineRoute({
    method: "PUT",
    path: "/api/users/:id/assignments",
    tags,
    summary: "Assign or unassign a measure or indicator to a contributor (admin)",
    params: idParams,
    body: setAssignmentSchema,
    status: 204,
  }),
};
