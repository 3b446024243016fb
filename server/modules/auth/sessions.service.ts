import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt } from "drizzle-orm";
import type { PublicUser } from "../../../core/api/users.js";
import type { DbOrTx } from "../../db/client.js";
import { sessions, users } from "../../db/schema/index.js";
import { toPublicUser } from "./accounts.js";

export const SESSION_COOKIE = "nk_session";

const hashToken = (token: string) => createHash("sha256").update(token).digest("base64url");

/** A signed-in session as the server holds it (the API answers with core/api/auth.ts `SessionInfo`). */
export interface StoredSession {
  user: PublicUser;
  csrfToken: string;
  expiresAt: Date;
}

/** Creates a session and returns the token for the cookie (only its hash is stored). */
export async function createSession(
  db: DbOrTx,
  userId: string,
  ttlHours: number,
): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(24).toString("base64url");
  const expiresAt = new Date(Date.now() + ttlHours * 3_600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, csrfToken, expiresAt });
  // Housekeeping: expired sessions are useless; drop them as we go.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, csrfToken, expiresAt };
}

/** The session for a cookie token, if it exists, has not expired and its user is active. */
export async function findSession(db: DbOrTx, token: string): Promise<StoredSession | null> {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row || row.user.disabledAt !== null) return null;
  return { user: toPublicUser(row.user), csrfToken: row.session.csrfToken, expiresAt: row.session.expiresAt };
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

export async function deleteUserSessions(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
