import { z } from "zod";
import type { RegisterKind } from "../../../../core/register/types.js";
import { BrregApiError, describeBrregError } from "./errors.js";
import { type EntityResult, FEED_COLLECTION, type FeedEvent, type FeedStart } from "./types.js";

/**
 * A small client for Brreg's open Enhetsregisteret API: the update feed and single entities.
 * - every request has a timeout; network errors, timeouts, 5xx and 429 are retried with
 *   exponential backoff (bounded: `retries` extra attempts, delays capped);
 * - a 4xx answer stops at once with Brreg's own error body in the message;
 * - the feed is read page by page until the last page (HAL `page.totalPages`); because Brreg does
 *   not serve more than 10 000 elements by page number, a long read restarts from the highest
 *   `oppdateringsid` seen; the result is sorted ascending by `oppdateringsid` and de-duplicated,
 *   whatever order the pages came in.
 * No credentials are needed: the API is open (NLOD).
 */

export interface BrregClientOptions {
  /** e.g. https://data.brreg.no (config BRREG_BASE_URL). */
  baseUrl: string;
  /** Per request (default 30 s). */
  timeoutMs?: number;
  /** Extra attempts after a retryable failure (default 3). */
  retries?: number;
  /** First backoff delay; doubles per attempt, at most 30 s (default 1 s). */
  retryDelayMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export interface FeedReadOptions {
  /** Page size (Brreg's `size`; default 1000). */
  size?: number;
  /** Stop after this many events (the earliest ones); the rest come with the next read. */
  maxEvents?: number;
}

export interface FeedRead {
  /** Ascending by oppdateringsid, each id once, all after the start. */
  events: FeedEvent[];
  pages: number;
  /** True when maxEvents cut the read short (more events are waiting). */
  truncated: boolean;
}

export interface BrregClient {
  readonly baseUrl: string;
  readUpdates(kind: RegisterKind, start: FeedStart, o?: FeedReadOptions): Promise<FeedRead>;
  fetchEntity(kind: RegisterKind, orgnr: string): Promise<EntityResult>;
}

/** Brreg serves at most this many elements by page number (page × size). */
const PAGE_WINDOW = 10_000;
const MAX_DELAY_MS = 30_000;

const patchSchema = z.object({ op: z.string(), path: z.string(), value: z.unknown().optional() });
const eventSchema = z.object({
  oppdateringsid: z.number().int().nonnegative(),
  dato: z.string().min(1),
  organisasjonsnummer: z.string(),
  endringstype: z.string(),
  endringer: z.array(patchSchema).nullable().optional(),
});
const pageSchema = z.object({
  _embedded: z.record(z.string(), z.array(z.unknown())).optional(),
  page: z.object({ size: z.number(), totalElements: z.number(), totalPages: z.number(), number: z.number() }).optional(),
});

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createBrregClient(options: BrregClientOptions): BrregClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 30_000;
  const retries = Math.max(0, options.retries ?? 3);
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? defaultSleep;

  const backoff = (attempt: number, retryAfter: string | null): number => {
    const seconds = retryAfter !== null && /^\d+$/.test(retryAfter) ? Number(retryAfter) : null;
    if (seconds !== null) return Math.min(seconds * 1000, MAX_DELAY_MS);
    return Math.min(retryDelayMs * 2 ** attempt, MAX_DELAY_MS);
  };

  /** GET a JSON resource; `accept` lists non-2xx statuses returned to the caller instead of thrown. */
  async function getJson(url: string, accept: readonly number[] = []): Promise<{ status: number; body: unknown }> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetchImpl(url, {
          headers: { accept: "application/json", "user-agent": "naeringskompass (Enhetsregisteret sync)" },
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (e) {
        const reason = e instanceof Error ? (e.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : e.message) : String(e);
        if (attempt < retries) {
          await sleep(backoff(attempt, null));
          continue;
        }
        throw new BrregApiError(`Could not reach Brreg for GET ${url}: ${reason} (${attempt + 1} attempts)`, null, url, null);
      }
      const body = await readBody(res);
      if (res.ok || accept.includes(res.status)) {
        if (res.ok && (body === null || typeof body !== "object"))
          throw new BrregApiError(`Brreg answered GET ${url} with something that is not JSON`, res.status, url, body);
        return { status: res.status, body };
      }
      if ((res.status >= 500 || res.status === 429) && attempt < retries) {
        await sleep(backoff(attempt, res.headers.get("retry-after")));
        continue;
      }
      const detail = describeBrregError(body);
      const after = res.status >= 500 || res.status === 429 ? ` (${attempt + 1} attempts)` : "";
      throw new BrregApiError(`Brreg answered ${res.status} for GET ${url}${after}${detail ? `: ${detail}` : ""}`, res.status, url, body);
    }
  }

