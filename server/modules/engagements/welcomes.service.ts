import { and, desc, eq, gte, isNotNull, lte } from "drizzle-orm";
import {
  type MarkWelcomedInput,
  markWelcomedSchema,
  type WelcomeCandidate,
  type WelcomeView,
} from "../../../core/api/engagement-offers.js";
import { addDays, todayInOslo } from "../../../core/periods.js";
import type { DbOrTx } from "../../db/client.js";
import { companyWelcomes } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { type Actor, recordAudit } from "../audit/index.js";
import { welcomeCandidates } from "../register/index.js";
import { createEngagement, defaultAreaCode, getEngagementRow, type RetentionOptions } from "./engagements.service.js";
import { lookUpCompany } from "./register-lookup.js";

/**
 * "Aktivt ønske nye bedrifter velkommen": companies newly registered in or moved into the
 * municipality (register snapshots and the update feed, register module welcomeCandidates) in a list
 * to welcome. Marking one welcomed records a welcome and logs an engagement of the dedicated kind
 * `welcome` (or links an engagement already logged, e.g. a visit), so a welcome letter or call is
 * not counted as a company visit while a welcome visit, logged as a visit, counts as both.
 */

type WelcomeRow = typeof companyWelcomes.$inferSelect;

export const DEFAULT_WELCOME_WINDOW_DAYS = 90;

const toView = (r: WelcomeRow): WelcomeView => ({
  id: r.id,
  orgnr: r.orgnr,
  name: r.name,
  areaCode: r.areaCode,
  reason: r.reason,
  occurredOn: r.occurredOn,
  welcomedOn: r.welcomedOn,
  engagementId: r.engagementId,
});

export async function findWelcomeCandidates(
  db: DbOrTx,
  q: { areaCode?: string; since?: string },
  today = todayInOslo(),
): Promise<WelcomeCandidate[]> {
  const areaCode = q.areaCode ?? (await defaultAreaCode(db));
  const since = q.since ?? addDays(today, -DEFAULT_WELCOME_WINDOW_DAYS);
  const [candidates, done] = await Promise.all([
    welcomeCandidates(db, { areaCode, since }),
    db
      .select()
      .from(companyWelcomes)
      .where(and(eq(companyWelcomes.areaCode, areaCode), isNotNull(companyWelcomes.orgnr))),
  ]);
  const welcomed = new Map(done.map((w) => [w.orgnr, w]));
  return candidates.map((c) => ({
    orgnr: c.orgnr,
    name: c.name,
    reason: c.reason === "registered" ? "new" : "moved_in",
    occurredOn: c.occurredOn,
    welcomedOn: welcomed.get(c.orgnr)?.welcomedOn ?? null,
    engagementId: welcomed.get(c.orgnr)?.engagementId ?? null,
  }));
}

export async function findWelcomes(
  db: DbOrTx,
  q: { areaCode?: string; from?: string; to?: string; orgnr?: string },
): Promise<WelcomeView[]> {
  const rows = await db
    .select()
    .from(companyWelcomes)
    .where(
      and(
        q.areaCode ? eq(companyWelcomes.areaCode, q.areaCode) : undefined,
        q.from ? gte(companyWelcomes.welcomedOn, q.from) : undefined,
        q.to ? lte(companyWelcomes.welcomedOn, q.to) : undefined,
        q.orgnr ? eq(companyWelcomes.orgnr, q.orgnr) : undefined,
      ),
    )
    .orderBy(desc(companyWelcomes.welcomedOn));
  return rows.map(toView);
}

export async function markWelcomed(
  db: DbOrTx,
  actor: Actor,
  raw: MarkWelcomedInput & { measureKeys?: string[] },
  opts: RetentionOptions,
): Promise<WelcomeView> {
  const { measureKeys = [], ...rest } = raw;
  const input = markWelcomedSchema.parse(rest);
  const today = opts.today ?? todayInOslo();
  const areaCode = input.areaCode ?? (await defaultAreaCode(db));
  const welcomedOn = input.welcomedOn ?? today;
  const [already] = await db
    .select({ id: companyWelcomes.id })
    .from(companyWelcomes)
    .where(and(eq(companyWelcomes.orgnr, input.orgnr), eq(companyWelcomes.areaCode, areaCode)))
    .limit(1);
  if (already) throw new AppError("conflict", `${input.name} is already welcomed`);
  let engagementId = input.engagementId;
  if (engagementId) await getEngagementRow(db, engagementId);
  else
    engagementId = (
      await createEngagement(
        db,
        actor,
        {
          kind: "welcome",
          date: welcomedOn,
          title: `Velkommen: ${input.name}`,
          areaCode,
          companies: [{ orgnr: input.orgnr, name: input.name }],
          participants: input.participants,
          measureKeys,
          notes: input.notes,
        },
        { ...opts, today },
      )
    ).id;
  const facts = await lookUpCompany(db, input.orgnr, input.name);
  const [row] = await db
    .insert(companyWelcomes)
    .values({
      orgnr: input.orgnr,
      name: facts.name ?? input.name,
      areaCode,
      reason: input.reason,
      occurredOn: input.occurredOn,
      welcomedOn,
      engagementId,
      soleProprietorship: facts.personal,
      purgeAfter: addDays(welcomedOn, opts.retentionDays),
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, {
    action: "company_welcome.create",
    entityType: "company_welcome",
    entityId: row.id,
    after: {
      ...(facts.personal ? { personalData: true } : { orgnr: row.orgnr, name: row.name }),
      reason: row.reason,
      welcomedOn,
      engagementId,
    },
  });
  return toView(row);
}
