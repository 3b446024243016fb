import { z } from "zod";
import { AppError } from "../../errors.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { verifyPassword } from "../../lib/password.js";
import { findUserByEmail, toPublicUser } from "../users/users.service.js";
import { hitRateLimit, refundRateLimit, resetRateLimit } from "./rate-limit.service.js";
import { createSession, deleteSession, SESSION_COOKIE } from "./sessions.service.js";

export const publicUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(["admin", "editor", "contributor", "reader"]),
  disabled: z.boolean(),
});
const sessionResponse = z.object({ user: publicUserSchema.nullable(), csrfToken: z.string().nullable() });
export const loginBody = z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1000) }).strict();

/** Login attempts allowed per e-mail and per client address in the window. */
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export const authRoutes: RoutePlugin = (app, { db, config }) => {
  app.get(
    "/api/auth/session",
    { schema: { tags: ["auth"], summary: "Who is signed in, and the CSRF token for writes", response: { 200: sessionResponse } } },
    async (req) => ({ user: req.user, csrfToken: req.csrfToken }),
  );

  app.post(
    "/api/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign in with e-mail and password; sets an httpOnly session cookie",
        body: loginBody,
        response: { 200: sessionResponse, 401: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      const email = req.body.email.trim().toLowerCase();
      for (const key of [`login:email:${email}`, `login:ip:${req.ip}`]) {
        const limit = await hitRateLimit(db, key, LOGIN_LIMIT, LOGIN_WINDOW_SECONDS);
        if (!limit.allowed)
          throw new AppError("rate_limited", "Too many sign-in attempts; try again later", undefined, {
            "retry-after": String(limit.retryAfterSeconds),
          });
      }
      const user = await findUserByEmail(db, email);
      // Verify even when the user is unknown, so timing does not reveal which e-mails exist.
      const ok = await verifyPassword(
        req.body.password,
        user?.passwordHash ?? "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
      );
      if (!user || !ok || user.disabledAt !== null) throw new AppError("unauthenticated", "Wrong e-mail or password");
      await resetRateLimit(db, `login:email:${email}`);
      // The address limit is for failed attempts: a successful sign-in does not use it up.
      await refundRateLimit(db, `login:ip:${req.ip}`);
      if (req.cookies[SESSION_COOKIE]) await deleteSession(db, req.cookies[SESSION_COOKIE]);
      const session = await createSession(db, user.id, config.sessionTtlHours);
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: "lax",
        secure: config.cookieSecure,
        path: "/",
        expires: session.expiresAt,
      });
      return { user: toPublicUser(user), csrfToken: session.csrfToken };
    },
  );

  app.post("/api/auth/logout", { schema: { tags: ["auth"], summary: "Sign out", response: { 204: z.null() } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return reply.code(204).send(null);
  });
};
