import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A local stand-in for Brreg's open API (node:http on 127.0.0.1, a random port) that serves the
 * recorded responses in test/fixtures/brreg/api — tests never reach the real data.brreg.no.
 * Tests say what each request answers: `feed[kind]` for /oppdateringer/{kind} (gets the query),
 * `entities["enheter/923609016"]` for single entities (404 with a Brreg-shaped body otherwise).
 */

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/brreg/api");

/** A recorded (or synthetic/…) response body, parsed. */
export function brregFixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, name), "utf8"));
}

export interface FakeResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export type FeedHandler = (query: URLSearchParams) => FakeResponse;

export interface FakeBrreg {
  baseUrl: string;
  /** Every request path with its query, in order. */
  requests: string[];
  feed: { enheter?: FeedHandler; underenheter?: FeedHandler };
  entities: Record<string, FakeResponse | (() => FakeResponse)>;
  reset(): void;
  close(): Promise<void>;
}

const notFound = (p: string): FakeResponse => ({
  status: 404,
  body: { tidsstempel: 0, status: 404, feilmelding: "Ikke funnet", sti: p, antallFeil: 0 },
});

/** An empty feed page (Brreg leaves `_embedded` out when there is nothing). */
export const emptyFeedPage = (number = 0): FakeResponse => ({
  status: 200,
  body: { _links: {}, page: { size: 1000, totalElements: 0, totalPages: 0, number } },
});

export async function startFakeBrreg(): Promise<FakeBrreg> {
  const fake: FakeBrreg = {
    baseUrl: "",
    requests: [],
    feed: {},
    entities: {},
    reset() {
      this.requests.length = 0;
      this.feed = {};
      this.entities = {};
    },
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    fake.requests.push(`${url.pathname}${url.search}`);
    let answer: FakeResponse = notFound(url.pathname);
    const feed = /^\/enhetsregisteret\/api\/oppdateringer\/(enheter|underenheter)$/.exec(url.pathname);
    const entity = /^\/enhetsregisteret\/api\/((?:enheter|underenheter)\/\d{9})$/.exec(url.pathname);
    if (feed) {
      const handler = fake.feed[feed[1] as "enheter" | "underenheter"];
      answer = handler ? handler(url.searchParams) : emptyFeedPage();
    } else if (entity) {
      const e = fake.entities[entity[1] as string];
      if (e) answer = typeof e === "function" ? e() : e;
    }
    res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
    res.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  return fake;
}
