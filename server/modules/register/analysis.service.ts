import type { Analysis, Ranking, RankingMetric, SnapshotRef, SurvivalFigure, YearFigures } from "../../../core/api/register.js";
import {
  type AggRow,
  areaSummary,
  employmentFigures,
  firmFigures,
  inScope,
  latestOnOrBefore,
  NATIONAL,
  planSurvival,
  rankAreas,
  rankingKind,
  registrationsByYear,
  survivalFigure,
  yearFigures as yearFiguresOf,
} from "../../../core/register/analysis.js";
import { municipalityLabel, peersOf, predecessorCodes } from "../../../core/register/lookup.js";
import type { DbOrTx } from "../../db/client.js";
import { aggregatesFor, changeCounts, cohortCounts, listSnapshots, populationByYear, rankingTotals } from "./analysis.store.js";
import { topEmployers } from "./companies.service.js";

/**
 * The business-structure analysis of a municipality (docs/register.md defines every figure):
 * firms (hovedenheter by forretningsadresse, else postadresse) from the latest enheter snapshot,
 * employment and size classes (underenheter by beliggenhetsadresse) from the latest underenheter
 * snapshot, both on or before `asOf`; the top employers; registrations, deletions and bankruptcies
 * per year; cohort survival where snapshots allow it; the peer municipalities and the country.
 * Reads pre-aggregated rows (register_aggregates), so it stays fast on national data; the figures
 * are computed by the pure functions in core/register/analysis.ts.
 */

export type { AggRow, SnapshotRef };
export { aggregatesFor, employmentFigures, firmFigures, inScope, listSnapshots, NATIONAL };

const today = () => new Date().toISOString().slice(0, 10);

const SUMMARY_DIMS = ["total", "division", "size"];

/** The whole analysis of one municipality (today's number) as of a date (default: today). */
export async function analyseMunicipality(db: DbOrTx, o: { areaCode: string; asOf?: string; topN?: number }): Promise<Analysis> {
  const area = o.areaCode;
  const asOf = o.asOf ?? today();
  const snaps = await listSnapshots(db);
  const firmSnap = latestOnOrBefore(snaps, "enheter", area, asOf);
  const unitSnap = latestOnOrBefore(snaps, "underenheter", area, asOf);
  const peers = peersOf(area);
  // Only the rows of the area, its peers and the country ('*'): a few hundred, not the register.
  const current = await aggregatesFor(
    db,
    [firmSnap?.id, unitSnap?.id].filter((x): x is number => x !== undefined),
    [area, ...peers, NATIONAL],
    ["total", "division", "size", "form", "bankrupt"],
  );
  const rowsOf = (s: SnapshotRef, a: string) => current.filter((r) => r.snapshot_id === s.id && r.area_code === a);
  /** The snapshot's rows of an area when the snapshot covers it (and, with `national`, only a national one). */
  const part = (s: SnapshotRef | null, a: string, national = false) =>
    s && (national ? s.scope === "national" : inScope(s, a)) ? { snapshot: s, rows: rowsOf(s, a) } : null;

  const firms = firmSnap ? firmFigures(firmSnap, rowsOf(firmSnap, area)) : null;
  const employment = unitSnap ? employmentFigures(unitSnap, rowsOf(unitSnap, area)) : null;
  const peerSummaries = peers.map((p) => areaSummary(p, part(firmSnap, p), part(unitSnap, p)));
  const national =
    firmSnap?.scope === "national" || unitSnap?.scope === "national"
      ? areaSummary(NATIONAL, part(firmSnap, NATIONAL, true), part(unitSnap, NATIONAL, true))
      : null;

  // Trend: every snapshot covering the area.
  const trendSnaps = snaps.filter((s) => inScope(s, area) && s.asOf <= asOf);
  const trendRows = await aggregatesFor(
    db,
    trendSnaps.map((s) => s.id),
    [area],
    SUMMARY_DIMS,
  );
  const trend = trendSnaps.map((s) => {
    const own = { snapshot: s, rows: trendRows.filter((r) => r.snapshot_id === s.id) };
    return { snapshot: s, summary: areaSummary(area, s.kind === "enheter" ? own : null, s.kind === "underenheter" ? own : null) };
  });

  const years = await yearFigures(db, snaps, area, asOf);
  const survival = await survivalFigures(db, snaps, area, asOf);
  const top = unitSnap ? await topEmployers(db, { areaCode: area, asOf, limit: o.topN ?? 10 }) : null;
  return {
    area: { code: area, name: municipalityLabel(area), predecessors: predecessorCodes(area) },
    asOf,
    firms,
    employment,
    topEmployers: top,
    years,
    survival,
    peers: peerSummaries,
    national,
    trend,
  };
}

export async function yearFigures(db: DbOrTx, snaps: SnapshotRef[], area: string, asOf: string): Promise<YearFigures[]> {
  const firmSnaps = snaps.filter((s) => s.kind === "enheter" && inScope(s, area) && s.asOf <= asOf);
  const reg = await aggregatesFor(
    db,
    firmSnaps.map((s) => s.id),
    [area],
    ["registered"],
  );
  return yearFiguresOf({
    registrations: registrationsByYear(reg),
    changes: await changeCounts(db, area, asOf),
    population: await populationByYear(db, area),
    hasChanges: firmSnaps.length >= 2,
    asOf,
  });
}

/** Survival of the firms registered in a year (core/register/analysis.ts planSurvival): the counts per planned pair. */
export async function survivalFigures(db: DbOrTx, snaps: SnapshotRef[], area: string, asOf: string): Promise<SurvivalFigure[]> {
  const out: SurvivalFigure[] = [];
  for (const plan of planSurvival(snaps, area, asOf)) {
    if ("noData" in plan) {
      out.push(plan.noData);
      continue;
    }
    const { cohort, years, cohortSnapshot, followUp } = plan;
    const { size, survivors } = await cohortCounts(db, {
      area,
      cohort,
      cohortSnapshotId: cohortSnapshot.id,
      followUpSnapshotId: followUp.id,
    });
    out.push(survivalFigure(cohort, years, size, survivors));
  }
  return out;
}

/** A figure for every municipality (today's numbers) in the national snapshot in effect at `asOf`. */
export async function rankMunicipalities(db: DbOrTx, o: { metric: RankingMetric; asOf?: string }): Promise<Ranking> {
  const asOf = o.asOf ?? today();
  const snaps = await listSnapshots(db);
  const kind = rankingKind(o.metric);
  const snap = snaps.filter((s) => s.kind === kind && s.scope === "national" && s.asOf <= asOf).at(-1) ?? null;
  if (!snap) return { snapshot: null, rows: [] };
  const rows = await rankingTotals(db, snap.id);
  return { snapshot: snap, rows: rankAreas(rows, o.metric) };
}
