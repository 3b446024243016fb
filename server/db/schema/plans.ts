import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import type { FactDoc, PlanDocument } from "../../../core/plan/document.js";
import type { TargetSpec } from "../../../core/targets/spec.js";
import { users } from "./accounts.js";
import { timestamps } from "./columns.js";

export const plans = pgTable(
  "plans",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull().unique(),
    municipalityCode: text("municipality_code").notNull(),
    municipalityName: text("municipality_name").notNull(),
    formerCodes: jsonb("former_codes").$type<string[]>().notNull().default([]),
    title: text("title").notNull(),
    version: text("version").notNull(),
    status: text("status").$type<PlanDocument["status"]>().notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    adoptionBody: text("adoption_body"),
    adoptionDate: date("adoption_date", { mode: "string" }),
    adoptionCaseNumber: text("adoption_case_number"),
    adoptionNote: text("adoption_note"),
    previousVersionId: uuid("previous_version_id").references((): AnyPgColumn => plans.id, { onDelete: "set null" }),
    source: text("source"),
    introduction: text("introduction"),
    mainGoal: text("main_goal").notNull(),
    dimensions: jsonb("dimensions").$type<PlanDocument["mainGoal"]["dimensions"]>().notNull(),
    roles: jsonb("roles").$type<PlanDocument["roles"]>().notNull(),
    analyses: jsonb("analyses").$type<PlanDocument["analyses"]>().notNull(),
    ...timestamps,
  },
  (t) => [check("plans_status_check", sql`${t.status} in ('draft','adopted','archived')`)],
);

export const focusAreas = pgTable(
  "focus_areas",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    figureImportance: real("figure_importance"),
    figureInfluence: real("figure_influence"),
    figureApproximate: boolean("figure_approximate").notNull().default(false),
    figureNote: text("figure_note"),
    facts: jsonb("facts").$type<FactDoc[]>().notNull().default([]),
    ...timestamps,
  },
  (t) => [unique("focus_areas_plan_key").on(t.planId, t.key), unique("focus_areas_plan_number").on(t.planId, t.number)],
);

export const goals = pgTable(
  "goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    focusAreaId: uuid("focus_area_id")
      .notNull()
      .references(() => focusAreas.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    text: text("text").notNull(),
    sort: integer("sort").notNull(),
    ...timestamps,
  },
  (t) => [unique("goals_plan_key").on(t.planId, t.key), index("goals_area_idx").on(t.focusAreaId)],
);

export const MEASURE_STATUS_SQL = sql`('planned','in_progress','completed','delayed','cancelled')`;

export const measures = pgTable(
  "measures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    focusAreaId: uuid("focus_area_id")
      .notNull()
      .references(() => focusAreas.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    text: text("text").notNull(),
    periodStart: date("period_start", { mode: "string" }),
    periodEnd: date("period_end", { mode: "string" }),
    owner: text("owner"),
    status: text("status").notNull(),
    progress: integer("progress").notNull().default(0),
    dueDate: date("due_date", { mode: "string" }),
    goalKeys: jsonb("goal_keys").$type<string[]>().notNull().default([]),
    sort: integer("sort").notNull(),
    ...timestamps,
  },
  (t) => [
    unique("measures_plan_key").on(t.planId, t.key),
    index("measures_area_idx").on(t.focusAreaId),
    check("measures_status_check", sql`${t.status} in ('planned','in_progress','completed','delayed','cancelled')`),
    check("measures_progress_check", sql`${t.progress} between 0 and 100`),
  ],
);

export const measureUpdates = pgTable(
  "measure_updates",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    measureId: uuid("measure_id")
      .notNull()
      .references(() => measures.id, { onDelete: "cascade" }),
    date: date("date", { mode: "string" }).notNull(),
    status: text("status").notNull(),
    progress: integer("progress").notNull(),
    comment: text("comment").notNull().default(""),
    author: text("author").notNull(),
    authorUserId: uuid("author_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("measure_updates_measure_idx").on(t.measureId, t.date),
    check("measure_updates_status_check", sql`${t.status} in ('planned','in_progress','completed','delayed','cancelled')`),
  ],
);

export const targets = pgTable(
  "targets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    focusAreaId: uuid("focus_area_id")
      .notNull()
      .references(() => focusAreas.id, { onDelete: "cascade" }),
    goalId: uuid("goal_id").references(() => goals.id, { onDelete: "cascade" }),
    measureId: uuid("measure_id").references(() => measures.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    type: text("type").notNull(),
    indicatorKey: text("indicator_key"),
    spec: jsonb("spec").$type<TargetSpec>().notNull(),
    sort: integer("sort").notNull(),
    ...timestamps,
  },
  (t) => [
    unique("targets_plan_key").on(t.planId, t.key),
    check("targets_single_owner", sql`not (${t.goalId} is not null and ${t.measureId} is not null)`),
  ],
);

/** Indicators are shared across plans (a revision keeps measuring the same things). */
export const indicators = pgTable("indicators", {
  id: uuid("id").primaryKey().defaultRandom(),
  key: text("key").notNull().unique(),
  nameNb: text("name_nb").notNull(),
  nameEn: text("name_en").notNull(),
  unit: text("unit").notNull(),
  format: text("format").notNull(),
  aggregation: text("aggregation").notNull(),
  preferredTrend: text("preferred_trend").notNull(),
  updateFrequency: text("update_frequency").notNull(),
  sourceKind: text("source_kind").notNull(),
  definitionNb: text("definition_nb"),
  definitionEn: text("definition_en"),
  ...timestamps,
});

/** The indicators a plan uses, in the plan's order. */
export const planIndicators = pgTable(
  "plan_indicators",
  {
    planId: uuid("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    sort: integer("sort").notNull(),
  },
  (t) => [unique("plan_indicators_pk").on(t.planId, t.indicatorId)],
);

/** Values per area (municipality number, or "0000" for Norway) and period, with provenance. */
export const indicatorValues = pgTable(
  "indicator_values",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => indicators.id, { onDelete: "cascade" }),
    areaCode: text("area_code").notNull(),
    period: text("period").notNull(),
    periodStart: date("period_start", { mode: "string" }).notNull(),
    periodEnd: date("period_end", { mode: "string" }).notNull(),
    value: doublePrecision("value"),
    status: text("status"),
    source: text("source").notNull(),
    sourceTable: text("source_table"),
    periodApproximate: boolean("period_approximate").notNull().default(false),
    note: text("note"),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }),
    recordedBy: text("recorded_by").notNull(),
    ...timestamps,
  },
  (t) => [
    unique("indicator_values_unique").on(t.indicatorId, t.areaCode, t.period),
    index("indicator_values_lookup").on(t.indicatorId, t.areaCode, t.periodStart),
    check("indicator_values_value_or_status", sql`${t.value} is not null or ${t.status} is not null`),
  ],
);
