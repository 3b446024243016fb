/**
 * The company engagement log: engagements, their follow-up tasks and the partner organisations.
 * Offers, welcomes and a company's history: ./engagement-offers.ts. Nothing here is public.
 */
import { z } from "zod";
import { ENGAGEMENT_KINDS, ENGAGEMENT_TOPICS, ORGANISATION_KINDS, PARTICIPANT_ROLES } from "../engagements/vocabulary.js";
import { isValidOrgnr, normalizeOrgnr } from "../logs/orgnr.js";
import { isoDateSchema, stableKeySchema } from "../targets/spec.js";
import { idParams } from "./common.js";
import { defineRoute } from "./route.js";

export const municipalityCodeSchema = z.string().regex(/^\d{4}$/, "a municipality number (4 digits), e.g. 3201");
export const orgnrSchema = z
  .string()
  .transform(normalizeOrgnr)
  .refine(isValidOrgnr, "not a valid organisation number (9 digits with a modulus-11 check digit)");

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().default(null);

export const companyInputSchema = z.object({ orgnr: orgnrSchema, name: z.string().trim().max(300).nullish() }).strict();
export const participantInputSchema = z
  .object({ role: z.enum(PARTICIPANT_ROLES), name: z.string().trim().max(200).nullish().describe("Optional, e.g. 'Ordfører'") })
  .strict();
export const contactInputSchema = z
  .object({
    name: text(200),
    position: optionalText(200),
    email: optionalText(200),
    phone: optionalText(50),
    companyOrgnr: orgnrSchema.nullable().default(null),
  })
  .strict();
export const followUpInputSchema = z
  .object({
    task: text(1000),
    owner: optionalText(200),
    department: optionalText(200),
    dueDate: isoDateSchema.nullable().default(null),
  })
  .strict();

const fields = {
  kind: z.enum(ENGAGEMENT_KINDS),
  date: isoDateSchema.describe("Day in Norway (default: today)"),
  title: text(300),
  areaCode: municipalityCodeSchema.describe("Municipality the engagement counts for (default: the adopted plan's)"),
  companies: z.array(companyInputSchema).max(100),
  organisationKeys: z.array(stableKeySchema).max(50).describe("Partner organisations and authorities (GET /api/engagements/organisations)"),
  participants: z.array(participantInputSchema).max(50),
  contacts: z.array(contactInputSchema).max(50).describe("Contact persons: personal data, optional, purged after the retention period"),
  topics: z.array(z.enum(ENGAGEMENT_TOPICS)).max(20),
  measureKeys: z.array(stableKeySchema).max(30).describe("Plan measures the engagement serves, e.g. a1-m6"),
  notes: z.string().trim().max(20_000).nullable(),
  notesExempt: z.boolean().describe("Notes exempt from public access; needs notesExemptionBasis"),
  notesExemptionBasis: z.string().trim().max(500).nullable(),
};

export const createEngagementSchema = z
  .object({
    ...fields,
    date: fields.date.optional(),
    areaCode: fields.areaCode.optional(),
    companies: fields.companies.default([]),
    organisationKeys: fields.organisationKeys.default([]),
    participants: fields.participants.default([]),
    contacts: fields.contacts.default([]),
    topics: fields.topics.default([]),
    measureKeys: fields.measureKeys.default([]),
    notes: fields.notes.default(null),
    notesExempt: fields.notesExempt.default(false),
    notesExemptionBasis: fields.notesExemptionBasis.default(null),
    followUps: z.array(followUpInputSchema).max(50).default([]),
  })
  .strict();
export type CreateEngagementInput = z.input<typeof createEngagementSchema>;

export const updateEngagementSchema = z.object(fields).partial().strict();
export type UpdateEngagementInput = z.input<typeof updateEngagementSchema>;

export const followUpViewSchema = z.object({
  id: z.string(),
  engagementId: z.string(),
  task: z.string(),
  owner: z.string().nullable(),
  department: z.string().nullable(),
  dueDate: z.string().nullable(),
  doneOn: z.string().nullable(),
  overdue: z.boolean(),
});
export type FollowUpView = z.infer<typeof followUpViewSchema>;

