/** Etablerertjenesten: guidance sessions, courses and events, and links to the organisation numbers entrepreneurs registered. */
import { z } from "zod";
import { ENTREPRENEUR_SESSION_KINDS } from "../entrepreneurs/vocabulary.js";
import { isIsoDate } from "../periods.js";
import { idParams } from "./common.js";
import { defineRoute } from "./route.js";

export type { SessionKind } from "../entrepreneurs/vocabulary.js";

export const isoDateSchema = z.string().refine(isIsoDate, "expected a date YYYY-MM-DD");
export const municipalityCodeSchema = z.string().regex(/^\d{4}$/, "a municipality number (4 digits), e.g. 3201");
const count = z.number().int().min(0).max(1_000_000);

const sessionFields = {
  date: isoDateSchema,
  kind: z.enum(ENTREPRENEUR_SESSION_KINDS),
  title: z.string().trim().min(1).max(300).nullable(),
  participants: count,
  participantsGrowthPotential: count,
  participantsForeignBackground: count,
  /** Home municipality of the participants (the service is shared with Asker). */
  homeMunicipality: municipalityCodeSchema,
};

export const createSessionSchema = z
  .object({
    ...sessionFields,
    title: sessionFields.title.default(null),
    participantsGrowthPotential: count.default(0),
    participantsForeignBackground: count.default(0),
  })
  .strict();
export type CreateSessionInput = z.input<typeof createSessionSchema>;

export const updateSessionSchema = z.object(sessionFields).partial().strict();
export type UpdateSessionInput = z.infer<typeof updateSessionSchema>;

export const sessionViewSchema = z.object({
  id: z.string(),
  date: z.string(),
  kind: z.enum(ENTREPRENEUR_SESSION_KINDS),
  title: z.string().nullable(),
  participants: z.number(),
  participantsGrowthPotential: z.number(),
  participantsForeignBackground: z.number(),
  homeMunicipality: z.string(),
  batchId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const sessionQuerySchema = z.object({
  from: isoDateSchema.optional().describe("First day, inclusive"),
  to: isoDateSchema.optional().describe("Last day, inclusive"),
  kind: z.enum(ENTREPRENEUR_SESSION_KINDS).optional(),
  homeMunicipality: municipalityCodeSchema.optional(),
});
export type SessionQuery = z.infer<typeof sessionQuerySchema>;

const tally = z.object({
  sessions: z.number(),
  participants: z.number(),
  participantsGrowthPotential: z.number(),
  participantsForeignBackground: z.number(),
});
export type Tally = z.infer<typeof tally>;

export const yearlyCountsSchema = z.array(
  tally.extend({
    year: z.string(),
    byKind: z.array(tally.extend({ kind: z.enum(ENTREPRENEUR_SESSION_KINDS) })),
    /** Per home municipality, by today's municipality number (former numbers are merged in). */
    byMunicipality: z.array(tally.extend({ homeMunicipality: z.string() })),
  }),
);
export type YearlyCounts = z.infer<typeof yearlyCountsSchema>;

const organisationForm = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{1,6}$/);

export const linkCreateSchema = z
  .object({
    sessionId: z.string().uuid().nullable().default(null),
    orgnr: z.string().min(9).max(20).describe("Organisation number (9 digits, modulus-11 check digit; spaces allowed)"),
    organisationForm: organisationForm
      .nullable()
      .default(null)
      .describe("Brreg organisasjonsform, e.g. AS or ENK; unknown (null) is treated as personal data"),
    registeredDate: isoDateSchema.nullable().default(null).describe("Date the unit was registered in Enhetsregisteret"),
  })
  .strict();
export type LinkCreateInput = z.input<typeof linkCreateSchema>;

export const linkUpdateSchema = z
  .object({
    sessionId: z.string().uuid().nullable(),
    organisationForm: organisationForm.nullable(),
    registeredDate: isoDateSchema.nullable(),
  })
  .partial()
  .strict();
export type LinkUpdateInput = z.infer<typeof linkUpdateSchema>;

export const linkViewSchema = z.object({
  id: z.string(),
  sessionId: z.string().nullable(),
  /** Null once purged. */
  orgnr: z.string().nullable(),
  /** True for sole proprietorships and units of unknown form: the number is then personal data. */
  personalData: z.boolean(),
  registeredDate: z.string().nullable(),
  purgeAfter: z.string().nullable(),
  purgedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type LinkView = z.infer<typeof linkViewSchema>;

// --- routes ---------------------------------------------------------------------------------

const tags = ["entrepreneurs"] as const;

export const entrepreneurRoutes = {
  sessions: defineRoute({
    method: "GET",
    path: "/api/entrepreneurs/sessions",
    tags,
    summary: "Etablerertjenesten: guidance sessions, courses and events (signed in)",
    query: sessionQuerySchema,
    response: z.array(sessionViewSchema),
  }),
  session: defineRoute({
    method: "GET",
    path: "/api/entrepreneurs/sessions/:id",
    tags,
    summary: "A session (signed in)",
    params: idParams,
    response: sessionViewSchema,
  }),
  createSession: defineRoute({
    method: "POST",
    path: "/api/entrepreneurs/sessions",
    tags,
    summary: "Log a session",
    body: createSessionSchema,
    response: sessionViewSchema,
    status: 201,
  }),
  updateSession: defineRoute({
    method: "PATCH",
    path: "/api/entrepreneurs/sessions/:id",
    tags,
    summary: "Edit a session",
    params: idParams,
    body: updateSessionSchema,
    response: sessionViewSchema,
  }),
  removeSession: defineRoute({
    method: "DELETE",
    path: "/api/entrepreneurs/sessions/:id",
    tags,
    summary: "Delete a session",
    params: idParams,
    status: 204,
  }),
  counts: defineRoute({
    method: "GET",
    path: "/api/entrepreneurs/counts",
    tags,
    summary: "Sessions and participants per year, per kind and per home municipality (aggregates; public)",
    query: z.object({ from: sessionQuerySchema.shape.from, to: sessionQuerySchema.shape.to }),
    response: yearlyCountsSchema,
  }),
  links: defineRoute({
    method: "GET",
    path: "/api/entrepreneurs/links",
    tags,
    summary: "Links from entrepreneurs to the organisation number they registered (editors and admins)",
    response: z.array(linkViewSchema),
  }),
  createLink: defineRoute({
    method: "POST",
    path: "/api/entrepreneurs/links",
    tags,
    summary: "Record an entrepreneur's organisation number",
    body: linkCreateSchema,
    response: linkViewSchema,
    status: 201,
  }),
  updateLink: defineRoute({
    method: "PATCH",
    path: "/api/entrepreneurs/links/:id",
    tags,
    summary: "Edit a link (session, organisation form, registration date)",
    params: idParams,
    body: linkUpdateSchema,
    response: linkViewSchema,
  }),
  removeLink: defineRoute({
    method: "DELETE",
    path: "/api/entrepreneurs/links/:id",
    tags,
    summary: "Delete a link",
    params: idParams,
    status: 204,
  }),
};
