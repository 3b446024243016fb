/** API types of the engagement log, inferred from the server's zod schemas (type imports only). */
import type { z } from "zod";
import type {
  companyHistorySchema,
  engagementViewSchema,
  followUpListItemSchema,
  offerListSchema,
  offerViewSchema,
  organisationViewSchema,
  welcomeCandidateSchema,
  welcomeViewSchema,
} from "../../../server/modules/engagements/engagements.schemas.js";

export type EngagementView = z.infer<typeof engagementViewSchema>;
export type EngagementKind = EngagementView["kind"];
export type ParticipantRole = EngagementView["participants"][number]["role"];
export type EngagementTopic = EngagementView["topics"][number];
export type FollowUpItem = z.infer<typeof followUpListItemSchema>;
export type OrganisationView = z.infer<typeof organisationViewSchema>;
export type OfferList = z.infer<typeof offerListSchema>;
export type OfferView = z.infer<typeof offerViewSchema>;
export type WelcomeCandidate = z.infer<typeof welcomeCandidateSchema>;
export type WelcomeView = z.infer<typeof welcomeViewSchema>;
export type CompanyHistory = z.infer<typeof companyHistorySchema>;

export const ENGAGEMENT_KINDS: EngagementKind[] = ["company_visit", "contact_meeting", "dialogue_meeting", "event", "advocacy", "welcome"];
export const PARTICIPANT_ROLES: ParticipantRole[] = [
  "political_leadership",
  "administrative_leadership",
  "business_development_staff",
  "other",
];
export const ENGAGEMENT_TOPICS: EngagementTopic[] = [
  "expansion",
  "relocation_risk",
  "recruitment",
  "premises_land",
  "permits",
  "transport",
  "digital_infrastructure",
  "innovation",
  "procurement",
  "education",
  "climate_environment",
  "retail_centre",
  "tourism",
  "other",
];

/** The legal basis most exempt notes about a company's plans use (prefilled, editable). */
export const DEFAULT_EXEMPTION_BASIS = "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 2";

export const ENGAGEMENTS_API = "/api/engagements";
/** Every cached read a write to the log can change (its own lists). */
export const isEngagementPath = (path: string) => path.startsWith(ENGAGEMENTS_API);
