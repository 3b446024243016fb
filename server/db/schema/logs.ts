import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { ENTREPRENEUR_SESSION_KINDS } from "../../../core/entrepreneurs/vocabulary.js";
import type { Geometry } from "../../../core/geo/geojson.js";
import { LAND_AREA_STATUSES, REZONING_STATUSES } from "../../../core/land/vocabulary.js";
import { PROJECT_KINDS, PROJECT_STATUSES } from "../../../core/projects/vocabulary.js";
import { users } from "./accounts.js";
import { timestamps } from "./columns.js";

/**
 * The office's own delivery logs: building cases, entrepreneur guidance, LIA placements,
 * projects and the land bank. Each feeds indicators through a derived-indicator provider.
 */

/** One CSV import (or API batch) of any log: what came in and what happened to it. */
export const importBatches = pgTable("import_batches", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** "building_applications", "entrepreneur_sessions", "lia_placements", "projects", "land_areas" … */
  kind: text("kind").notNull(),
  fileName: text("file_name"),
  encoding: text("encoding"),
  rowsRead: integer("rows_read").notNull(),
  inserted: integer("inserted").notNull(),
  updated: integer("updated").notNull(),
  unchanged: integer("unchanged").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const APPLICATION_TYPES = [
  "ett_trinn",
  "rammetillatelse",
  "igangsettingstillatelse",
  "endringssoknad",
  "dispensasjon",
  "midlertidig_brukstillatelse",
  "ferdigattest",
  "tiltak_uten_ansvarsrett",
  "annet",
] as const;
export type ApplicationType = (typeof APPLICATION_TYPES)[number];

/**
 * Byggesak applications: one row per application (a case can hold several). Dates are calendar
 * dates in Norway. The statutory deadline is not stored: it follows from the dated rule table in
 * core/building-cases.
 */
export const buildingApplications = pgTable(
  "building_applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Case number in the case system (saksnummer), e.g. "17/01234". */
    caseId: text("case_id").notNull(),
    /** The application's own id in the case system (journalpost / søknad id). */
    applicationId: text("application_id").notNull(),
    applicationType: text("application_type").$type<ApplicationType>().notNull(),
    /** Næringsbygg: a building for business use (office, retail, industry, warehouse, hotel …). */
    commercial: boolean("commercial").notNull(),
    buildingKind: text("building_kind"),
    address: text("address"),
    receivedDate: date("received_date", { mode: "string" }).notNull(),
    /** The day the application was complete (komplett søknad); the clock starts here. */
    completeDate: date("complete_date", { mode: "string" }),
    decisionDate: date("decision_date", { mode: "string" }),
    neighbourObjections: boolean("neighbour_objections").notNull().default(false),
    dispensationNeeded: boolean("dispensation_needed").notNull().default(false),
    otherAuthorities: boolean("other_authorities").notNull().default(false),
    batchId: uuid("batch_id").references(() => importBatches.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    unique("building_applications_case_app").on(t.caseId, t.applicationId),
    index("building_applications_decision_idx").on(t.decisionDate),
    check(
      "building_applications_type_check",
      sql`${t.applicationType} in ('ett_trinn','rammetillatelse','igangsettingstillatelse','endringssoknad','dispensasjon','midlertidig_brukstillatelse','ferdigattest','tiltak_uten_ansvarsrett','annet')`,
    ),
    check(
      "building_applications_dates_check",
      sql`${t.decisionDate} is null or ${t.completeDate} is null or ${t.decisionDate} >= ${t.completeDate}`,
    ),
  ],
);

/** Periods the clock stood still (e.g. waiting for missing documents); `toDate` null = still stopped. */
export const buildingApplicationStops = pgTable(
  "building_application_stops",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => buildingApplications.id, { onDelete: "cascade" }),
    fromDate: date("from_date", { mode: "string" }).notNull(),
    toDate: date("to_date", { mode: "string" }),
    reason: text("reason"),
  },
  (t) => [
    index("building_application_stops_app_idx").on(t.applicationId),
    check("stops_order_check", sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
  ],
);

export { ENTREPRENEUR_SESSION_KINDS };

/** Etablerertjenesten: guidance sessions and courses; counts only, no personal identifiers. */
export const entrepreneurSessions = pgTable(
  "entrepreneur_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    date: date("date", { mode: "string" }).notNull(),
    kind: text("kind").$type<(typeof ENTREPRENEUR_SESSION_KINDS)[number]>().notNull(),
    title: text("title"),
    participants: integer("participants").notNull(),
    participantsGrowthPotential: integer("participants_growth_potential").notNull().default(0),
    participantsForeignBackground: integer("participants_foreign_background").notNull().default(0),
    /** Municipality number of the participants' home municipality (the service is shared with Asker). */
    homeMunicipality: text("home_municipality").notNull(),
    batchId: uuid("batch_id").references(() => importBatches.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("entrepreneur_sessions_date_idx").on(t.date),
    check(
      "entrepreneur_sessions_counts_check",
      sql`${t.participants} >= 0 and ${t.participantsGrowthPotential} between 0 and ${t.participants} and ${t.participantsForeignBackground} between 0 and ${t.participants}`,
    ),
  ],
);

/**
 * An entrepreneur's later organisation number, to estimate one-year survival from the register.
 * Personal data when it is a sole proprietorship: purged after the retention period, never public.
 */
