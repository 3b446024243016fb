import { and, inArray, lte, min, sql } from "drizzle-orm";
import { dailyCountSeries } from "../../../core/logs/count-series.js";
import { municipalityCodesFor } from "../../../core/logs/municipalities.js";
import type { DbOrTx } from "../../db/client.js";
import { entrepreneurSessions } from "../../db/schema/index.js";
import type { DerivedIndicator, DerivedInput } from "../indicators/index.js";

export const ENTREPRENEUR_SOURCE = "Næringskompass: Etablerertjenestens logg";

/**
 * Participants in guidance sessions and courses (not events) whose home municipality is the plan's
 * (today's number or a former one), one value per day plus zero months from the log's first session
 * (any kind, any municipality) — see core/logs/count-series.ts.
 */
async function participantsSeries(db: DbOrTx, input: DerivedInput, column: "participants" | "participantsGrowthPotential") {
  const s = entrepreneurSessions;
  const [start] = await db.select({ first: min(s.date) }).from(s);
  const rows = await db
    .select({ date: s.date, value: sql<number>`sum(${s[column]})::int` })
    .from(s)
    .where(
      and(
        inArray(s.kind, ["guidance", "course"]),
        inArray(s.homeMunicipality, municipalityCodesFor(input.areaCode)),
        lte(s.date, input.range.end),
      ),
    )
    .groupBy(s.date);
  return dailyCountSeries(
    rows.map((r) => ({ date: r.date, value: Number(r.value) })),
    start?.first ?? null,
    input.range,
    ENTREPRENEUR_SOURCE,
  );
}

export const entrepreneursGuidedIndicator: DerivedIndicator = {
  key: "entrepreneurs-guided",
  compute: (db, input) => participantsSeries(db, input, "participants"),
};

export const entrepreneursGrowthPotentialIndicator: DerivedIndicator = {
  key: "entrepreneurs-growth-potential",
  compute: (db, input) => participantsSeries(db, input, "participantsGrowthPotential"),
};

/** Indicators this module feeds (derived from its own tables). */
export const entrepreneurIndicators: DerivedIndicator[] = [entrepreneursGuidedIndicator, entrepreneursGrowthPotentialIndicator];
