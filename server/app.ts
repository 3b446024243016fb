import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import compress from "@fastify/compress";
import cookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import { sql } from "drizzle-orm";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { ZodError, z } from "zod";
import type { Config } from "./config.js";
import type { Database } from "./db/client.js";
import { AppError } from "./errors.js";
import { type AppContext, typed } from "./http.js";
import { sameSecret } from "./lib/secrets.js";
import { authRoutes, findSession, SESSION_COOKIE } from "./modules/auth/index.js";
import { buildingCaseIndicators, buildingCaseRoutes } from "./modules/building-cases/index.js";
import { engagementIndicators, engagementRoutes } from "./modules/engagements/index.js";
import { entrepreneurIndicators, entrepreneurRoutes } from "./modules/entrepreneurs/index.js";
import { indicatorRoutes, registerDerivedIndicator } from "./modules/indicators/index.js";
import { landIndicators, landRoutes } from "./modules/land/index.js";
import { logIndicators, logRoutes } from "./modules/logs/index.js";
import { measureRoutes } from "./modules/measures/index.js";
import { placementRoutes } from "./modules/placements/index.js";
import { measuresCompletedIndicator, planExtraRoutes, planRoutes } from "./modules/plans/index.js";
import { privacyIndicators, privacyRoutes } from "./modules/privacy/index.js";
import { projectIndicators, projectRoutes } from "./modules/projects/index.js";
import { REGISTER_UPLOAD_TYPES, registerFeedRoutes, registerIndicators, registerRoutes } from "./modules/register/index.js";
import { targetRoutes } from "./modules/targets/index.js";
import { userRoutes } from "./modules/users/index.js";

const VERSION = "0.1.0";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** Where `npm run build` puts the web app; served when present. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "dist", "web");

export interface BuildAppOptions {
  config: Config;
  database: Database;
}

export async function buildApp({ config, database }: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
    bodyLimit: 12 * 1024 * 1024,
    trustProxy: config.trustProxy,
  });
  // CSV uploads arrive as the raw bytes (the codec detects the encoding).
  app.addContentTypeParser(["text/csv", "application/octet-stream"], { parseAs: "buffer" }, (_req, body, done) => done(null, body));
  // Register bulk files (up to gigabytes) stay a stream; the route writes them to disk.
  app.addContentTypeParser(REGISTER_UPLOAD_TYPES, (_req, payload, done) => done(null, payload));
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(cookie);
  // gzip/brotli for JSON and the web app's assets (the plan tree is ~90 kB of JSON).
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Næringskompass API",
        version: VERSION,
        description:
          "Run a municipality's strategic business-development plan as data: plans, focus areas, goals, measures, typed targets evaluated with explanations, indicators with provenance. Reads of adopted plans are public; writes need a session cookie and the X-CSRF-Token header from GET /api/auth/session.",
      },
      components: { securitySchemes: { session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
  });

  for (const d of [
    measuresCompletedIndicator,
    ...buildingCaseIndicators,
    ...entrepreneurIndicators,
    ...logIndicators,
    ...projectIndicators,
    ...landIndicators,
    ...privacyIndicators,
    ...engagementIndicators,
    ...registerIndicators,
  ])
    registerDerivedIndicator(d);
  const ctx: AppContext = { config, db: database.db };

  app.decorateRequest("user", null);
  app.decorateRequest("csrfToken", null);
  app.decorateRequest("viaCookie", false);

  app.addHook("onRequest", async (req) => {
    if (!req.url.startsWith("/api/")) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const session = await findSession(ctx.db, token);
      if (session) {
        req.user = session.user;
        req.csrfToken = session.csrfToken;
        req.viaCookie = true;
      }
    }
    // CSRF: a write authenticated by the cookie must echo the session's token in a header.
    if (req.viaCookie && !SAFE_METHODS.has(req.method) && req.routeOptions.url !== "/api/auth/login") {
      const header = req.headers["x-csrf-token"];
      if (typeof header !== "string" || !req.csrfToken || !sameSecret(header, req.csrfToken))
        throw new AppError("csrf_failed", "Missing or wrong X-CSRF-Token header");
    }
  });

  app.addHook("onSend", async (req, reply) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("x-frame-options", "DENY");
    reply.header("referrer-policy", "same-origin");
    if (config.cookieSecure) reply.header("strict-transport-security", "max-age=31536000; includeSubDomains");
    reply.header(
      "content-security-policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    if (req.url.startsWith("/api/") && !reply.hasHeader("cache-control")) reply.header("cache-control", "no-store");
  });

  app.setErrorHandler((err: FastifyError | AppError | ZodError, req, reply) => {
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return reply.code(err.statusCode).send({ code: err.code, message: err.message, details: err.details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.code(400).send({
        code: "validation_failed",
        message: `Invalid ${err.validationContext ?? "request"}`,
        details: err.validation.map((v) => ({
          path: [err.validationContext, v.instancePath.replace(/^\//, "").replace(/\//g, ".")].filter(Boolean).join("."),
          message: v.message ?? "invalid",
        })),
      });
    }
    if (err instanceof ZodError) {
      return reply.code(400).send({
        code: "validation_failed",
        message: "Invalid input",
        details: err.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
      });
    }
    const status = err.statusCode ?? 500;
    if (status < 500) return reply.code(status).send({ code: "bad_request", message: err.message });
    req.log.error({ err }, "unhandled error");
    return reply.code(500).send({ code: "internal", message: "Something went wrong on our side; it has been logged." });
  });

  const api = typed(app);
  api.get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        summary: "Liveness and database check",
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]), version: z.string() }) },
      },
    },
    async () => {
      await ctx.db.execute(sql`select 1`);
      return { status: "ok" as const, database: database.kind, version: VERSION };
    },
  );
  app.get("/api/openapi.json", { schema: { hide: true } }, async () => app.swagger());

  const routePlugins = [
    authRoutes,
    planRoutes,
    planExtraRoutes,
    measureRoutes,
    targetRoutes,
    indicatorRoutes,
    userRoutes,
    buildingCaseRoutes,
    entrepreneurRoutes,
    placementRoutes,
    logRoutes,
    projectRoutes,
    landRoutes,
    privacyRoutes,
    engagementRoutes,
    registerRoutes,
    registerFeedRoutes,
  ];
  for (const routes of routePlugins) routes(api, ctx);

  const hasWeb = fs.existsSync(path.join(WEB_DIST, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      // Files are looked up per request, so a rebuild needs no restart; hashed assets are immutable.
      wildcard: true,
      index: ["index.html"],
      setHeaders(res, filePath) {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header("cache-control", "public, max-age=31536000, immutable");
        else res.header("cache-control", "no-cache");
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split("?")[0] ?? "";
    // API routes, non-GET requests and missing files (anything with an extension, e.g. a stale
    // hashed asset) are real 404s; every other path is a client-side route of the web app.
    if (pathname.startsWith("/api/") || !hasWeb || req.method !== "GET" || /\.[a-z0-9]+$/i.test(pathname)) {
      return reply.code(404).send({ code: "not_found", message: `No route ${req.method} ${pathname}` });
    }
    return reply.header("cache-control", "no-cache").type("text/html; charset=utf-8").sendFile("index.html");
  });
  return app;
}
