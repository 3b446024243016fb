import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { buildApp } from "../../server/app.js";
import { loadConfig } from "../../server/config.js";
import type { Database } from "../../server/db/client.js";
import type { Role } from "../../server/db/schema/index.js";
import { SYSTEM_ACTOR } from "../../server/modules/audit/audit.service.js";
import { createUser } from "../../server/modules/users/users.service.js";
import { createTestDatabase } from "./db.js";

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

export async function createTestApp(): Promise<TestApp> {
  const database = await createTestDatabase();
  // Tests stand behind a "proxy" so each test can use its own client address (X-Forwarded-For).
  // DATA_DIR holds only what the app writes besides the database (register uploads).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-app-"));
  const config = loadConfig({ LOG_LEVEL: "silent", DATA_DIR: dataDir, NODE_ENV: "test", TRUST_PROXY: "true" });
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;

export interface SignedIn {
  cookie: string;
  csrf: string;
  email: string;
  userId: string;
  /** Headers for a write: the session cookie and the CSRF token. */
  headers: Record<string, string>;
}

/** Creates a user with the role and signs in through the login route. */
export async function signInAs(t: TestApp, role: Role, password = "et godt langt passord"): Promise<SignedIn> {
  counter++;
  const email = `${role}${counter}-${Date.now()}@example.no`;
  const user = await t.database.db.transaction((tx) => createUser(tx, SYSTEM_ACTOR, { email, name: `${role} ${counter}`, role, password }));
  const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res);
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, email, userId: user.id, headers: { cookie, "x-csrf-token": csrf } };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === "nk_session");
  if (!c) throw new Error("no session cookie");
  return `nk_session=${c.value}`;
}
