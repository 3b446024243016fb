/** Vocabularies of the company engagement log: stored as text, labelled in the i18n catalogue (docs/engagements.md). */

export const ENGAGEMENT_KINDS = ["company_visit", "contact_meeting", "dialogue_meeting", "event", "advocacy", "welcome"] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

export const PARTICIPANT_ROLES = ["political_leadership", "administrative_leadership", "business_development_staff", "other"] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const ENGAGEMENT_TOPICS = [
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
] as const;
export type EngagementTopic = (typeof ENGAGEMENT_TOPICS)[number];

export const ORGANISATION_KINDS = [
  "business_organisation",
  "network",
  "cluster",
  "regional_cooperation",
  "municipality",
  "county",
  "state_agency",
  "other",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const OFFER_STATUSES = ["pending", "offered", "held", "declined"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const WELCOME_REASONS = ["new", "moved_in"] as const;
export type WelcomeReason = (typeof WELCOME_REASONS)[number];

export function isEngagementKind(s: string): s is EngagementKind {
  return ENGAGEMENT_KINDS.some((k) => k === s);
}

export function isParticipantRole(s: string): s is ParticipantRole {
  return PARTICIPANT_ROLES.some((r) => r === s);
}

export function isOfferStatus(s: string): s is OfferStatus {
  return OFFER_STATUSES.some((o) => o === s);
}
