/** Signing in and out, and who is signed in. */
import { z } from "zod";
import { defineRoute } from "./route.js";
import { publicUserSchema } from "./users.js";

export const sessionInfoSchema = z.object({ user: publicUserSchema.nullable(), csrfToken: z.string().nullable() });
/** GET /api/auth/session and POST /api/auth/login */
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const loginSchema = z.object({ email: z.string().min(3).max(320), password: z.string().min(1).max(1000) }).strict();
export type LoginInput = z.infer<typeof loginSchema>;

// --- routes ---------------------------------------------------------------------------------

const tags = ["auth"] as const;

export const authRoutes = {
  session: defineRoute({
    method: "GET",
    path: "/api/auth/session",
    tags,
    summary: "Who is signed in, and the CSRF token for writes",
    response: sessionInfoSchema,
  }),
  login: defineRoute({
    method: "POST",
    path: "/api/auth/login",
    tags,
    summary: "Sign in with e-mail and password; sets an httpOnly session cookie",
    body: loginSchema,
    response: sessionInfoSchema,
  }),
  logout: defineRoute({ method: "POST", path: "/api/auth/logout", tags, summary: "Sign out", status: 204 }),
};
