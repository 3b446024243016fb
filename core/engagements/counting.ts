/**
 * Counting rules of the company engagement log, as pure functions (docs/engagements.md).
 *
 * Company visits: a visit is one company on one day. Every engagement of kind `company_visit` that
 * records a company contributes the pair (company, date); pairs are counted once however many
 * engagements record them, and an engagement with several companies contributes one pair per
 * company. The company is its organisation number; a company row without one (not in the register
 * and typed without a number, or purged as personal data) is its own company.
 *
 * A leadership variant counts a pair when at least one of the engagements recording it had a
 * participant in that role.
 *
 * The year of a visit is the year of its date; the date is the calendar day in Norway
 * (Europe/Oslo) the visit took place (the form defaults it to today in Norway).
 */

export type LeadershipRole = "political_leadership" | "administrative_leadership";

export interface VisitRecord {
  engagementId: string;
  /** ISO day in Norway. */
  date: string;
  /** Organisation number, or null when none is stored. */
  orgnr: string | null;
  /** The engagement_companies row id: identifies a company without a number. */
  companyRowId: string;
  /** Roles of the municipality's participants in the engagement. */
  roles: readonly string[];
}

export interface DayCount {
  date: string;
  value: number;
}

/** The identity of a visit: one company on one day. */
export function visitKey(r: Pick<VisitRecord, "date" | "orgnr" | "companyRowId">): string {
  return `${r.date}|${r.orgnr ?? `row:${r.companyRowId}`}`;
}

/** Distinct visits per day; with `role`, only visits where some recording engagement had that role. */
export function countVisitsPerDay(records: readonly VisitRecord[], role?: LeadershipRole): DayCount[] {
  const visits = new Map<string, { date: string; withRole: boolean }>();
  for (const r of records) {
    const key = visitKey(r);
    const seen = visits.get(key) ?? { date: r.date, withRole: false };
    seen.withRole ||= role !== undefined && r.roles.includes(role);
    visits.set(key, seen);
  }
  const perDay = new Map<string, number>();
  for (const v of visits.values()) {
    if (role !== undefined && !v.withRole) continue;
    perDay.set(v.date, (perDay.get(v.date) ?? 0) + 1);
  }
  return [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, value]) => ({ date, value }));
}

/** Visits per calendar year (the date's year). */
export function countVisitsPerYear(records: readonly VisitRecord[], role?: LeadershipRole): Map<number, number> {
  const out = new Map<number, number>();
  for (const d of countVisitsPerDay(records, role)) {
    const year = Number(d.date.slice(0, 4));
    out.set(year, (out.get(year) ?? 0) + d.value);
  }
  return out;
}

export interface OfferRecord {
  year: number;
  inRanking: boolean;
  status: "pending" | "offered" | "held" | "declined";
}

/**
 * Top-10 contact meetings: per year, how many companies of that year's ranking were offered a
 * meeting (status offered, held or declined: a declined offer was still made) and how many meetings
 * were held. Rows that fell out of the ranking when it was regenerated do not count.
 */
export function countOffersPerYear(offers: readonly OfferRecord[]): Map<number, { ranked: number; offered: number; held: number }> {
  const out = new Map<number, { ranked: number; offered: number; held: number }>();
  for (const o of offers) {
    const c = out.get(o.year) ?? { ranked: 0, offered: 0, held: 0 };
    if (o.inRanking) {
      c.ranked++;
      if (o.status !== "pending") c.offered++;
      if (o.status === "held") c.held++;
    }
    out.set(o.year, c);
  }
  return out;
}
