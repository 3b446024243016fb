import type {} from "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import { errorSchema } from "../core/api/common.js";
import type { RouteSpec } from "../core/api/route.js";
import type { PublicUser } from "../core/api/users.js";
import type { Locale } from "../core/format.js";
import { isRecord } from "../core/guards.js";
import type { Config } from "./config.js";
import type { Db } from "./db/client.js";

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

export { asOfQuery, errorSchema, langQuery } from "../core/api/common.js";

export function requestLang(req: FastifyRequest): Locale {
  const q = req.query;
  return isRecord(q) && q.lang === "en" ? "en" : "nb";
}

export type Reply = FastifyReply;

type Parsed<S, K extends string> = S extends { [P in K]: infer Z extends z.ZodType } ? z.output<Z> : undefined;

/** The request a contract route's handler gets: params, query and body as its schemas parse them. */
export type ContractRequest<S extends RouteSpec> = Omit<FastifyRequest, "params" | "query" | "body"> & {
  params: Parsed<S, "params">;
  query: Parsed<S, "query">;
  body: Parsed<S, "body">;
};

/** What a handler returns: the response as its schema accepts it, or the reply it sent itself. */
export type ContractResult<S extends RouteSpec> =
  | (S extends { response: infer Z extends z.ZodType } ? z.input<Z> : undefined | Buffer | string)
  | FastifyReply
  // biome-ignore lint/suspicious/noConfusingVoidType: a 204 route's handler returns nothing (Promise<void>).
  | void;

const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 415, 422, 429] as const;

/**
 * Registers a route declared in the contract (core/api): its schemas validate the request,
 * serialise the response and describe it in /api/openapi.json. The handler answers with the
 * route's success status unless it sets another.
 */
export function serve<S extends RouteSpec>(
  app: ReturnType<typeof typed>,
  route: S,
  handler: (req: ContractRequest<S>, reply: FastifyReply) => Promise<ContractResult<S>>,
): void {
  const response: Record<number, z.ZodType> = {};
  if (route.response) response[route.status ?? 200] = route.response;
  for (const s of ERROR_STATUSES) response[s] = errorSchema;
  app.route({
    method: route.method,
    url: route.path,
    schema: {
      tags: [...route.tags],
      summary: route.summary,
      ...(route.params ? { params: route.params } : {}),
      ...(route.query ? { querystring: route.query } : {}),
      ...(route.body ? { body: route.body } : {}),
      ...(route.consumes ? { consumes: [...route.consumes] } : {}),
      ...(route.produces ? { produces: [...route.produces] } : {}),
      response,
    },
    handler: async (req, reply) => {
      if (route.status) reply.code(route.status);
      // The zod type provider has validated params, query and body against the route's schemas.
      return handler(req as unknown as ContractRequest<S>, reply);
    },
  });
}
