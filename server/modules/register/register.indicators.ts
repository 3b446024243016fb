import type { SeriesValue } from "../../../core/indicators.js";
import type { DbOrTx } from "../../db/client.js";
import type { DerivedIndicator, DerivedInput } from "../indicators/index.js";
import {
  aggregatesFor,
  employmentFigures,
  firmFigures,
  inScope,
  listSnapshots,
  type SnapshotRef,
  survivalFigures,
  yearFigures,
} from "./analysis.service.js";

/**
 * Plan indicators fed by the register analysis (definitions in docs/register.md). Stock figures
 * get one value per snapshot, dated by the snapshot (aggregation "last" picks the latest in a
 * period); flows get one value per year. The source names the snapshot, so every value carries its
 * provenance.
 */

const sourceOf = (s: SnapshotRef) => `Enhetsregisteret (Brønnøysundregistrene, NLOD), snapshot ${s.asOf}: ${s.source}`;

function perSnapshot(
  key: string,
  kind: "enheter" | "underenheter",
  value: (rows: Awaited<ReturnType<typeof aggregatesFor>>, s: SnapshotRef) => number | null,
): DerivedIndicator {
  return {
    key,
    async compute(db: DbOrTx, input: DerivedInput): Promise<SeriesValue[]> {
      const snaps = (await listSnapshots(db)).filter((s) => s.kind === kind && inScope(s, input.areaCode) && s.asOf <= input.range.end);
      if (snaps.length === 0) return [];
      const rows = await aggregatesFor(
        db,
        snaps.map((s) => s.id),
        [input.areaCode],
        ["total", "division", "size"],
      );
      return snaps.map((s) => ({
        period: s.asOf,
        value: value(
          rows.filter((r) => r.snapshot_id === s.id),
          s,
        ),
        source: sourceOf(s),
      }));
    },
  };
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

export const registerIndicators: DerivedIndicator[] = [
  perSnapshot("knowledge-intensive-firms", "enheter", (rows, s) => firmFigures(s, rows).knowledgeIntensive),
  perSnapshot("knowledge-intensive-firms-share", "enheter", (rows, s) => pct(firmFigures(s, rows).knowledgeIntensiveShare)),
  perSnapshot("firms-over-250-employees", "underenheter", (rows, s) => employmentFigures(s, rows).over250),
  perSnapshot("firms-over-100-employees", "underenheter", (rows, s) => employmentFigures(s, rows).over100),
  {
    key: "new-firms-per-1000",
    async compute(db, input) {
      const snaps = await listSnapshots(db);
      const years = await yearFigures(db, snaps, input.areaCode, input.range.end);
      return years.flatMap((y) =>
        y.registrationsPer1000 === null
          ? []
          : [
              {
                period: String(y.year),
                value: Math.round(y.registrationsPer1000 * 10) / 10,
                source: `Enhetsregisteret (registrations) and indicator population: ${y.registrations} / ${y.population}`,
              },
            ],
      );
    },
  },
  {
    key: "one-year-survival-share",
    async compute(db, input) {
      const snaps = await listSnapshots(db);
      const figures = await survivalFigures(db, snaps, input.areaCode, input.range.end);
      return figures
        .filter((f) => f.years === 1 && f.status === "ok")
        .sort((a, b) => a.cohort - b.cohort)
        .map((f) => ({
          period: String(f.cohort),
          value: pct(f.share),
          source: `Enhetsregisteret snapshots: ${f.survivors} of ${f.cohortSize} firms registered in ${f.cohort}`,
        }));
    },
  },
];