  function feedUrl(kind: RegisterKind, from: FeedStart, page: number, size: number): string {
    const q = new URLSearchParams();
    if ("fromDato" in from) q.set("dato", from.fromDato);
    else q.set("oppdateringsid", String(from.afterOppdateringsid + 1));
    q.set("size", String(size));
    q.set("page", String(page));
    q.set("includeChanges", "true");
    return `${baseUrl}/enhetsregisteret/api/oppdateringer/${kind}?${q}`;
  }

  return {
    baseUrl,

    async readUpdates(kind, start, o = {}) {
      const size = Math.max(1, Math.min(o.size ?? 1000, PAGE_WINDOW));
      const maxEvents = o.maxEvents ?? Number.POSITIVE_INFINITY;
      const after = "afterOppdateringsid" in start ? start.afterOppdateringsid : -1;
      const byId = new Map<number, FeedEvent>();
      let from: FeedStart = start;
      let page = 0;
      let pages = 0;
      let maxId = after;
      let reachedEnd = false;
      for (;;) {
        const url = feedUrl(kind, from, page, size);
        const { body } = await getJson(url);
        const parsed = pageSchema.safeParse(body);
        if (!parsed.success) throw new BrregApiError(`Brreg's answer to GET ${url} is not an update page`, 200, url, body);
        pages++;
        const items = parsed.data._embedded?.[FEED_COLLECTION[kind]] ?? [];
        let added = 0;
        for (const item of items) {
          const ev = eventSchema.safeParse(item);
          if (!ev.success)
            throw new BrregApiError(
              `Brreg's answer to GET ${url} has an event that cannot be read: ${JSON.stringify(item).slice(0, 200)}`,
              200,
              url,
              body,
            );
          const e = ev.data;
          if (e.oppdateringsid <= after || byId.has(e.oppdateringsid)) continue;
          byId.set(e.oppdateringsid, {
            oppdateringsid: e.oppdateringsid,
            dato: e.dato,
            orgnr: e.organisasjonsnummer,
            endringstype: e.endringstype,
            endringer: e.endringer ?? null,
          });
          if (e.oppdateringsid > maxId) maxId = e.oppdateringsid;
          added++;
        }
        const p = parsed.data.page;
        const lastPage = p ? p.number + 1 >= p.totalPages : items.length < size;
        if (items.length === 0 || added === 0 || lastPage) {
          reachedEnd = true;
          break;
        }
        if (byId.size >= maxEvents) break;
        if ((page + 2) * size > PAGE_WINDOW) {
          from = { afterOppdateringsid: maxId };
          page = 0;
        } else {
          page++;
        }
      }
      const events = [...byId.values()].sort((a, b) => a.oppdateringsid - b.oppdateringsid);
      const truncated = events.length > maxEvents || !reachedEnd;
      return { events: events.length > maxEvents ? events.slice(0, maxEvents) : events, pages, truncated };
    },

    async fetchEntity(kind, orgnr) {
      if (!/^\d{9}$/.test(orgnr)) throw new BrregApiError(`Not an organisation number: ${JSON.stringify(orgnr)}`, null, "", null);
      const url = `${baseUrl}/enhetsregisteret/api/${kind}/${orgnr}`;
      const { status, body } = await getJson(url, [404, 410]);
      if (status === 410) return { status: "removed", body };
      if (status === 404) return { status: "not_found" };
      return { status: "found", record: body as Record<string, unknown> };
    },
  };
}

async function readBody(res: Response): Promise<unknown> {
  const text = await res.text();
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
