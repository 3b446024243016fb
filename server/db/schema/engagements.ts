import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import {
  ENGAGEMENT_KINDS,
  ENGAGEMENT_TOPICS,
  type EngagementKind,
  type EngagementTopic,
  OFFER_STATUSES,
  type OfferStatus,
  ORGANISATION_KINDS,
  type OrganisationKind,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  WELCOME_REASONS,
  type WelcomeReason,
} from "../../../core/engagements/vocabulary.js";
import { users } from "./accounts.js";
import { timestamps } from "./columns.js";
import { importBatches } from "./logs.js";

/**
 * The company engagement log: company visits, contact meetings, dialogue meetings with business
 * organisations, events, advocacy toward authorities and welcomes of new companies. Counting rules
 * and privacy: docs/engagements.md.
 */

export {
  ENGAGEMENT_KINDS,
  ENGAGEMENT_TOPICS,
  type EngagementKind,
  type EngagementTopic,
  OFFER_STATUSES,
  type OfferStatus,
  ORGANISATION_KINDS,
  type OrganisationKind,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  WELCOME_REASONS,
  type WelcomeReason,
};

/** Partner organisations and authorities the office meets (seeded with those the plan names). */
export const partnerOrganisations = pgTable(
  "partner_organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind").$type<OrganisationKind>().notNull(),
    orgnr: text("orgnr"),
    /** Where the plan names it, e.g. "Satsingsområde 3, Fakta". */
    source: text("source"),
    active: boolean("active").notNull().default(true),
    ...timestamps,
  },
  (t) => [
    check(
      "partner_organisations_kind_check",
      sql`${t.kind} in ('business_organisation','network','cluster','regional_cooperation','municipality','county','state_agency','other')`,
    ),
  ],
);

export const engagements = pgTable(
  "engagements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<EngagementKind>().notNull(),
    /** Calendar day in Norway; the counting year is this date's year. */
    date: date("date", { mode: "string" }).notNull(),
    title: text("title").notNull(),
    /** Municipality number (Klass 131) the engagement counts for, e.g. "3201". */
    areaCode: text("area_code").notNull(),
    topics: jsonb("topics").$type<EngagementTopic[]>().notNull().default([]),
    /** Stable keys of the plan measures it serves, e.g. ["a1-m6", "a2-m1"]. */
    measureKeys: jsonb("measure_keys").$type<string[]>().notNull().default([]),
    notes: text("notes"),
    /** Notes exempt from public access (offentleglova); never public, never exported. */
    notesExempt: boolean("notes_exempt").notNull().default(false),
    /** The legal basis of the exemption, e.g. "offentleglova § 13 jf. forvaltningsloven § 13 første ledd nr. 2". */
    notesExemptionBasis: text("notes_exemption_basis"),
    /** Personal data (contact persons, sole proprietorships' numbers) is purged on this day. */
    purgeAfter: date("purge_after", { mode: "string" }),
    personalDataPurgedAt: timestamp("personal_data_purged_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    batchId: uuid("batch_id").references(() => importBatches.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("engagements_date_idx").on(t.date),
    index("engagements_kind_date_idx").on(t.kind, t.date),
    check("engagements_kind_check", sql`${t.kind} in ('company_visit','contact_meeting','dialogue_meeting','event','advocacy','welcome')`),
    check("engagements_area_check", sql`${t.areaCode} ~ '^[0-9]{4}$'`),
    check(
      "engagements_exemption_check",
      sql`not ${t.notesExempt} or (${t.notesExemptionBasis} is not null and length(trim(${t.notesExemptionBasis})) > 0)`,
    ),
  ],
);

/** Companies an engagement met, by organisation number; a number not in the register is allowed and flagged. */
export const engagementCompanies = pgTable(
  "engagement_companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    /** Null once purged (a sole proprietorship's number is personal data). */
    orgnr: text("orgnr"),
    name: text("name"),
    foundInRegister: boolean("found_in_register").notNull().default(false),
    /** Sole proprietorship or unknown form: the number (and the name) are personal data. */
    soleProprietorship: boolean("sole_proprietorship").notNull().default(false),
    purgedAt: timestamp("purged_at", { withTimezone: true }),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [
    index("engagement_companies_engagement_idx").on(t.engagementId),
    index("engagement_companies_orgnr_idx").on(t.orgnr),
    check("engagement_companies_orgnr_check", sql`${t.orgnr} is null or ${t.orgnr} ~ '^[0-9]{9}$'`),
  ],
);

