/**
 * The fetch wrapper: JSON in and out, cookies same-origin, the CSRF token on every write, and
 * typed errors ({ code, message, details }) so forms can put messages next to the right field.
 */
import type { ErrorDetail } from "../core/api/common.js";
import type { Endpoints } from "../core/api/index.js";
import type { RouteInput, RouteOutput } from "../core/api/route.js";
import { isRecord } from "../core/guards.js";

export type { ErrorDetail };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = "ApiError";
  }

  /** Field messages keyed by the field name ("body.progress" → "progress"). */
  fieldErrors(): Record<string, string> {
    return fieldErrorsOf(this.details);
  }
}

export function fieldErrorsOf(details: readonly ErrorDetail[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of details) {
    const field = d.path.replace(/^(body|querystring|params)\.?/, "") || "_form";
    if (!(field in out)) out[field] = d.message;
  }
  return out;
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The session's CSRF token, for writes sent outside `apiFetch` (an upload with progress events). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export async function apiFetch<T>(
  path: string,
  options: { method?: Method; body?: unknown; signal?: AbortSignal; raw?: { body: Blob | string; contentType: string } } = {},
): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.raw) headers["content-type"] = options.raw.contentType;
  else if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.raw ? options.raw.body : options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (err) {
    // An aborted fetch rejects with a DOMException named AbortError: the caller cancelled, pass it on.
    if (typeof err === "object" && err !== null && "name" in err && err.name === "AbortError") throw err;
    throw new ApiError(0, "network", "The server could not be reached");
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    throw errorOf(res.status, data);
  }
  return data as T;
}

/** The ApiError for a failed response, from its body `{ code, message, details }` where it has one. */
function errorOf(status: number, body: unknown): ApiError {
  const e = isRecord(body) ? body : {};
  const code = typeof e.code === "string" ? e.code : "http_error";
  const message = typeof e.message === "string" ? e.message : `HTTP ${status}`;
  return new ApiError(status, code, message, Array.isArray(e.details) ? e.details.filter(isErrorDetail) : []);
}

function isErrorDetail(v: unknown): v is ErrorDetail {
  return isRecord(v) && typeof v.path === "string" && typeof v.message === "string" && (v.line === undefined || typeof v.line === "number");
}

export const apiGet = <T>(path: string, signal?: AbortSignal) => apiFetch<T>(path, { signal });
export const apiPost = <T>(path: string, body: unknown) => apiFetch<T>(path, { method: "POST", body });
export const apiPatch = <T>(path: string, body: unknown) => apiFetch<T>(path, { method: "PATCH", body });
export const apiPut = <T>(path: string, body: unknown) => apiFetch<T>(path, { method: "PUT", body });
export const apiDelete = (path: string) => apiFetch<void>(path, { method: "DELETE" });
/** POSTs a file as the raw body (CSV imports: `text/csv`, the server detects the encoding). */
export const apiUpload = <T>(path: string, file: Blob | string, contentType = "text/csv") =>
  apiFetch<T>(path, { method: "POST", raw: { body: file, contentType } });

/** Builds "/api/x?a=1&b=2", leaving out empty parameters. */
export function apiPath(path: string, params: Record<string, string | number | undefined | null> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

// --- the typed client -------------------------------------------------------------------------

/** An endpoint of the contract, e.g. "GET /api/placements/:id". */
export type Endpoint = keyof Endpoints;
export type GetEndpoint = Extract<Endpoint, `GET ${string}`>;
export type InputOf<E extends Endpoint> = RouteInput<Endpoints[E]>;
export type OutputOf<E extends Endpoint> = RouteOutput<Endpoints[E]>;
/** The arguments after the endpoint: the input may be left out when nothing in it is required. */
export type InputArgs<E extends Endpoint> = Record<string, never> extends InputOf<E> ? [input?: InputOf<E>] : [input: InputOf<E>];

type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** The URL of an endpoint: ":name" segments filled from `params`, `query` appended (empty values left out). */
export function urlFor<E extends Endpoint>(endpoint: E, ...[input]: InputArgs<E>): string {
  const path = endpoint.slice(endpoint.indexOf(" ") + 1);
  const params: Record<string, string | number> = input?.params ?? {};
  const filled = path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`urlFor(${endpoint}): missing parameter ${name}`);
    return encodeURIComponent(String(v));
  });
  const q = new URLSearchParams();
  const query: Record<string, QueryValue> = input?.query ?? {};
  for (const [k, v] of Object.entries(query)) {
    if (Array.isArray(v)) for (const item of v) q.append(k, String(item));
    else if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${filled}?${s}` : filled;
}

/** Calls an endpoint of the contract; the answer is typed by the route's response schema. */
export function api<E extends Endpoint>(endpoint: E, ...args: InputArgs<E>): Promise<OutputOf<E>> {
  const method = endpoint.slice(0, endpoint.indexOf(" ")) as Method;
  const [input] = args;
  return apiFetch<OutputOf<E>>(urlFor(endpoint, ...args), { method, body: input?.body });
}