export const engagementViewSchema = z.object({
  id: z.string(),
  kind: z.enum(ENGAGEMENT_KINDS),
  date: z.string(),
  title: z.string(),
  areaCode: z.string(),
  companies: z.array(
    z.object({
      orgnr: z.string().nullable(),
      name: z.string().nullable(),
      foundInRegister: z.boolean(),
      personalData: z.boolean().describe("Sole proprietorship or unknown form: purged after the retention period"),
      purged: z.boolean(),
    }),
  ),
  organisations: z.array(z.object({ key: z.string(), name: z.string(), kind: z.enum(ORGANISATION_KINDS) })),
  participants: z.array(z.object({ role: z.enum(PARTICIPANT_ROLES), name: z.string().nullable() })),
  contacts: z
    .array(
      z.object({
        name: z.string(),
        position: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        companyOrgnr: z.string().nullable(),
      }),
    )
    .describe("Only for editors, admins and contributors; empty after the purge"),
  topics: z.array(z.enum(ENGAGEMENT_TOPICS)),
  measureKeys: z.array(z.string()),
  notes: z.string().nullable(),
  notesExempt: z.boolean(),
  notesExemptionBasis: z.string().nullable(),
  notesWithheld: z.boolean().describe("True when exempt notes were left out for this user"),
  followUps: z.array(followUpViewSchema),
  purgeAfter: z.string().nullable(),
  personalDataPurgedAt: z.string().nullable(),
  batchId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EngagementView = z.infer<typeof engagementViewSchema>;

export const engagementQuerySchema = z.object({
  kind: z.enum(ENGAGEMENT_KINDS).optional(),
  year: z.coerce.number<string | number>().int().min(1900).max(2200).optional(),
  from: isoDateSchema.optional().describe("First day, inclusive"),
  to: isoDateSchema.optional().describe("Last day, inclusive"),
  orgnr: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
  measure: stableKeySchema.optional().describe("Measure key"),
  organisation: stableKeySchema.optional().describe("Partner organisation key"),
  role: z.enum(PARTICIPANT_ROLES).optional().describe("Participant role"),
  areaCode: municipalityCodeSchema.optional(),
  q: z.string().trim().max(200).optional().describe("Text in title, notes or company names"),
});
export type EngagementQuery = z.infer<typeof engagementQuerySchema>;

export const updateFollowUpSchema = z
  .object({
    task: text(1000),
    owner: z.string().trim().max(200).nullable(),
    department: z.string().trim().max(200).nullable(),
    dueDate: isoDateSchema.nullable(),
    doneOn: isoDateSchema.nullable().describe("The day the task was done; null reopens it"),
  })
  .partial()
  .strict();
export type UpdateFollowUpInput = z.infer<typeof updateFollowUpSchema>;

export const followUpQuerySchema = z.object({
  overdue: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("Only open tasks past their due date"),
  open: z
    .enum(["true", "false"])
    .optional()
    .transform((v) => v === "true")
    .describe("Only open tasks"),
  orgnr: z
    .string()
    .regex(/^\d{9}$/)
    .optional(),
});

export const followUpListItemSchema = followUpViewSchema.extend({
  engagementTitle: z.string(),
  engagementDate: z.string(),
  engagementKind: z.enum(ENGAGEMENT_KINDS),
});
export type FollowUpListItem = z.infer<typeof followUpListItemSchema>;

export const organisationViewSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  orgnr: z.string().nullable(),
  source: z.string().nullable(),
  active: z.boolean(),
});
export type OrganisationView = z.infer<typeof organisationViewSchema>;

export const createOrganisationSchema = z
  .object({
    key: stableKeySchema,
    name: text(300),
    kind: z.enum(ORGANISATION_KINDS),
    orgnr: orgnrSchema.nullable().default(null),
    source: optionalText(300),
  })
  .strict();

export type OrganisationKind = OrganisationView["kind"];

// --- routes ---------------------------------------------------------------------------------

const tags = ["engagements"] as const;

export const engagementRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/engagements",
    tags,
    summary: "Engagements: company visits, contact meetings, dialogue meetings, events, advocacy, welcomes (signed in)",
    query: engagementQuerySchema,
    response: z.array(engagementViewSchema),
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/engagements/:id",
    tags,
    summary: "An engagement (signed in)",
    params: idParams,
    response: engagementViewSchema,
  }),
  create: defineRoute({
    method: "POST",
    path: "/api/engagements",
    tags,
    summary: "Log an engagement (editors; contributors for their own measures). Companies are looked up in the register",
    body: createEngagementSchema,
    response: engagementViewSchema,
    status: 201,
  }),
  update: defineRoute({
    method: "PATCH",
    path: "/api/engagements/:id",
    tags,
    summary: "Edit an engagement (lists given replace the stored ones)",
    params: idParams,
    body: updateEngagementSchema,
    response: engagementViewSchema,
  }),
  remove: defineRoute({
    method: "DELETE",
    path: "/api/engagements/:id",
    tags,
    summary: "Delete an engagement",
    params: idParams,
    status: 204,
  }),
  followUps: defineRoute({
    method: "GET",
    path: "/api/engagements/follow-ups",
    tags,
    summary: "Follow-up tasks; ?overdue=true for open tasks past their due date (signed in)",
    query: followUpQuerySchema,
    response: z.array(followUpListItemSchema),
  }),
  addFollowUp: defineRoute({
    method: "POST",
    path: "/api/engagements/:id/follow-ups",
    tags,
    summary: "Add a follow-up task to an engagement",
    params: idParams,
    body: followUpInputSchema,
    response: followUpViewSchema,
    status: 201,
  }),
  updateFollowUp: defineRoute({
    method: "PATCH",
    path: "/api/engagements/follow-ups/:id",
    tags,
    summary: "Edit a follow-up task; set doneOn to mark it done",
    params: idParams,
    body: updateFollowUpSchema,
    response: followUpViewSchema,
  }),
  removeFollowUp: defineRoute({
    method: "DELETE",
    path: "/api/engagements/follow-ups/:id",
    tags,
    summary: "Delete a follow-up task",
    params: idParams,
    status: 204,
  }),
  organisations: defineRoute({
    method: "GET",
    path: "/api/engagements/organisations",
    tags,
    summary: "Partner organisations and authorities (signed in)",
    response: z.array(organisationViewSchema),
  }),
  createOrganisation: defineRoute({
    method: "POST",
    path: "/api/engagements/organisations",
    tags,
    summary: "Add a partner organisation or authority",
    body: createOrganisationSchema,
    response: organisationViewSchema,
    status: 201,
  }),
};
