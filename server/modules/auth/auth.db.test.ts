import { eq } from "drizzle-orm";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, sessionCookie, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { users } from "../../db/schema/index.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import type { PlanTree } from "../plans/plan-tree.service.js";
import { LOGIN_LIMIT, LOGIN_WINDOW_SECONDS } from "./auth.routes.js";

/**
 * Sign-in, sessions, roles, CSRF and the API's error and header conventions, all through the
 * front door. Every test makes its own users; logins that are meant to fail come from their own
 * client address (X-Forwarded-For; the app trusts the proxy) so they do not use up each other's
 * limits.
 */
const PASSWORD = "et godt langt passord";

let t: TestApp;
let admin: SignedIn;
/** Measure ids of the bundled Bærum plan, handed out one per test so tests don't share state. */
let measureIds: string[] = [];
let jobsNetChangeId: string;
let otherIndicatorId: string;

beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  const tree = (await t.app.inject({ url: "/api/plans/baerum-2015" })).json() as PlanTree;
  measureIds = tree.focusAreas.flatMap((a) => a.measures.map((m) => m.id));
  jobsNetChangeId = ((await t.app.inject({ url: "/api/indicators/jobs-net-change" })).json() as { id: string }).id;
  otherIndicatorId = ((await t.app.inject({ url: "/api/indicators/lia-placements" })).json() as { id: string }).id;
  admin = await signInAs(t, "admin");
});
afterAll(async () => t?.close());

let nextMeasure = 0;
function freshMeasure(): string {
  const id = measureIds[nextMeasure++];
  if (!id) throw new Error("ran out of bundled measures");
  return id;
}

let nextIp = 0;
/** A client address of its own, for tests that exercise the sign-in limits. */
const freshIp = () => `198.51.100.${++nextIp}`;

interface ErrorBody {
  code: string;
  message: string;
  details?: { path: string; message: string }[];
}
const errorOf = (res: LightMyRequestResponse) => res.json() as ErrorBody;

const postUpdate = (
  measureId: string,
  headers: Record<string, string> = {},
  payload: object = { status: "in_progress", progress: 20, comment: "I gang" },
) => t.app.inject({ method: "POST", url: `/api/measures/${measureId}/updates`, headers, payload });

const postValue = (indicator: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: "POST",
    url: `/api/indicators/${indicator}/values`,
    headers,
    payload: { areaCode: "3024", period: "2019-05", value: 4, source: "Besøkslogg" },
  });

