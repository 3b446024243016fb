/** The company engagement log's top-10 contact-meeting offers, welcomes and a company's history. */
import { z } from "zod";
import { OFFER_STATUSES, WELCOME_REASONS } from "../engagements/vocabulary.js";
import { isoDateSchema } from "../targets/spec.js";
import {
  engagementViewSchema,
  followUpListItemSchema,
  municipalityCodeSchema,
  orgnrSchema,
  participantInputSchema,
} from "./engagements.js";
import { defineRoute } from "./route.js";

// ─── Top-10 contact-meeting offers ──────────────────────────────────────────────────────────────

export const offerViewSchema = z.object({
  id: z.string(),
  year: z.number(),
  areaCode: z.string(),
  orgnr: z.string(),
  name: z.string(),
  rank: z.number().nullable(),
  employees: z.number().nullable(),
  rankedAsOf: z.string().nullable(),
  inRanking: z.boolean(),
  status: z.enum(OFFER_STATUSES),
  offeredOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  declinedOn: z.string().nullable(),
  engagementId: z.string().nullable(),
  note: z.string().nullable(),
});
export type OfferView = z.infer<typeof offerViewSchema>;

export const offerListSchema = z.object({
  year: z.number(),
  areaCode: z.string(),
  rankedAsOf: z.string().nullable(),
  offered: z.number().describe("Companies of the ranking offered a meeting (offered, held or declined)"),
  held: z.number(),
  offers: z.array(offerViewSchema),
});
export type OfferList = z.infer<typeof offerListSchema>;

export const offerParams = z.object({ year: z.coerce.number<string | number>().int().min(1900).max(2200) });
export const offerAreaQuery = z.object({ areaCode: municipalityCodeSchema.optional() });

export const updateOfferSchema = z
  .object({
    status: z.enum(OFFER_STATUSES),
    offeredOn: isoDateSchema.nullable(),
    heldOn: isoDateSchema.nullable(),
    declinedOn: isoDateSchema.nullable(),
    engagementId: z.string().uuid().nullable(),
    note: z.string().trim().max(2000).nullable(),
  })
  .partial()
  .strict();
export type UpdateOfferInput = z.infer<typeof updateOfferSchema>;

// ─── Welcomes ───────────────────────────────────────────────────────────────────────────────────

export const welcomeCandidateSchema = z.object({
  orgnr: z.string(),
  name: z.string(),
  reason: z.enum(WELCOME_REASONS),
  occurredOn: z.string().nullable(),
  welcomedOn: z.string().nullable(),
  engagementId: z.string().nullable(),
});
export type WelcomeCandidate = z.infer<typeof welcomeCandidateSchema>;

export const welcomeQuerySchema = z.object({
  areaCode: municipalityCodeSchema.optional(),
  since: isoDateSchema.optional().describe("Registered or moved in on or after this day (default: 90 days ago)"),
});

export const markWelcomedSchema = z
  .object({
    orgnr: orgnrSchema,
    name: z.string().trim().min(1).max(300),
    reason: z.enum(WELCOME_REASONS),
    occurredOn: isoDateSchema.nullable().default(null),
    areaCode: municipalityCodeSchema.optional(),
    welcomedOn: isoDateSchema.optional().describe("Default: today in Norway"),
    engagementId: z.string().uuid().nullable().default(null).describe("An engagement already logged (e.g. a visit); else one is created"),
    participants: z.array(participantInputSchema).max(50).default([]),
    notes: z.string().trim().max(20_000).nullable().default(null),
  })
  .strict();
export type MarkWelcomedInput = z.input<typeof markWelcomedSchema>;

export const welcomeViewSchema = z.object({
  id: z.string(),
  orgnr: z.string().nullable(),
  name: z.string().nullable(),
  areaCode: z.string(),
  reason: z.enum(WELCOME_REASONS),
  occurredOn: z.string().nullable(),
  welcomedOn: z.string(),
  engagementId: z.string().nullable(),
});
export type WelcomeView = z.infer<typeof welcomeViewSchema>;

export const companyHistorySchema = z.object({
  orgnr: z.string(),
  engagements: z.array(engagementViewSchema),
  followUps: z.array(followUpListItemSchema),
  offers: z.array(offerViewSchema),
  welcomes: z.array(welcomeViewSchema),
});
export type CompanyHistory = z.infer<typeof companyHistorySchema>;

/** POST /api/engagements/welcomes: a welcome, with the measures the logged engagement serves. */
export const markWelcomedBody = markWelcomedSchema.extend({ measureKeys: z.array(z.string()).max(30).default([]) });

// --- routes ---------------------------------------------------------------------------------

const tags = ["engagements"] as const;
const orgnrParams = z.object({ orgnr: z.string().regex(/^\d{9}$/) });
const offerIdParams = offerParams.extend({ id: z.string().min(1).max(100) });

export const engagementOfferRoutes = {
  companyHistory: defineRoute({
    method: "GET",
    path: "/api/engagements/companies/:orgnr",
    tags,
    summary: "A company's engagement history, follow-ups, contact-meeting offers and welcomes (signed in)",
    params: orgnrParams,
    response: companyHistorySchema,
  }),
  offers: defineRoute({
    method: "GET",
    path: "/api/engagements/offers/:year",
    tags,
    summary: "The year's ten largest companies and their contact-meeting offers: offered and held (signed in)",
    params: offerParams,
    query: offerAreaQuery,
    response: offerListSchema,
  }),
  generateOffers: defineRoute({
    method: "POST",
    path: "/api/engagements/offers/:year/generate",
    tags,
    summary: "(Re)build the year's top-10 list from the register at 1 January; offers already made are kept",
    params: offerParams,
    query: offerAreaQuery,
    response: offerListSchema,
  }),
  updateOffer: defineRoute({
    method: "PATCH",
    path: "/api/engagements/offers/:year/:id",
    tags,
    summary: "Record an offer's status: offered, held or declined, with dates",
    params: offerIdParams,
    body: updateOfferSchema,
    response: offerViewSchema,
  }),
  welcomeCandidates: defineRoute({
    method: "GET",
    path: "/api/engagements/welcome-candidates",
    tags,
    summary: "Companies newly registered in or moved into the municipality, to welcome (signed in)",
    query: welcomeQuerySchema,
    response: z.array(welcomeCandidateSchema),
  }),
  welcomes: defineRoute({
    method: "GET",
    path: "/api/engagements/welcomes",
    tags,
    summary: "Companies welcomed (signed in)",
    query: z.object({ from: z.string().optional(), to: z.string().optional() }),
    response: z.array(welcomeViewSchema),
  }),
  markWelcomed: defineRoute({
    method: "POST",
    path: "/api/engagements/welcomes",
    tags,
    summary: "Mark a company welcomed: records the welcome and logs an engagement of kind welcome (or links one)",
    body: markWelcomedBody,
    response: welcomeViewSchema,
    status: 201,
  }),
};
