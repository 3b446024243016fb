/**
 * The API contract's building block. A route is declared once, here in `core/api/`, with the zod
 * schemas of its params, query, body and response: the server registers it (`serve` in
 * server/http.ts, which also feeds /api/openapi.json) and the web client calls it by its
 * endpoint name ("GET /api/placements/:id") with types inferred from the same schemas. The web
 * app imports the contract with `import type` only, so no zod reaches the browser bundle.
 */
import type { z } from "zod";

export type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/** Who may call a route; documentation for the OpenAPI summary, enforced by the handler. */
export type Access = "public" | "signed_in" | "editor" | "admin" | "contributor";

export interface RouteSpec {
  method: Method;
  /** Fastify path syntax: "/api/placements/:id". */
  path: string;
  summary: string;
  tags: readonly string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The success body; omit for 204 and for non-JSON answers (CSV, files). */
  response?: z.ZodType;
  /** Success status: 200 unless the route says 201 or 204. */
  status?: 200 | 201 | 202 | 204;
  /** Request content types other than JSON (e.g. "text/csv"). */
  consumes?: readonly string[];
  /** Response content types other than JSON (e.g. "text/csv"). */
  produces?: readonly string[];
}

/** Declares a route; returns it unchanged with its literal types kept. */
export function defineRoute<const S extends RouteSpec>(spec: S): S {
  return spec;
}

type Schema<S, K extends string> = S extends { [P in K]: infer Z extends z.ZodType } ? Z : undefined;
type InputPart<S, K extends string, Name extends string> =
  Schema<S, K> extends z.ZodType
    ? Record<string, never> extends z.input<Schema<S, K>>
      ? { [P in Name]?: z.input<Schema<S, K>> }
      : { [P in Name]: z.input<Schema<S, K>> }
    : { [P in Name]?: never };

/** What a caller sends: `params`, `query`, `body` as the schemas accept them (before defaults); a part whose fields are all optional may be left out. */
export type RouteInput<S> = InputPart<S, "params", "params"> & InputPart<S, "query", "query"> & InputPart<S, "body", "body">;

/** What a caller gets back (after the server's serialisation). */
export type RouteOutput<S> = Schema<S, "response"> extends z.ZodType ? z.output<Schema<S, "response">> : undefined;

/** The endpoint name of a route, e.g. "GET /api/placements/:id". */
export type EndpointName<S> = S extends { method: infer M extends string; path: infer P extends string } ? `${M} ${P}` : never;

/** Maps a record of routes to { "GET /api/x": route }. */
export type EndpointsOf<R extends Record<string, RouteSpec>> = { [K in keyof R as EndpointName<R[K]>]: R[K] };
