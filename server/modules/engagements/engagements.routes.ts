import { z } from "zod";
import { idParams } from "../../../core/api/common.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { registerCsvRoutes } from "../../lib/csv-routes.js";
import { actorOf, requireRole, requireUser } from "../auth/access.js";
import { findCompanyHistory } from "./company-history.service.js";
import { requireEngagementWriter, viewerOf } from "./engagements.access.js";
import { exportEngagementsCsv, importEngagementsCsv } from "./engagements.csv.js";
import {
  companyHistorySchema,
  createEngagementSchema,
  createOrganisationSchema,
  engagementQuerySchema,
  engagementViewSchema,
  followUpInputSchema,
  followUpListItemSchema,
  followUpQuerySchema,
  followUpViewSchema,
  markWelcomedSchema,
  offerAreaQuery,
  offerListSchema,
  offerParams,
  offerViewSchema,
  organisationViewSchema,
  updateEngagementSchema,
  updateFollowUpSchema,
  updateOfferSchema,
  welcomeCandidateSchema,
  welcomeQuerySchema,
  welcomeViewSchema,
} from "./engagements.schemas.js";
import {
  createEngagement,
  defaultAreaCode,
  deleteEngagement,
  findEngagements,
  getEngagement,
  getEngagementRow,
  updateEngagement,
} from "./engagements.service.js";
import { addFollowUp, deleteFollowUp, findFollowUps, getFollowUpRow, updateFollowUp } from "./follow-ups.service.js";
import { findOffers, generateOffers, updateOffer } from "./offers.service.js";
import { createOrganisation, findOrganisations } from "./organisations.service.js";
import { findWelcomeCandidates, findWelcomes, markWelcomed } from "./welcomes.service.js";

const tags = ["engagements"];
const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];
const orgnrParams = z.object({ orgnr: z.string().regex(/^\d{9}$/) });
const offerIdParams = offerParams.extend({ id: z.string().min(1).max(100) });

/**
 * The company engagement log. Nothing here is public: company visits with notes are the office's
 * internal working data; the public sees only the counts, through the plan's indicators.
 */
