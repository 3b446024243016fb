import { desc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { companyHistorySchema } from "../../../core/api/engagement-offers.js";
import type { DbOrTx } from "../../db/client.js";
import { contactMeetingOffers } from "../../db/schema/index.js";
import { findEngagements, type Viewer } from "./engagements.service.js";
import { findFollowUps } from "./follow-ups.service.js";
import { toOfferView } from "./offers.service.js";
import { findWelcomes } from "./welcomes.service.js";

/** Everything the log holds about one company: for the company page. */
export async function findCompanyHistory(db: DbOrTx, orgnr: string, viewer: Viewer): Promise<z.infer<typeof companyHistorySchema>> {
  const engagements = await findEngagements(db, { orgnr }, viewer);
  const followUps = await findFollowUps(db, { orgnr });
  const offers = await db
    .select()
    .from(contactMeetingOffers)
    .where(eq(contactMeetingOffers.orgnr, orgnr))
    .orderBy(desc(contactMeetingOffers.year));
  const welcomes = await findWelcomes(db, { orgnr });
  return { orgnr, engagements, followUps, offers: offers.map(toOfferView), welcomes };
}
