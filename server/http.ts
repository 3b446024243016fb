import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Locale } from "../core/format.js";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";
import type { PublicUser } from "./modules/users/users.service.js";

declare module "fastify" {
  interface FastifyRequest {
    user: PublicUser | null;
    csrfToken: string | null;
    /** True when the request was authenticated by the session cookie (CSRF applies). */
    viaCookie: boolean;
  }
}

export interface AppContext {
  config: Config;
  db: Db;
}

export type App = FastifyInstance;

/** A route plugin: gets the app with the zod type provider and the shared context. */
export type RoutePlugin = (app: ReturnType<typeof typed>, ctx: AppContext) => void;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string(), line: z.number().optional() })).optional(),
});

export const langQuery = z.object({ lang: z.enum(["nb", "en"]).default("nb") });
export const asOfQuery = z.object({
  lang: z.enum(["nb", "en"]).default("nb"),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe("Evaluate as of this date (default: today in Norway)"),
});

export function requestLang(req: FastifyRequest): Locale {
  const q = req.query as { lang?: string } | undefined;
  return q?.lang === "en" ? "en" : "nb";
}

export type Reply = FastifyReply;
