import { authRoutes as routes } from "../../../core/api/auth.js";
import { AppError } from "../../errors.js";
import { type RoutePlugin, serve } from "../../http.js";
import { verifyPassword } from "../../lib/password.js";
import { findUserByEmail, toPublicUser } from "./accounts.js";
import { hitRateLimit, refundRateLimit, resetRateLimit } from "./rate-limit.service.js";
import { createSession, deleteSession, SESSION_COOKIE } from "./sessions.service.js";

/** Login attempts allowed per e-mail and per client address in the window. */
export const LOGIN_LIMIT = 10;
export const LOGIN_WINDOW_SECONDS = 15 * 60;

export const authRoutes: RoutePlugin = (app, { db, config }) => {
  serve(app, routes.session, async (req) => ({ user: req.user, csrfToken: req.csrfToken }));

  serve(app, routes.login, async (req, reply) => {
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
  });

  serve(app, routes.logout, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await deleteSession(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
  });
};
