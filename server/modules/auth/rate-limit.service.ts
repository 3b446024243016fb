import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";

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
  const result = await db.execute<{ count: number; window_start: string | Date }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then 1 else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then now() else rate_limits.window_start end
    returning count, window_start`);
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { count: number; window_start: string | Date }[];
  const row = rows[0];
  if (!row) throw new Error("rate limit upsert returned no row");
  const started = new Date(row.window_start).getTime();
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
