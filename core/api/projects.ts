/** Projects: innovative procurements, FutureBuilt, welfare technology (Kom-Nær), SmartCity, other. */
import { z } from "zod";
import { isIsoDate } from "../periods.js";
import { PROJECT_KINDS, PROJECT_STATUSES } from "../projects/vocabulary.js";
import { stableKeySchema } from "../targets/spec.js";
import { idParams } from "./common.js";
import { defineRoute } from "./route.js";

export type { ProjectKind, ProjectStatus } from "../projects/vocabulary.js";

const isoDate = z.string().refine(isIsoDate, "expected a date YYYY-MM-DD");
const partner = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((s) => !s.includes("|"), "a partner name cannot contain | (the CSV separator for partners)");

const fields = {
  kind: z.enum(PROJECT_KINDS),
  title: z.string().trim().min(1).max(300),
  status: z.enum(PROJECT_STATUSES),
  /** The day the project counts as established (contract signed, competition announced, accepted in FutureBuilt …). */
  establishedDate: isoDate.nullable(),
  startDate: isoDate.nullable(),
  endDate: isoDate.nullable(),
  partners: z.array(partner).max(100),
  description: z.string().trim().max(10_000).nullable(),
  /** Stable key of the plan measure the project serves, e.g. "a2-m5". */
  measureKey: stableKeySchema.nullable(),
};

export const createProjectSchema = z
  .object({
    key: stableKeySchema,
    ...fields,
    status: fields.status.default("planned"),
    establishedDate: fields.establishedDate.default(null),
    startDate: fields.startDate.default(null),
    endDate: fields.endDate.default(null),
    partners: fields.partners.default([]),
    description: fields.description.default(null),
    measureKey: fields.measureKey.default(null),
  })
  .strict();
export type CreateProjectInput = z.input<typeof createProjectSchema>;

export const updateProjectSchema = z.object(fields).partial().strict();
export type UpdateProjectInput = z.infer<typeof updateProjectSchema>;

export const projectViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  kind: z.enum(PROJECT_KINDS),
  title: z.string(),
  status: z.enum(PROJECT_STATUSES),
  establishedDate: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  partners: z.array(z.string()),
  description: z.string().nullable(),
  measureKey: z.string().nullable(),
  batchId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ProjectView = z.infer<typeof projectViewSchema>;

export const projectQuerySchema = z.object({
  kind: z.enum(PROJECT_KINDS).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  measureKey: stableKeySchema.optional(),
});
export type ProjectQuery = z.infer<typeof projectQuerySchema>;

// --- routes ---------------------------------------------------------------------------------

const tags = ["projects"] as const;

export const projectRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/projects",
    tags,
    summary: "Projects: innovative procurements, FutureBuilt, welfare technology (Kom-Nær), SmartCity, other (signed in)",
    query: projectQuerySchema,
    response: z.array(projectViewSchema),
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/projects/:id",
    tags,
    summary: "A project, by id or key (signed in)",
    params: idParams,
    response: projectViewSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/projects",
    tags,
    summary: "Record a project",
    body: createProjectSchema,
    response: projectViewSchema,
    status: 201,
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/projects/:id",
    tags,
    summary: "Edit a project",
    params: idParams,
    body: updateProjectSchema,
    response: projectViewSchema,
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/projects/:id",
    tags,
    summary: "Delete a project",
    params: idParams,
    status: 204,
  }),
};
