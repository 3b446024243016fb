import { z } from "zod";
import { isIsoDate } from "../../../core/periods.js";
import { ENTREPRENEUR_SESSION_KINDS } from "../../db/schema/index.js";

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

export const linkCreateSchema = z
  .object({
    sessionId: z.string().uuid().nullable().default(null),
    orgnr: z.string().min(9).max(20).describe("Organisation number (9 digits, modulus-11 check digit; spaces allowed)"),
    organisationForm: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{1,6}$/)
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
    organisationForm: z
      .string()
      .trim()
      .regex(/^[A-Za-z]{1,6}$/)
      .nullable(),
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
