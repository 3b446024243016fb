/** API types of the engagement log, inferred from the contract's zod schemas (type imports only); its vocabularies from core. */
import type { CompanyHistory, OfferList, OfferView, WelcomeCandidate, WelcomeView } from "../../../core/api/engagement-offers.js";
import type { EngagementView, FollowUpListItem, OrganisationView } from "../../../core/api/engagements.js";

export {
  ENGAGEMENT_KINDS,
  ENGAGEMENT_TOPICS,
  isEngagementKind,
  isParticipantRole,
  PARTICIPANT_ROLES,
} from "../../../core/engagements/vocabulary.js";
export type { CompanyHistory, EngagementView, OfferList, OfferView, OrganisationView, WelcomeCandidate, WelcomeView };
export type EngagementKind = EngagementView["kind"];
export type ParticipantRole = EngagementView["participants"][number]["role"];
export type EngagementTopic = EngagementView["topics"][number];
export type FollowUpItem = FollowUpListItem;

/** The legal basis most exempt notes about a company's plans use (prefilled, editable). */
export const DEFAULT_EXEMPTION_BASIS = "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 2";

export const ENGAGEMENTS_API = "/api/engagements";
/** Every cached read a write to the log can change (its own lists). */
export const isEngagementPath = (path: string) => path.startsWith(ENGAGEMENTS_API);