const login = (email: string, password: string, ip: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", headers: { "x-forwarded-for": ip, ...headers }, payload: { email, password } });

const sessionOf = async (cookie: string) =>
  (await t.app.inject({ url: "/api/auth/session", headers: { cookie } })).json() as {
    user: { id: string; email: string; role: string } | null;
    csrfToken: string | null;
  };

const assign = (userId: string, kind: "measure" | "indicator", itemId: string, assigned = true, by: SignedIn = admin) =>
  t.app.inject({ method: "PUT", url: `/api/users/${userId}/assignments`, headers: by.headers, payload: { kind, itemId, assigned } });

describe("writes need a signed-in user with a role that allows them and the CSRF token", () => {
  it("an anonymous write is refused with 401 unauthenticated", async () => {
    const measure = freshMeasure();
    for (const res of [await postUpdate(measure), await postValue("jobs-net-change")]) {
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe("unauthenticated");
    }
  });

  it("a reader's write is refused with 403 forbidden", async () => {
    const reader = await signInAs(t, "reader");
    const measure = freshMeasure();
    for (const res of [await postUpdate(measure, reader.headers), await postValue("jobs-net-change", reader.headers)]) {
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe("forbidden");
    }
  });

  it("an editor's write without the X-CSRF-Token header is refused with 403 csrf_failed", async () => {
    const editor = await signInAs(t, "editor");
    const measure = freshMeasure();
    for (const res of [
      await postUpdate(measure, { cookie: editor.cookie }),
      await postValue("jobs-net-change", { cookie: editor.cookie }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe("csrf_failed");
    }
  });

  it("an editor's write with a wrong CSRF token, or another session's token, is refused", async () => {
    const editor = await signInAs(t, "editor");
    const other = await signInAs(t, "editor");
    const measure = freshMeasure();
    for (const token of ["wrong", "", other.csrf]) {
      const res = await postUpdate(measure, { cookie: editor.cookie, "x-csrf-token": token });
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe("csrf_failed");
    }
    const value = await postValue("jobs-net-change", { cookie: editor.cookie, "x-csrf-token": other.csrf });
    expect(value.statusCode).toBe(403);
    expect(errorOf(value).code).toBe("csrf_failed");
    // Nothing was written.
    const detail = (await t.app.inject({ url: `/api/measures/${measure}` })).json() as { updates: unknown[] };
    expect(detail.updates).toEqual([]);
  });

  it("an editor's write with the session's CSRF token succeeds", async () => {
    const editor = await signInAs(t, "editor");
    const measure = freshMeasure();
    const update = await postUpdate(measure, editor.headers);
    expect(update.statusCode).toBe(201);
    expect(update.json()).toMatchObject({ status: "in_progress", progress: 20, author: editor.email });
    const value = await postValue("jobs-net-change", editor.headers);
    expect(value.statusCode).toBe(201);
    expect(value.json()).toMatchObject({ areaCode: "3024", period: "2019-05", value: 4, recordedBy: editor.email });
  });
});

describe("contributors write only what an admin has assigned to them", () => {
  it("may post to an assigned measure and indicator and gets 403 on everything else", async () => {
    const contributor = await signInAs(t, "contributor");
    const mine = freshMeasure();
    const notMine = freshMeasure();

    // Before the assignment: nothing.
    expect((await postUpdate(mine, contributor.headers)).statusCode).toBe(403);
    expect((await postValue("jobs-net-change", contributor.headers)).statusCode).toBe(403);

    expect((await assign(contributor.userId, "measure", mine)).statusCode).toBe(204);
    expect((await assign(contributor.userId, "indicator", jobsNetChangeId)).statusCode).toBe(204);
    const listed = await t.app.inject({ url: `/api/users/${contributor.userId}/assignments`, headers: { cookie: contributor.cookie } });
    expect(listed.json()).toEqual(
      expect.arrayContaining([
        { kind: "measure", itemId: mine },
        { kind: "indicator", itemId: jobsNetChangeId },
      ]),
    );

    const update = await postUpdate(mine, contributor.headers);
    expect(update.statusCode).toBe(201);
    expect(update.json()).toMatchObject({ author: contributor.email });
    expect((await postValue("jobs-net-change", contributor.headers)).statusCode).toBe(201);

    const otherMeasure = await postUpdate(notMine, contributor.headers);
    expect(otherMeasure.statusCode).toBe(403);
    expect(errorOf(otherMeasure).code).toBe("forbidden");
    const otherIndicator = await postValue("lia-placements", contributor.headers);
    expect(otherIndicator.statusCode).toBe(403);
    expect(errorOf(otherIndicator).code).toBe("forbidden");
  });

  it("loses write access when the assignment is removed", async () => {
    const contributor = await signInAs(t, "contributor");
    const measure = freshMeasure();
    await assign(contributor.userId, "measure", measure);
    expect((await postUpdate(measure, contributor.headers)).statusCode).toBe(201);
    expect((await assign(contributor.userId, "measure", measure, false)).statusCode).toBe(204);
    expect((await postUpdate(measure, contributor.headers)).statusCode).toBe(403);
  });

  it("cannot assign items to themselves; only an admin can", async () => {
    const contributor = await signInAs(t, "contributor");
    const editor = await signInAs(t, "editor");
    for (const by of [contributor, editor]) {
      const res = await assign(contributor.userId, "indicator", otherIndicatorId, true, by);
      expect(res.statusCode).toBe(403);
      expect(errorOf(res).code).toBe("forbidden");
    }
    expect((await postValue("lia-placements", contributor.headers)).statusCode).toBe(403);
  });
});

describe("signing in", () => {
  it("answers a wrong password and an unknown e-mail alike: 401 with the same message", async () => {
    const user = await signInAs(t, "editor");
    const ip = freshIp();
    const wrongPassword = await login(user.email, "not the password at all", ip);
    const unknownEmail = await login(`nobody-${Date.now()}@example.no`, PASSWORD, ip);
    for (const res of [wrongPassword, unknownEmail]) {
      expect(res.statusCode).toBe(401);
      expect(errorOf(res).code).toBe("unauthenticated");
      expect(res.cookies.find((c) => c.name === "nk_session")).toBeUndefined();
    }
    expect(errorOf(wrongPassword).message).toBe(errorOf(unknownEmail).message);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax and Path=/", async () => {
    const user = await signInAs(t, "reader");
    const res = await login(user.email, PASSWORD, freshIp());
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "nk_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(32);
    const header = [res.headers["set-cookie"]].flat().find((h) => h?.startsWith("nk_session="));
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    expect(header).toMatch(/;\s*Path=\/(;|$)/);
  });

  it("accepts the e-mail in any case", async () => {
    const user = await signInAs(t, "reader");
    const res = await login(user.email.toUpperCase(), PASSWORD, freshIp());
    expect(res.statusCode).toBe(200);
  });

  it("GET /api/auth/session returns the signed-in user and the CSRF token, and nulls when anonymous", async () => {
    const user = await signInAs(t, "editor");
    const session = await sessionOf(user.cookie);
    expect(session.user).toMatchObject({ id: user.userId, email: user.email, role: "editor", disabled: false });
    expect(session.user).not.toHaveProperty("passwordHash");
    expect(session.csrfToken).toBe(user.csrf);

    const anonymous = await t.app.inject({ url: "/api/auth/session" });
    expect(anonymous.json()).toEqual({ user: null, csrfToken: null });
    const bogus = await sessionOf("nk_session=not-a-real-token");
    expect(bogus).toEqual({ user: null, csrfToken: null });
  });

  it("signing in again replaces the old session", async () => {
    const user = await signInAs(t, "editor");
    const res = await login(user.email, PASSWORD, freshIp(), { cookie: user.cookie });
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).not.toBe(user.cookie);
    expect((await sessionOf(user.cookie)).user).toBeNull();
    expect((await sessionOf(sessionCookie(res))).user?.email).toBe(user.email);
  });

  it("logout needs the CSRF token, answers 204 and the old cookie no longer authenticates", async () => {
    const user = await signInAs(t, "editor");
    const withoutToken = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: user.cookie } });
    expect(withoutToken.statusCode).toBe(403);
    expect(errorOf(withoutToken).code).toBe("csrf_failed");
    expect((await sessionOf(user.cookie)).user).not.toBeNull();

    const res = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: user.headers });
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === "nk_session");
    expect(cleared?.value).toBe("");

    expect((await sessionOf(user.cookie)).user).toBeNull();
    const write = await postUpdate(freshMeasure(), user.headers);
    expect(write.statusCode).toBe(401);
    expect(errorOf(write).code).toBe("unauthenticated");
  });

  it(`after ${LOGIN_LIMIT} failed logins for one e-mail the next is 429 with retry-after, even with the right password`, async () => {
    const user = await signInAs(t, "editor");
    const ip = freshIp();
    for (let i = 0; i < LOGIN_LIMIT; i++) expect((await login(user.email, `wrong guess ${i}`, ip)).statusCode).toBe(401);

    const res = await login(user.email, PASSWORD, ip);
    expect(res.statusCode).toBe(429);
    expect(errorOf(res).code).toBe("rate_limited");
    expect(res.cookies.find((c) => c.name === "nk_session")).toBeUndefined();
    const retryAfter = Number(res.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_WINDOW_SECONDS);

    // The limit is on the e-mail: another address does not get around it.
    expect((await login(user.email, PASSWORD, freshIp())).statusCode).toBe(429);
    // The session the user already had still works.
    expect((await sessionOf(user.cookie)).user?.email).toBe(user.email);
  });

  it(`after ${LOGIN_LIMIT} failed logins from one address, across e-mails, that address gets 429`, async () => {
    const user = await signInAs(t, "editor");
    const ip = freshIp();
    for (let i = 0; i < LOGIN_LIMIT; i++) expect((await login(`guess${i}-${Date.now()}@example.no`, PASSWORD, ip)).statusCode).toBe(401);
    const blocked = await login(user.email, PASSWORD, ip);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers["retry-after"]).toBeDefined();
    // The e-mail itself is not locked: from another address the user signs in.
    expect((await login(user.email, PASSWORD, freshIp())).statusCode).toBe(200);
  });

  it("successful sign-ins do not use up the limit of a shared address (colleagues behind one office NAT)", async () => {
    const ip = freshIp();
    const colleagues = [await signInAs(t, "editor"), await signInAs(t, "contributor"), await signInAs(t, "reader")];
    for (let round = 0; round < 4; round++) {
      for (const c of colleagues) expect((await login(c.email, PASSWORD, ip)).statusCode).toBe(200);
    }
  });

  it("a disabled user cannot sign in", async () => {
    const user = await signInAs(t, "editor");
    const patch = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${user.userId}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(patch.statusCode).toBe(200);
    const res = await login(user.email, PASSWORD, freshIp());
    expect(res.statusCode).toBe(401);
    expect(errorOf(res).code).toBe("unauthenticated");
  });
});