export const engagementRoutes: RoutePlugin = (app, ctx) => {
  const { db, config } = ctx;
  const retention = () => ({ retentionDays: config.personalDataRetentionDays });

  app.get(
    "/api/engagements",
    {
      schema: {
        tags,
        summary: "Engagements: company visits, contact meetings, dialogue meetings, events, advocacy, welcomes (signed in)",
        querystring: engagementQuerySchema,
        response: { 200: z.array(engagementViewSchema), 401: errorSchema },
      },
    },
    async (req) => findEngagements(db, req.query, viewerOf(req.user)),
  );

  app.get(
    "/api/engagements/:id",
    { schema: { tags, summary: "An engagement (signed in)", params: idParams, response: { 200: engagementViewSchema, 404: errorSchema } } },
    async (req) => {
      const viewer = viewerOf(req.user);
      return getEngagement(db, req.params.id, viewer);
    },
  );

  app.post(
    "/api/engagements",
    {
      schema: {
        tags,
        summary: "Log an engagement (editors; contributors for their own measures). Companies are looked up in the register",
        body: createEngagementSchema,
        response: { 201: engagementViewSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      const user = await requireEngagementWriter(db, req.user, req.body.measureKeys ?? []);
      const view = await db.transaction((tx) => createEngagement(tx, actorOf(user), req.body, retention()));
      return reply.code(201).send(view);
    },
  );

  app.patch(
    "/api/engagements/:id",
    {
      schema: {
        tags,
        summary: "Edit an engagement (lists given replace the stored ones)",
        params: idParams,
        body: updateEngagementSchema,
        response: { 200: engagementViewSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const row = await getEngagementRow(db, req.params.id);
      const user = await requireEngagementWriter(db, req.user, [...row.measureKeys, ...(req.body.measureKeys ?? [])]);
      return db.transaction((tx) => updateEngagement(tx, actorOf(user), req.params.id, req.body, retention()));
    },
  );

  app.delete(
    "/api/engagements/:id",
    { schema: { tags, summary: "Delete an engagement", params: idParams, response: { 204: z.null(), 403: errorSchema } } },
    async (req, reply) => {
      const row = await getEngagementRow(db, req.params.id);
      const user = await requireEngagementWriter(db, req.user, row.measureKeys);
      await db.transaction((tx) => deleteEngagement(tx, actorOf(user), req.params.id));
      return reply.code(204).send(null);
    },
  );

  // ─── Follow-ups ──────────────────────────────────────────────────────────────────────────────
  app.get(
    "/api/engagements/follow-ups",
    {
      schema: {
        tags,
        summary: "Follow-up tasks; ?overdue=true for open tasks past their due date (signed in)",
        querystring: followUpQuerySchema,
        response: { 200: z.array(followUpListItemSchema), 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findFollowUps(db, req.query);
    },
  );

  app.post(
    "/api/engagements/:id/follow-ups",
    {
      schema: {
        tags,
        summary: "Add a follow-up task to an engagement",
        params: idParams,
        body: followUpInputSchema,
        response: { 201: followUpViewSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      const row = await getEngagementRow(db, req.params.id);
      const user = await requireEngagementWriter(db, req.user, row.measureKeys);
      return reply.code(201).send(await db.transaction((tx) => addFollowUp(tx, actorOf(user), req.params.id, req.body)));
    },
  );

  app.patch(
    "/api/engagements/follow-ups/:id",
    {
      schema: {
        tags,
        summary: "Edit a follow-up task; set doneOn to mark it done",
        params: idParams,
        body: updateFollowUpSchema,
        response: { 200: followUpViewSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const f = await getFollowUpRow(db, req.params.id);
      const row = await getEngagementRow(db, f.engagementId);
      const user = await requireEngagementWriter(db, req.user, row.measureKeys);
      return db.transaction((tx) => updateFollowUp(tx, actorOf(user), req.params.id, req.body));
    },
  );

  app.delete(
    "/api/engagements/follow-ups/:id",
    { schema: { tags, summary: "Delete a follow-up task", params: idParams, response: { 204: z.null(), 403: errorSchema } } },
    async (req, reply) => {
      const f = await getFollowUpRow(db, req.params.id);
      const row = await getEngagementRow(db, f.engagementId);
      const user = await requireEngagementWriter(db, req.user, row.measureKeys);
      await db.transaction((tx) => deleteFollowUp(tx, actorOf(user), req.params.id));
      return reply.code(204).send(null);
    },
  );

  // ─── Organisations and authorities ───────────────────────────────────────────────────────────
  app.get(
    "/api/engagements/organisations",
    {
      schema: {
        tags,
        summary: "Partner organisations and authorities (signed in)",
        response: { 200: z.array(organisationViewSchema), 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findOrganisations(db);
    },
  );

  app.post(
    "/api/engagements/organisations",
    {
      schema: {
        tags,
        summary: "Add a partner organisation or authority",
        body: createOrganisationSchema,
        response: { 201: organisationViewSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, EDITORS);
      return reply.code(201).send(await db.transaction((tx) => createOrganisation(tx, actorOf(user), req.body)));
    },
  );

  // ─── Company history ──────────────────────────────────────────────────────────────
  app.get(
    "/api/engagements/companies/:orgnr",
    {
      schema: {
        tags,
        summary: "A company's engagement history, follow-ups, contact-meeting offers and welcomes (signed in)",
        params: orgnrParams,
        response: { 200: companyHistorySchema, 401: errorSchema },
      },
    },
    async (req) => {
      return findCompanyHistory(db, req.params.orgnr, viewerOf(req.user));
    },
  );

  // ─── Top-10 contact-meeting offers ───────────────────────────────────────────────────────────
  app.get(
    "/api/engagements/offers/:year",
    {
      schema: {
        tags,
        summary: "The year's ten largest companies and their contact-meeting offers: offered and held (signed in)",
        params: offerParams,
        querystring: offerAreaQuery,
        response: { 200: offerListSchema, 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findOffers(db, req.params.year, req.query.areaCode ?? (await defaultAreaCode(db)));
    },
  );

  app.post(
    "/api/engagements/offers/:year/generate",
    {
      schema: {
        tags,
        summary: "(Re)build the year's top-10 list from the register at 1 January; offers already made are kept",
        params: offerParams,
        querystring: offerAreaQuery,
        response: { 200: offerListSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, EDITORS);
      const areaCode = req.query.areaCode ?? (await defaultAreaCode(db));
      return db.transaction((tx) => generateOffers(tx, actorOf(user), req.params.year, areaCode));
    },
  );

  app.patch(
    "/api/engagements/offers/:year/:id",
    {
      schema: {
        tags,
        summary: "Record an offer's status: offered, held or declined, with dates",
        params: offerIdParams,
        body: updateOfferSchema,
        response: { 200: offerViewSchema, 400: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const user = requireRole(req.user, EDITORS);
      return db.transaction((tx) => updateOffer(tx, actorOf(user), req.params.id, req.body));
    },
  );

  // ─── Welcomes ────────────────────────────────────────────────────────────────────────────────
  app.get(
    "/api/engagements/welcome-candidates",
    {
      schema: {
        tags,
        summary: "Companies newly registered in or moved into the municipality, to welcome (signed in)",
        querystring: welcomeQuerySchema,
        response: { 200: z.array(welcomeCandidateSchema), 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findWelcomeCandidates(db, req.query);
    },
  );

  app.get(
    "/api/engagements/welcomes",
    {
      schema: {
        tags,
        summary: "Companies welcomed (signed in)",
        querystring: z.object({ from: z.string().optional(), to: z.string().optional() }),
        response: { 200: z.array(welcomeViewSchema), 401: errorSchema },
      },
    },
    async (req) => {
      requireUser(req.user);
      return findWelcomes(db, req.query);
    },
  );

  app.post(
    "/api/engagements/welcomes",
    {
      schema: {
        tags,
        summary: "Mark a company welcomed: records the welcome and logs an engagement of kind welcome (or links one)",
        body: markWelcomedSchema.extend({ measureKeys: z.array(z.string()).max(30).default([]) }),
        response: { 201: welcomeViewSchema, 400: errorSchema, 409: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, EDITORS);
      return reply.code(201).send(await db.transaction((tx) => markWelcomed(tx, actorOf(user), req.body, retention())));
    },
  );

  registerCsvRoutes(app, ctx, {
    base: "/api/engagements",
    tags,
    what: "engagements (one row per engagement; lists |-separated; no contact persons, no exempt notes)",
    fileName: "bedriftskontakt.csv",
    query: engagementQuerySchema,
    exportCsv: exportEngagementsCsv,
    importCsv: (tx, actor, bytes, opts) => importEngagementsCsv(tx, actor, bytes, { ...opts, ...retention() }),
  });
};
