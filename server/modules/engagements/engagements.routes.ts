import { engagementOfferRoutes as offerRoutes } from "../../../core/api/engagement-offers.js";
import { engagementQuerySchema, engagementRoutes as routes } from "../../../core/api/engagements.js";
import { type RoutePlugin, serve } from "../../http.js";
import { registerCsvRoutes } from "../../lib/csv-routes.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import { findCompanyHistory } from "./company-history.service.js";
import { requireEngagementWriter, viewerOf } from "./engagements.access.js";
import { exportEngagementsCsv, importEngagementsCsv } from "./engagements.csv.js";
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

const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];

/**
 * The company engagement log. Nothing here is public: company visits with notes are the office's
 * internal working data; the public sees only the counts, through the plan's indicators.
 */
export const engagementRoutes: RoutePlugin = (app, ctx) => {
  const { db, config } = ctx;
  const retention = () => ({ retentionDays: config.personalDataRetentionDays });

  serve(app, routes.list, async (req) => findEngagements(db, req.query, viewerOf(req.user)));

  serve(app, routes.get, async (req) => {
    const viewer = viewerOf(req.user);
    return getEngagement(db, req.params.id, viewer);
  });

  serve(app, routes.create, async (req) => {
    const user = await requireEngagementWriter(db, req.user, req.body.measureKeys ?? []);
    return db.transaction((tx) => createEngagement(tx, actorOf(user), req.body, retention()));
  });

  serve(app, routes.update, async (req) => {
    const row = await getEngagementRow(db, req.params.id);
    const user = await requireEngagementWriter(db, req.user, [...row.measureKeys, ...(req.body.measureKeys ?? [])]);
    return db.transaction((tx) => updateEngagement(tx, actorOf(user), req.params.id, req.body, retention()));
  });

  serve(app, routes.remove, async (req) => {
    const row = await getEngagementRow(db, req.params.id);
    const user = await requireEngagementWriter(db, req.user, row.measureKeys);
    await db.transaction((tx) => deleteEngagement(tx, actorOf(user), req.params.id));
  });

  // ─── Follow-ups ──────────────────────────────────────────────────────────────────────────────
  serve(app, routes.followUps, async (req) => {
    requireUser(req.user);
    return findFollowUps(db, req.query);
  });

  serve(app, routes.addFollowUp, async (req) => {
    const row = await getEngagementRow(db, req.params.id);
    const user = await requireEngagementWriter(db, req.user, row.measureKeys);
    return db.transaction((tx) => addFollowUp(tx, actorOf(user), req.params.id, req.body));
  });

  serve(app, routes.updateFollowUp, async (req) => {
    const f = await getFollowUpRow(db, req.params.id);
    const row = await getEngagementRow(db, f.engagementId);
    const user = await requireEngagementWriter(db, req.user, row.measureKeys);
    return db.transaction((tx) => updateFollowUp(tx, actorOf(user), req.params.id, req.body));
  });

  serve(app, routes.removeFollowUp, async (req) => {
    const f = await getFollowUpRow(db, req.params.id);
    const row = await getEngagementRow(db, f.engagementId);
    const user = await requireEngagementWriter(db, req.user, row.measureKeys);
    await db.transaction((tx) => deleteFollowUp(tx, actorOf(user), req.params.id));
  });

  // ─── Organisations and authorities ───────────────────────────────────────────────────────────
  serve(app, routes.organisations, async (req) => {
    requireUser(req.user);
    return findOrganisations(db);
  });

  serve(app, routes.createOrganisation, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => createOrganisation(tx, actorOf(user), req.body));
  });

  // ─── Company history ─────────────────────────────────────────────────────────────────────────
  serve(app, offerRoutes.companyHistory, async (req) => findCompanyHistory(db, req.params.orgnr, viewerOf(req.user)));

  // ─── Top-10 contact-meeting offers ───────────────────────────────────────────────────────────
  serve(app, offerRoutes.offers, async (req) => {
    requireUser(req.user);
    return findOffers(db, req.params.year, req.query.areaCode ?? (await defaultAreaCode(db)));
  });

  serve(app, offerRoutes.generateOffers, async (req) => {
    const user = requireRole(req.user, EDITORS);
    const areaCode = req.query.areaCode ?? (await defaultAreaCode(db));
    return db.transaction((tx) => generateOffers(tx, actorOf(user), req.params.year, areaCode));
  });

  serve(app, offerRoutes.updateOffer, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => updateOffer(tx, actorOf(user), req.params.id, req.body));
  });

  // ─── Welcomes ────────────────────────────────────────────────────────────────────────────────
  serve(app, offerRoutes.welcomeCandidates, async (req) => {
    requireUser(req.user);
    return findWelcomeCandidates(db, req.query);
  });

  serve(app, offerRoutes.welcomes, async (req) => {
    requireUser(req.user);
    return findWelcomes(db, req.query);
  });

  serve(app, offerRoutes.markWelcomed, async (req) => {
    const user = requireRole(req.user, EDITORS);
    return db.transaction((tx) => markWelcomed(tx, actorOf(user), req.body, retention()));
  });

  registerCsvRoutes(app, ctx, {
    base: "/api/engagements",
    tags: ["engagements"],
    what: "engagements (one row per engagement; lists |-separated; no contact persons, no exempt notes)",
    fileName: "bedriftskontakt.csv",
    query: engagementQuerySchema,
    exportCsv: exportEngagementsCsv,
    importCsv: (tx, actor, bytes, opts) => importEngagementsCsv(tx, actor, bytes, { ...opts, ...retention() }),
  });
};