export const engagementOrganisations = pgTable(
  "engagement_organisations",
  {
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => partnerOrganisations.id, { onDelete: "restrict" }),
  },
  (t) => [primaryKey({ columns: [t.engagementId, t.organisationId] }), index("engagement_organisations_org_idx").on(t.organisationId)],
);

/** The municipality's own people at the engagement, by role (the name is optional). */
export const engagementParticipants = pgTable(
  "engagement_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    role: text("role").$type<ParticipantRole>().notNull(),
    name: text("name"),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [
    index("engagement_participants_engagement_idx").on(t.engagementId),
    check(
      "engagement_participants_role_check",
      sql`${t.role} in ('political_leadership','administrative_leadership','business_development_staff','other')`,
    ),
  ],
);

/** Contact persons at the companies: personal data, optional, deleted by the purge. */
export const engagementContacts = pgTable(
  "engagement_contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: text("position"),
    email: text("email"),
    phone: text("phone"),
    companyOrgnr: text("company_orgnr"),
    sort: integer("sort").notNull().default(0),
  },
  (t) => [index("engagement_contacts_engagement_idx").on(t.engagementId)],
);

export const engagementFollowUps = pgTable(
  "engagement_follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    engagementId: uuid("engagement_id")
      .notNull()
      .references(() => engagements.id, { onDelete: "cascade" }),
    task: text("task").notNull(),
    owner: text("owner"),
    department: text("department"),
    dueDate: date("due_date", { mode: "string" }),
    doneOn: date("done_on", { mode: "string" }),
    ...timestamps,
  },
  (t) => [index("engagement_follow_ups_due_idx").on(t.dueDate), index("engagement_follow_ups_engagement_idx").on(t.engagementId)],
);

/**
 * Contact-meeting offers to the ten largest companies of a year (ranked at 1 January). A row that
 * drops out of the ranking when the list is regenerated is kept once it has an offer (in_ranking
 * false) and deleted while still pending.
 */
export const contactMeetingOffers = pgTable(
  "contact_meeting_offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    areaCode: text("area_code").notNull(),
    orgnr: text("orgnr").notNull(),
    name: text("name").notNull(),
    rank: integer("rank"),
    employees: integer("employees"),
    /** The register date the ranking used. */
    rankedAsOf: date("ranked_as_of", { mode: "string" }),
    inRanking: boolean("in_ranking").notNull().default(true),
    status: text("status").$type<OfferStatus>().notNull().default("pending"),
    offeredOn: date("offered_on", { mode: "string" }),
    heldOn: date("held_on", { mode: "string" }),
    declinedOn: date("declined_on", { mode: "string" }),
    engagementId: uuid("engagement_id").references(() => engagements.id, { onDelete: "set null" }),
    note: text("note"),
    ...timestamps,
  },
  (t) => [
    unique("contact_meeting_offers_year_org").on(t.year, t.areaCode, t.orgnr),
    check("contact_meeting_offers_status_check", sql`${t.status} in ('pending','offered','held','declined')`),
    check(
      "contact_meeting_offers_dates_check",
      sql`(${t.status} = 'pending' or ${t.offeredOn} is not null) and (${t.status} <> 'held' or ${t.heldOn} is not null) and (${t.status} <> 'declined' or ${t.declinedOn} is not null)`,
    ),
  ],
);

/** Companies welcomed (newly registered in or moved into the municipality). */
export const companyWelcomes = pgTable(
  "company_welcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null once purged (sole proprietorship). */
    orgnr: text("orgnr"),
    name: text("name"),
    areaCode: text("area_code").notNull(),
    reason: text("reason").$type<WelcomeReason>().notNull(),
    /** Registration or move date from the register. */
    occurredOn: date("occurred_on", { mode: "string" }),
    welcomedOn: date("welcomed_on", { mode: "string" }).notNull(),
    engagementId: uuid("engagement_id").references(() => engagements.id, { onDelete: "set null" }),
    soleProprietorship: boolean("sole_proprietorship").notNull().default(false),
    purgeAfter: date("purge_after", { mode: "string" }),
    purgedAt: timestamp("purged_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    unique("company_welcomes_org_area").on(t.orgnr, t.areaCode),
    index("company_welcomes_welcomed_idx").on(t.welcomedOn),
    check("company_welcomes_reason_check", sql`${t.reason} in ('new','moved_in')`),
  ],
);
