import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The only reader of process.env. Validated at boot; a bad value stops the process with a message
 * naming the variable. Every variable is documented in .env.example and README.md.
 */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Send the session cookie only over HTTPS. Default on when NODE_ENV=production. */
  COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  /** Password for the first admin; when unset a random one is generated and printed once. */
  ADMIN_EMAIL: z.string().email().default("admin@localhost"),
  ADMIN_PASSWORD: z
    .string()
    .min(12, "must be at least 12 characters")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** Trust X-Forwarded-For (client address for rate limits and logs) only behind a known proxy. */
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  NODE_ENV: z.string().default("development"),
  /** Load the bundled Bærum plan on first start. */
  LOAD_BUNDLED_PLAN: z.enum(["true", "false"]).default("true"),
  /** Days an entrepreneur's organisation number (personal data when a sole proprietorship) is kept. */
  PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(730),
  /** Brønnøysundregistrene's open API (the update feed and entity lookups of `sync brreg`). */
  BRREG_BASE_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, "must be an http(s) URL")
    .default("https://data.brreg.no"),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  cookieSecure: boolean;
  sessionTtlHours: number;
  adminEmail: string;
  adminPassword: string | undefined;
  logLevel: string;
  loadBundledPlan: boolean;
  trustProxy: boolean;
  personalDataRetentionDays: number;
  /** Base URL of Brreg's open API, without a trailing slash. */
  brregBaseUrl: string;
}

export class ConfigError extends Error {}

/** Reads ./.env into the environment when it exists (variables already set win). */
export function loadDotEnv(file = ".env"): void {
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    cookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === "true" : e.NODE_ENV === "production",
    sessionTtlHours: e.SESSION_TTL_HOURS,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    loadBundledPlan: e.LOAD_BUNDLED_PLAN === "true",
    trustProxy: e.TRUST_PROXY === "true",
    personalDataRetentionDays: e.PERSONAL_DATA_RETENTION_DAYS,
    brregBaseUrl: e.BRREG_BASE_URL.replace(/\/+$/, ""),
  };
}