export const entrepreneurLinks = pgTable(
  "entrepreneur_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sessionId: uuid("session_id").references(() => entrepreneurSessions.id, { onDelete: "set null" }),
    orgnr: text("orgnr"),
    /** Set when the register says the unit is an enkeltpersonforetak (ENK): then `orgnr` is personal data. */
    soleProprietorship: boolean("sole_proprietorship").notNull().default(false),
    registeredDate: date("registered_date", { mode: "string" }),
    /** Purge date (retention); null after the purge. */
    purgeAfter: date("purge_after", { mode: "string" }),
    purgedAt: timestamp("purged_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [check("entrepreneur_links_orgnr_check", sql`${t.orgnr} is null or ${t.orgnr} ~ '^[0-9]{9}$'`)],
);

/** LIA (læring i arbeidslivet) and other school–business placements, per school year. */
export const liaPlacements = pgTable(
  "lia_placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schoolYear: text("school_year").notNull(),
    companyName: text("company_name").notNull(),
    orgnr: text("orgnr"),
    /** "private", "municipal", "state", "voluntary" */
    sector: text("sector").notNull(),
    school: text("school"),
    placements: integer("placements").notNull(),
    batchId: uuid("batch_id").references(() => importBatches.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("lia_placements_year_idx").on(t.schoolYear),
    check("lia_placements_count_check", sql`${t.placements} > 0`),
    check("lia_placements_year_check", sql`${t.schoolYear} ~ '^[0-9]{4}/[0-9]{2}$'`),
  ],
);

/**
 * Skole og næringsliv, per school year: Ungt Entreprenørskap programme runs ("ue_programme":
 * school, grade, programme, pupils) and apprenticeship and practice places in the municipality's
 * own services ("apprenticeship": unit, trade, places). Described by core/logs/descriptors/school-business.ts.
 */
export const schoolBusinessEntries = pgTable(
  "school_business_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    schoolYear: text("school_year").notNull(),
    kind: text("kind").notNull(),
    /** The school (programme runs) or the municipal unit (apprenticeship places). */
    place: text("place").notNull(),
    grade: text("grade"),
    programme: text("programme"),
    trade: text("trade"),
    /** Pupils (programme runs) or places (apprenticeships). */
    count: integer("count").notNull(),
    batchId: uuid("batch_id").references(() => importBatches.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [
    index("school_business_year_idx").on(t.schoolYear, t.kind),
    check("school_business_count_check", sql`${t.count} > 0`),
    check("school_business_year_check", sql`${t.schoolYear} ~ '^[0-9]{4}/[0-9]{2}$'`),
    check("school_business_kind_check", sql`${t.kind} in ('ue_programme','apprenticeship')`),
  ],
);

export { PROJECT_KINDS, PROJECT_STATUSES };

export const projects = pgTable(
  "projects",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull().unique(),
    kind: text("kind").$type<(typeof PROJECT_KINDS)[number]>().notNull(),
    title: text("title").notNull(),
    status: text("status").$type<(typeof PROJECT_STATUSES)[number]>().notNull(),
    /** The day the project counts as established (contract signed, competition announced, accepted in FutureBuilt …). */
    establishedDate: date("established_date", { mode: "string" }),
    startDate: date("start_date", { mode: "string" }),
    endDate: date("end_date", { mode: "string" }),
    partners: jsonb("partners").$type<string[]>().notNull().default([]),
    description: text("description"),
    /** Plan measure it serves (stable key), e.g. "a2-m5". */
    measureKey: text("measure_key"),
    batchId: uuid("batch_id").references(() => importBatches.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [index("projects_kind_idx").on(t.kind, t.establishedDate)],
);

export { LAND_AREA_STATUSES, REZONING_STATUSES };

/** Næringsarealer: the land bank. Geometry is GeoJSON in WGS84 (EPSG:4326), converted on input. */
export const landAreas = pgTable("land_areas", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  name: text("name").notNull(),
  centre: text("centre"),
  zoning: text("zoning"),
  totalM2: doublePrecision("total_m2"),
  availableM2: doublePrecision("available_m2"),
  plannedM2: doublePrecision("planned_m2"),
  status: text("status").$type<(typeof LAND_AREA_STATUSES)[number]>(),
  geometry: jsonb("geometry").$type<Geometry>(),
  /** Where the area is named (e.g. "Strategisk næringsplan 2015, satsingsområde 6"). */
  source: text("source"),
  note: text("note"),
  ...timestamps,
});

/** Applications to rezone business land to housing (the plan's restrictive policy). */
export const rezoningApplications = pgTable("rezoning_applications", {
  id: uuid("id").primaryKey().defaultRandom(),
  landAreaId: uuid("land_area_id").references(() => landAreas.id, { onDelete: "set null" }),
  caseId: text("case_id").notNull().unique(),
  title: text("title").notNull(),
  fromUse: text("from_use").notNull(),
  toUse: text("to_use").notNull(),
  areaM2: doublePrecision("area_m2"),
  receivedDate: date("received_date", { mode: "string" }).notNull(),
  decisionDate: date("decision_date", { mode: "string" }),
  status: text("status").$type<(typeof REZONING_STATUSES)[number]>().notNull(),
  ...timestamps,
});

/** Runs of scheduled jobs (e.g. the personal-data purge), so several processes share one schedule. */
export const jobRuns = pgTable("job_runs", {
  job: text("job").primaryKey(),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }).notNull(),
  lastResult: jsonb("last_result"),
  lastRunBy: uuid("last_run_by").references(() => users.id, { onDelete: "set null" }),
});