describe("password storage", () => {
  it("stores passwords as salted scrypt hashes, never as plain text", async () => {
    const a = await signInAs(t, "editor");
    const b = await signInAs(t, "editor");
    const hashes: string[] = [];
    for (const u of [a, b]) {
      const [row] = await t.database.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, u.userId));
      if (!row) throw new Error("user row missing");
      expect(row.passwordHash.startsWith("scrypt$")).toBe(true);
      expect(row.passwordHash).not.toContain(PASSWORD);
      expect(row.passwordHash.split("$")).toHaveLength(6);
      hashes.push(row.passwordHash);
    }
    // Same password, different salt.
    expect(hashes[0]).not.toBe(hashes[1]);
  });

  it("never returns the hash from the user API", async () => {
    const res = await t.app.inject({ url: "/api/users", headers: { cookie: admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("scrypt$");
    expect(res.body).not.toMatch(/password/i);
  });
});

describe("an admin's changes to a user take effect at once", () => {
  it("disabling a user ends their session immediately", async () => {
    const user = await signInAs(t, "editor");
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${user.userId}`,
      headers: admin.headers,
      payload: { disabled: true },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.userId, disabled: true });

    expect((await sessionOf(user.cookie)).user).toBeNull();
    const write = await postUpdate(freshMeasure(), user.headers);
    expect(write.statusCode).toBe(401);
  });

  it("changing a user's role ends their session; the next sign-in has the new role", async () => {
    const user = await signInAs(t, "editor");
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${user.userId}`,
      headers: admin.headers,
      payload: { role: "reader" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: "reader" });

    expect((await sessionOf(user.cookie)).user).toBeNull();
    expect((await postUpdate(freshMeasure(), user.headers)).statusCode).toBe(401);

    const again = await login(user.email, PASSWORD, freshIp());
    expect(again.statusCode).toBe(200);
    const body = again.json() as { user: { role: string }; csrfToken: string };
    expect(body.user.role).toBe("reader");
    const write = await postUpdate(freshMeasure(), { cookie: sessionCookie(again), "x-csrf-token": body.csrfToken });
    expect(write.statusCode).toBe(403);
  });

  it("an admin cannot disable themselves", async () => {
    const self = await signInAs(t, "admin");
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/users/${self.userId}`,
      headers: self.headers,
      payload: { disabled: true },
    });
    expect(res.statusCode).toBe(400);
    expect((await sessionOf(self.cookie)).user?.id).toBe(self.userId);
  });
});

describe("user administration is for admins only", () => {
  it("an editor gets 403 on GET /api/users and POST /api/users", async () => {
    const editor = await signInAs(t, "editor");
    const list = await t.app.inject({ url: "/api/users", headers: { cookie: editor.cookie } });
    expect(list.statusCode).toBe(403);
    expect(errorOf(list).code).toBe("forbidden");
    const create = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: editor.headers,
      payload: { email: `made-by-editor-${Date.now()}@example.no`, name: "X", role: "admin", password: PASSWORD },
    });
    expect(create.statusCode).toBe(403);
    expect(errorOf(create).code).toBe("forbidden");
  });

  it("anonymous gets 401 on GET /api/users", async () => {
    const res = await t.app.inject({ url: "/api/users" });
    expect(res.statusCode).toBe(401);
  });

  it("POST /api/users with a short password is 400 validation_failed naming the field", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: admin.headers,
      payload: { email: `short-${Date.now()}@example.no`, name: "Kort", role: "editor", password: "kort" },
    });
    expect(res.statusCode).toBe(400);
    const body = errorOf(res);
    expect(body.code).toBe("validation_failed");
    expect(body.details?.some((d) => d.path.includes("password"))).toBe(true);
  });

  it("an admin creates a user who can then sign in", async () => {
    const email = `new-${Date.now()}@example.no`;
    const res = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: admin.headers,
      payload: { email, name: "Ny Bruker", role: "contributor", password: PASSWORD },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ email, role: "contributor", disabled: false });
    expect(res.body).not.toContain("scrypt$");
    expect((await login(email, PASSWORD, freshIp())).statusCode).toBe(200);
    const duplicate = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: admin.headers,
      payload: { email, name: "Igjen", role: "reader", password: PASSWORD },
    });
    expect(duplicate.statusCode).toBe(409);
  });
});

describe("every write leaves an audit entry", () => {
  it("a measure update is in the audit log with actor, action, before and after", async () => {
    const editor = await signInAs(t, "editor");
    const measure = freshMeasure();
    const before = (await t.app.inject({ url: `/api/measures/${measure}` })).json() as { status: string; progress: number };
    expect((await postUpdate(measure, editor.headers, { status: "in_progress", progress: 35, comment: "Revidert" })).statusCode).toBe(201);

    const res = await t.app.inject({ url: `/api/audit?entityType=measure&entityId=${measure}`, headers: { cookie: editor.cookie } });
    expect(res.statusCode).toBe(200);
    const entries = res.json() as {
      actor: string;
      action: string;
      entityType: string;
      entityId: string;
      before: unknown;
      after: unknown;
    }[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor: editor.email,
      action: "measure.status_update",
      entityType: "measure",
      entityId: measure,
      before: { status: before.status, progress: before.progress },
      after: { status: "in_progress", progress: 35, comment: "Revidert" },
    });
  });

  it("the audit log is closed to readers and anonymous callers", async () => {
    const reader = await signInAs(t, "reader");
    expect((await t.app.inject({ url: "/api/audit", headers: { cookie: reader.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/audit" })).statusCode).toBe(401);
  });
});

describe("API responses carry security headers", () => {
  it("sets nosniff, DENY, a content security policy and no-store, also on errors", async () => {
    for (const url of ["/api/health", "/api/plans/baerum-2015", "/api/no-such-route"]) {
      const res = await t.app.inject({ url });
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(res.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  });
});

describe("errors are JSON with a code and a message", () => {
  it("an unknown /api route is 404 not_found", async () => {
    const res = await t.app.inject({ url: "/api/no-such-thing" });
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/application\/json/);
    expect(res.json()).toMatchObject({ code: "not_found", message: expect.any(String) });
  });

  it("a malformed JSON body is 400", async () => {
    const editor = await signInAs(t, "editor");
    const res = await t.app.inject({
      method: "POST",
      url: `/api/measures/${freshMeasure()}/updates`,
      headers: { ...editor.headers, "content-type": "application/json" },
      payload: '{"status": "in_progress", "progress": ',
    });
    expect(res.statusCode).toBe(400);
    const body = errorOf(res);
    expect(typeof body.code).toBe("string");
    expect(typeof body.message).toBe("string");
  });

  it("a body failing the schema (progress 150) is 400 validation_failed naming the field", async () => {
    const editor = await signInAs(t, "editor");
    const res = await postUpdate(freshMeasure(), editor.headers, { status: "in_progress", progress: 150 });
    expect(res.statusCode).toBe(400);
    const body = errorOf(res);
    expect(body.code).toBe("validation_failed");
    expect(body.details?.map((d) => d.path)).toEqual(expect.arrayContaining([expect.stringContaining("progress")]));
  });

  it("an unknown measure is 404 not_found, also for a write", async () => {
    const editor = await signInAs(t, "editor");
    const res = await postUpdate("00000000-0000-4000-8000-000000000000", editor.headers);
    expect(res.statusCode).toBe(404);
    expect(errorOf(res).code).toBe("not_found");
  });
});

describe("the API describes itself", () => {
  it("GET /api/openapi.json lists the plan, measure update and indicator value routes", async () => {
    const res = await t.app.inject({ url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const spec = res.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.paths["/api/plans/{id}"]).toHaveProperty("get");
    expect(spec.paths["/api/measures/{id}/updates"]).toHaveProperty("post");
    expect(spec.paths["/api/indicators/{id}/values"]).toHaveProperty("post");
  });

  it("GET /api/health answers status ok", async () => {
    const res = await t.app.inject({ url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: "ok" });
  });
});
