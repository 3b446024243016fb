import { asc, eq } from "drizzle-orm";
import { createOrganisationSchema, type OrganisationView } from "../../../core/api/engagements.js";
import type { DbOrTx } from "../../db/client.js";
import { partnerOrganisations } from "../../db/schema/index.js";
import { AppError } from "../../errors.js";
import { type Actor, recordAudit } from "../audit/index.js";

/**
 * Partner organisations and authorities: business organisations, networks, clusters, regional
 * cooperations, municipalities, the county and state agencies. The migration 0003_engagements
 * seeds those the Bærum plan names (with where it names them); editors add others.
 */

type OrganisationRow = typeof partnerOrganisations.$inferSelect;

const toView = (r: OrganisationRow): OrganisationView => ({
  id: r.id,
  key: r.key,
  name: r.name,
  kind: r.kind,
  orgnr: r.orgnr,
  source: r.source,
  active: r.active,
});

export async function findOrganisations(db: DbOrTx): Promise<OrganisationView[]> {
  const rows = await db.select().from(partnerOrganisations).orderBy(asc(partnerOrganisations.kind), asc(partnerOrganisations.name));
  return rows.map(toView);
}

export async function createOrganisation(db: DbOrTx, actor: Actor, raw: unknown): Promise<OrganisationView> {
  const input = createOrganisationSchema.parse(raw);
  const [existing] = await db
    .select({ id: partnerOrganisations.id })
    .from(partnerOrganisations)
    .where(eq(partnerOrganisations.key, input.key));
  if (existing) throw new AppError("conflict", `Organisation key "${input.key}" is in use`);
  const [row] = await db.insert(partnerOrganisations).values(input).returning();
  if (!row) throw new Error("insert returned no row");
  await recordAudit(db, actor, {
    action: "partner_organisation.create",
    entityType: "partner_organisation",
    entityId: row.id,
    after: input,
  });
  return toView(row);
}
