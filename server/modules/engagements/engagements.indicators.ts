import { and, eq, inArray, lte, min, sql } from "drizzle-orm";
import { countOffersPerYear, countVisitsPerDay, type LeadershipRole } from "../../../core/engagements/counting.js";
import type { SeriesValue } from "../../../core/indicators.js";
import { dailyCountSeries } from "../../../core/logs/count-series.js";
import { municipalityCodesFor } from "../../../core/logs/municipalities.js";
import type { DbOrTx } from "../../db/client.js";
import {
  companyWelcomes,
  contactMeetingOffers,
  type EngagementKind,
  engagementCompanies,
  engagementParticipants,
  engagements,
} from "../../db/schema/index.js";
import type { DerivedIndicator, DerivedInput } from "../indicators/index.js";

export const ENGAGEMENT_SOURCE = "Næringskompass: bedriftskontaktlogg";

/**
 * Indicators the engagement log feeds. Counting rules (docs/engagements.md):
 *
 * - company-visits: distinct (company, day) pairs over engagements of kind company_visit in the
 *   municipality (today's number or a former one) — one company on one day counts once however many
 *   engagements record it; a visit to several companies counts each (core/engagements/counting.ts).
 * - company-visits-political-leadership / -administrative-leadership: the same pairs, counted when
 *   an engagement recording the pair had a participant in that role.
 * - dialogue-meetings: engagements of kind dialogue_meeting, each counts 1.
 * - companies-welcomed: welcomes recorded, on the day of the welcome.
 * - advocacy-actions (and the per-measure variants): engagements of kind advocacy (serving the measure).
 * - top10-contact-offers / top10-contact-meetings-held: per year with a generated list, how many of
 *   the year's ten largest companies were offered a meeting (offered, held or declined) / had it held.
 *
 * Daily counts follow core/logs/count-series.ts: one value per day with events, zero months from the
 * log's first engagement (any kind, any municipality), so a year without events is a real 0.
 */

async function logStart(db: DbOrTx): Promise<string | null> {
  const [e] = await db.select({ first: min(engagements.date) }).from(engagements);
  const [w] = await db.select({ first: min(companyWelcomes.welcomedOn) }).from(companyWelcomes);
  return [e?.first, w?.first].filter((d): d is string => Boolean(d)).sort()[0] ?? null;
}

function visitsIndicator(key: string, role?: LeadershipRole): DerivedIndicator {
  return {
    key,
    async compute(db, input) {
      const rows = await db
        .select({
          engagementId: engagements.id,
          date: engagements.date,
          orgnr: engagementCompanies.orgnr,
          companyRowId: engagementCompanies.id,
        })
        .from(engagementCompanies)
        .innerJoin(engagements, eq(engagements.id, engagementCompanies.engagementId))
        .where(
          and(
            eq(engagements.kind, "company_visit"),
            inArray(engagements.areaCode, municipalityCodesFor(input.areaCode)),
            lte(engagements.date, input.range.end),
          ),
        );
      const ids = [...new Set(rows.map((r) => r.engagementId))];
      const roles = new Map<string, string[]>();
      if (role && ids.length > 0) {
        const ps = await db
          .select({ engagementId: engagementParticipants.engagementId, role: engagementParticipants.role })
          .from(engagementParticipants)
          .where(inArray(engagementParticipants.engagementId, ids));
        for (const p of ps) roles.set(p.engagementId, [...(roles.get(p.engagementId) ?? []), p.role]);
      }
      const perDay = countVisitsPerDay(
        rows.map((r) => ({ ...r, roles: roles.get(r.engagementId) ?? [] })),
        role,
      );
      return dailyCountSeries(perDay, await logStart(db), input.range, ENGAGEMENT_SOURCE);
    },
  };
}

function engagementCount(key: string, kind: EngagementKind, measureKey?: string): DerivedIndicator {
  return {
    key,
    async compute(db, input) {
      const rows = await db
        .select({ date: engagements.date, n: sql<number>`count(*)::int` })
        .from(engagements)
        .where(
          and(
            eq(engagements.kind, kind),
            inArray(engagements.areaCode, municipalityCodesFor(input.areaCode)),
            lte(engagements.date, input.range.end),
            measureKey ? sql`${engagements.measureKeys} @> ${JSON.stringify([measureKey])}::jsonb` : undefined,
          ),
        )
        .groupBy(engagements.date);
      return dailyCountSeries(
        rows.map((r) => ({ date: r.date, value: Number(r.n) })),
        await logStart(db),
        input.range,
        ENGAGEMENT_SOURCE,
      );
    },
  };
}

export const companiesWelcomedIndicator: DerivedIndicator = {
  key: "companies-welcomed",
  async compute(db, input) {
    const rows = await db
      .select({ date: companyWelcomes.welcomedOn, n: sql<number>`count(*)::int` })
      .from(companyWelcomes)
      .where(and(inArray(companyWelcomes.areaCode, municipalityCodesFor(input.areaCode)), lte(companyWelcomes.welcomedOn, input.range.end)))
      .groupBy(companyWelcomes.welcomedOn);
    return dailyCountSeries(
      rows.map((r) => ({ date: r.date, value: Number(r.n) })),
      await logStart(db),
      input.range,
      ENGAGEMENT_SOURCE,
    );
  },
};

/** One value per year that has a generated top-10 list (period "2017"); years without a list stay "no data". */
async function offerSeries(db: DbOrTx, input: DerivedInput, what: "offered" | "held"): Promise<SeriesValue[]> {
  const lastYear = Number(input.range.end.slice(0, 4));
  const rows = await db
    .select({ year: contactMeetingOffers.year, inRanking: contactMeetingOffers.inRanking, status: contactMeetingOffers.status })
    .from(contactMeetingOffers)
    .where(and(inArray(contactMeetingOffers.areaCode, municipalityCodesFor(input.areaCode)), lte(contactMeetingOffers.year, lastYear)));
  return [...countOffersPerYear(rows).entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, c]) => ({ period: String(year), value: c[what], source: ENGAGEMENT_SOURCE }));
}

export const top10OffersIndicator: DerivedIndicator = {
  key: "top10-contact-offers",
  compute: (db, input) => offerSeries(db, input, "offered"),
};
export const top10HeldIndicator: DerivedIndicator = {
  key: "top10-contact-meetings-held",
  compute: (db, input) => offerSeries(db, input, "held"),
};

/** Advocacy measures of the Bærum plan the log counts actions for (indicator key → measure key). */
export const ADVOCACY_MEASURE_INDICATORS = {
  "advocacy-actions-e18-e16": "a7-m1",
  "advocacy-actions-mobile-coverage": "a7-m2",
  "advocacy-actions-public-transport": "a7-m3",
  "advocacy-actions-with-business": "a7-m6",
} as const;

/** Indicators this module feeds (derived from its own tables). */
export const engagementIndicators: DerivedIndicator[] = [
  visitsIndicator("company-visits"),
  visitsIndicator("company-visits-political-leadership", "political_leadership"),
  visitsIndicator("company-visits-administrative-leadership", "administrative_leadership"),
  engagementCount("dialogue-meetings", "dialogue_meeting"),
  engagementCount("advocacy-actions", "advocacy"),
  ...Object.entries(ADVOCACY_MEASURE_INDICATORS).map(([key, measure]) => engagementCount(key, "advocacy", measure)),
  companiesWelcomedIndicator,
  top10OffersIndicator,
  top10HeldIndicator,
];
