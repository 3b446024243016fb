import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { brregFixture, type FakeBrreg, type FakeResponse, startFakeBrreg } from "../../../../test/helpers/fake-brreg.js";
import { createBrregClient } from "./client.js";
import { BrregApiError } from "./errors.js";

let fake: FakeBrreg;
beforeAll(async () => {
  fake = await startFakeBrreg();
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());

const ok = (body: unknown): FakeResponse => ({ status: 200, body });
/** A recorded page with its HAL page numbers replaced (to make the fake serve several pages). */
function withPage(name: string, number: number, totalPages: number): unknown {
  const body = brregFixture(name) as { page: Record<string, number> };
  return { ...body, page: { ...body.page, number, totalPages } };
}

function recordingSleep() {
  const delays: number[] = [];
  return { delays, sleep: async (ms: number) => void delays.push(ms) };
}

describe("Brreg update-feed client", () => {
  it("reads every page and returns the events ascending by oppdateringsid although Brreg's page is descending", async () => {
    fake.feed.enheter = (q) =>
      q.get("page") === "0"
        ? ok(brregFixture("oppdateringer_enheter_includeChanges.json"))
        : ok(brregFixture("oppdateringer_enheter_mixed_endringstyper.json"));
    const client = createBrregClient({ baseUrl: `${fake.baseUrl}/` });
    const read = await client.readUpdates("enheter", { fromDato: "2026-07-31T22:00:00.000Z" }, { size: 3 });
    expect(read.events.map((e) => e.oppdateringsid)).toEqual([25067148, 25083754, 25107591, 25165743, 25165745, 25166125, 25166200]);
    expect(read.events.map((e) => e.endringstype)).toEqual(["Endring", "Endring", "Endring", "Sletting", "Ny", "Fjernet", "Ukjent"]);
    expect(read.events[0]?.endringer).toEqual([
      { op: "replace", path: "/registreringsdatoAntallAnsatteEnhetsregisteret", value: "2026-08-12" },
      { op: "replace", path: "/antallAnsatte", value: 21239 },
      { op: "replace", path: "/registreringsdatoAntallAnsatteNAVAaregisteret", value: "2026-08-10" },
    ]);
    expect(read.events[3]?.endringer).toBeNull();
    expect(read.pages).toBe(2);
    expect(read.truncated).toBe(false);
    expect(fake.requests).toEqual([
      "/enhetsregisteret/api/oppdateringer/enheter?dato=2026-07-31T22%3A00%3A00.000Z&size=3&page=0&includeChanges=true",
      "/enhetsregisteret/api/oppdateringer/enheter?dato=2026-07-31T22%3A00%3A00.000Z&size=3&page=1&includeChanges=true",
    ]);
  });

  it("continues after the cursor, drops events at or before it and events seen twice, and stops on a page with nothing new", async () => {
    fake.feed.enheter = (q) =>
      q.get("page") === "0"
        ? ok(withPage("oppdateringer_enheter_mixed_endringstyper.json", 0, 3))
        : ok(withPage("oppdateringer_enheter_mixed_endringstyper.json", Number(q.get("page")), 3));
    const client = createBrregClient({ baseUrl: fake.baseUrl });
    const read = await client.readUpdates("enheter", { afterOppdateringsid: 25165743 });
    expect(read.events.map((e) => e.oppdateringsid)).toEqual([25165745, 25166125, 25166200]);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]).toContain("oppdateringsid=25165744");
    expect(fake.requests[0]).toContain("includeChanges=true");
  });

  it("reads the underenheter feed from its own collection (_embedded.oppdaterteUnderenheter)", async () => {
    fake.feed.underenheter = () => ok(brregFixture("oppdateringer_underenheter_anonymized.json"));
    const read = await createBrregClient({ baseUrl: fake.baseUrl }).readUpdates("underenheter", { afterOppdateringsid: 0 }, { size: 10 });
    expect(read.events).toHaveLength(10);
    expect(read.events[0]).toMatchObject({ oppdateringsid: 14757180, orgnr: "111111111", endringstype: "Fjernet" });
    expect(fake.requests[0]).toMatch(/^\/enhetsregisteret\/api\/oppdateringer\/underenheter\?oppdateringsid=1&size=10&page=0/);
  });

  it("restarts from the highest oppdateringsid seen before paging past Brreg's 10 000-element window", async () => {
    const size = 5000;
    let next = 100;
    fake.feed.enheter = (q) => {
      const events = Array.from({ length: size }, () => ({
        oppdateringsid: next++,
        dato: "2026-09-05T10:00:00.000Z",
        organisasjonsnummer: "923609016",
        endringstype: "Endring",
      }));
      const last = fake.requests.length >= 3;
      return ok({
        _embedded: { oppdaterteEnheter: events },
        page: { size, totalElements: 99_999, totalPages: last ? 1 : 20, number: Number(q.get("page")) },
      });
    };
    const read = await createBrregClient({ baseUrl: fake.baseUrl }).readUpdates("enheter", { afterOppdateringsid: 99 }, { size });
    expect(fake.requests.map((r) => new URLSearchParams(r.split("?")[1]).toString())).toEqual([
      "oppdateringsid=100&size=5000&page=0&includeChanges=true",
      "oppdateringsid=100&size=5000&page=1&includeChanges=true",
      "oppdateringsid=10100&size=5000&page=0&includeChanges=true",
    ]);
    expect(read.events).toHaveLength(15_000);
    expect(read.events.at(-1)?.oppdateringsid).toBe(15_099);
  });

  it("stops at maxEvents with the earliest events and says more are waiting", async () => {
    fake.feed.enheter = () => ok(withPage("oppdateringer_enheter_mixed_endringstyper.json", 0, 5));
    const read = await createBrregClient({ baseUrl: fake.baseUrl }).readUpdates("enheter", { afterOppdateringsid: 0 }, { maxEvents: 2 });
    expect(read.events.map((e) => e.oppdateringsid)).toEqual([25165743, 25165745]);
    expect(read.truncated).toBe(true);
  });

  it("reports a 400 with Brreg's own error body and does not retry it", async () => {
    fake.feed.enheter = () => ({ status: 400, body: brregFixture("error_400_oppdateringer_bad_date.json") });
    const { delays, sleep } = recordingSleep();
    const err = await createBrregClient({ baseUrl: fake.baseUrl, sleep })
      .readUpdates("enheter", { fromDato: "2026-08-13" })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BrregApiError);
    const e = err as BrregApiError;
    expect(e.status).toBe(400);
    expect(e.statusCode).toBe(502);
    expect(e.message).toContain("Brreg answered 400 for GET");
    expect(e.message).toContain(
      `Feilaktig forespørsel; updatedBefore "2026-08-13": Dato må være en gyldig dato og på formatet yyyy-MM-dd'T'HH:mm:ss.SSS'Z'`,
    );
    expect(e.body).toMatchObject({ status: 400, antallFeil: 1 });
    expect(fake.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("retries 5xx answers with growing delays and then succeeds", async () => {
    let calls = 0;
    fake.feed.enheter = () =>
      ++calls <= 2 ? { status: 503, body: "Service Unavailable" } : ok(brregFixture("oppdateringer_enheter_mixed_endringstyper.json"));
    const { delays, sleep } = recordingSleep();
    const read = await createBrregClient({ baseUrl: fake.baseUrl, sleep, retryDelayMs: 100 }).readUpdates("enheter", {
      afterOppdateringsid: 0,
    });
    expect(read.events).toHaveLength(4);
    expect(delays).toEqual([100, 200]);
  });

  it("gives up after the bounded number of retries, saying how often it tried", async () => {
    fake.feed.enheter = () => ({ status: 500, body: { status: 500, feilmelding: "Intern feil" } });
    const { delays, sleep } = recordingSleep();
    const err = (await createBrregClient({ baseUrl: fake.baseUrl, sleep, retries: 2, retryDelayMs: 10 })
      .readUpdates("enheter", { afterOppdateringsid: 0 })
      .catch((e: unknown) => e)) as BrregApiError;
    expect(err.message).toMatch(/Brreg answered 500 for GET .* \(3 attempts\): Intern feil/);
    expect(fake.requests).toHaveLength(3);
    expect(delays).toEqual([10, 20]);
  });

  it("honours Retry-After on 429", async () => {
    let calls = 0;
    fake.feed.enheter = () =>
      ++calls === 1
        ? { status: 429, body: "", headers: { "retry-after": "7" } }
        : ok(brregFixture("oppdateringer_enheter_mixed_endringstyper.json"));
    const { delays, sleep } = recordingSleep();
    await createBrregClient({ baseUrl: fake.baseUrl, sleep }).readUpdates("enheter", { afterOppdateringsid: 0 });
    expect(delays).toEqual([7000]);
  });

  it("retries network errors and timeouts, then reports that Brreg could not be reached", async () => {
    const attempts: string[] = [];
    const failing: typeof fetch = async (input) => {
      attempts.push(String(input));
      throw attempts.length === 1
        ? new DOMException("The operation was aborted due to timeout", "TimeoutError")
        : new TypeError("fetch failed");
    };
    const { sleep } = recordingSleep();
    const err = (await createBrregClient({ baseUrl: "http://127.0.0.1:9", fetch: failing, sleep, retries: 1, timeoutMs: 1234 })
      .fetchEntity("enheter", "923609016")
      .catch((e: unknown) => e)) as BrregApiError;
    expect(attempts).toHaveLength(2);
    expect(err).toBeInstanceOf(BrregApiError);
    expect(err.status).toBeNull();
    expect(err.message).toBe(
      "Could not reach Brreg for GET http://127.0.0.1:9/enhetsregisteret/api/enheter/923609016: fetch failed (2 attempts)",
    );
  });

  it("fetches an entity; 410 means removed from open data and 404 unknown", async () => {
    fake.entities["enheter/923609016"] = ok(brregFixture("enhet_923609016.json"));
    fake.entities["enheter/936127088"] = { status: 410, body: brregFixture("enhet_fjernet_410_936127088.json") };
    const client = createBrregClient({ baseUrl: fake.baseUrl });
    const found = await client.fetchEntity("enheter", "923609016");
    expect(found.status === "found" && found.record.navn).toBe("EQUINOR ASA");
    expect(await client.fetchEntity("enheter", "936127088")).toEqual({
      status: "removed",
      body: brregFixture("enhet_fjernet_410_936127088.json"),
    });
    expect(await client.fetchEntity("underenheter", "974760673")).toEqual({ status: "not_found" });
    expect(fake.requests.at(-1)).toBe("/enhetsregisteret/api/underenheter/974760673");
    await expect(client.fetchEntity("enheter", "../x")).rejects.toThrow(/Not an organisation number/);
  });
});
