import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { rateLimits } from "../../db/schema/index.js";

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

/**
 * Fixed-window counter in the database, so several app processes share it.
 * One atomic upsert: a new window starts when the old one has expired.
 */
export async function hitRateLimit(db: DbOrTx, key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const expired = sql`${rateLimits.windowStart} < now() - make_interval(secs => ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({ count: rateLimits.count, windowStart: rateLimits.windowStart });
  if (!row) throw new Error("rate limit upsert returned no row");
  const started = row.windowStart.getTime();
  const retryAfterSeconds = Math.max(1, Math.ceil((started + windowSeconds * 1000 - Date.now()) / 1000));
  return { allowed: Number(row.count) <= limit, count: Number(row.count), retryAfterSeconds };
}

export async function resetRateLimit(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${key}`);
}

/**
 * Takes back one counted attempt (never below zero). Used for a successful sign-in on the
 * per-address key, so the address limit counts failures only: many colleagues behind one office
 * address can sign in, while guessing passwords across e-mails from one address is still limited.
 */
export async function refundRateLimit(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`update rate_limits set count = count - 1 where key = ${key} and count > 0`);
}
