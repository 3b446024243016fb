import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";

/**
 * Statistics and breach lists over the sample export (test/fixtures/building-cases/sample.csv).
 * Counted (commercial ett-trinn and rammetillatelse, decided), processing days by hand:
 *   17/00112 rammetillatelse  16.01.2017 → 27.03.2017            70 days (10 weeks)
 *   17/00387 ett-trinn        13.02.2017 → 06.03.2017            21 days (3 weeks)
 *   17/00520 ett-trinn        08.03.2017 → 24.05.2017, stop 14   63 days (9 weeks)
 *   17/00733 rammetillatelse  received 03.04.2017 → 12.07.2017, stops 28 + 7   65 days
 *   17/01470 ett-trinn        18.12.2017 → 15.01.2018            28 days (4 weeks; 3-week deadline)
 *   18/00231 rammetillatelse  12.02.2018 → 30.04.2018, stop 7    70 days (10 weeks)
 * Not counted: a commencement permit, a dwelling, a dispensation-only application (97 days against
 * 12 weeks), a pending rammetillatelse, a completion certificate, owner-built works, a change.
 */
const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures/building-cases");

let t: TestApp;
let reader: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  const editor = await signInAs(t, "editor");
  reader = await signInAs(t, "reader");
  const res = await t.app.inject({
    method: "POST",
    url: "/api/building-cases/import",
    headers: { ...editor.headers, "content-type": "text/csv" },
    payload: fs.readFileSync(path.join(FIXTURES, "sample.csv")),
  });
  if (res.statusCode !== 200) throw new Error(res.body);
});
afterAll(async () => t?.close());

const get = async <T>(url: string): Promise<T> => {
  const res = await t.app.inject({ url, headers: { cookie: reader.cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

interface Stats {
  from: string;
  to: string;
  definition: { applicationTypes: string[]; text: { nb: string } };
  periods: {
    period: string;
    count: number;
    meanWeeks: number | null;
    medianWeeks: number | null;
    statutoryBreaches: number;
    overTargetWeeks: number;
    startedFromReceived: number;
  }[];
  total: { count: number; meanWeeks: number } | null;
}

describe("processing-time statistics", () => {
  it("gives means, medians and breach counts per year by decision date", async () => {
    const s = await get<Stats>("/api/building-cases/stats?period=year");
    expect(s.from).toBe("2017-03-06");
    expect(s.to).toBe("2018-04-30");
    expect(s.definition.applicationTypes).toEqual(["ett_trinn", "rammetillatelse"]);
    expect(s.definition.text.nb).toMatch(/ett-trinns søknader og rammetillatelser/);
    const [y2017, y2018] = s.periods;
    expect(y2017).toMatchObject({ period: "2017", count: 4, statutoryBreaches: 0, overTargetWeeks: 3, startedFromReceived: 1 });
    expect(y2017?.meanWeeks).toBeCloseTo((70 + 21 + 63 + 65) / 4 / 7, 10);
    expect(y2017?.medianWeeks).toBeCloseTo((63 + 65) / 2 / 7, 10);
    // Decided in January 2018 though received in 2017: counts in 2018.
    expect(y2018).toMatchObject({ period: "2018", count: 2, meanWeeks: 7, medianWeeks: 7, statutoryBreaches: 1, overTargetWeeks: 1 });
    expect(s.total?.count).toBe(6);
    expect(s.total?.meanWeeks).toBeCloseTo((70 + 21 + 63 + 65 + 28 + 70) / 6 / 7, 10);
  });

  it("gives quarters and months, empty ones with count 0", async () => {
    const q = await get<Stats>("/api/building-cases/stats?period=quarter&from=2017-01-01&to=2017-12-31");
    expect(q.periods.map((p) => [p.period, p.count, p.meanWeeks === null ? null : Math.round(p.meanWeeks * 1000) / 1000])).toEqual([
      ["2017-Q1", 2, 6.5],
      ["2017-Q2", 1, 9],
      ["2017-Q3", 1, 9.286],
      ["2017-Q4", 0, null],
    ]);
    const m = await get<Stats>("/api/building-cases/stats?period=month&from=2018-01-01&to=2018-04-30");
    expect(m.periods.map((p) => [p.period, p.count, p.meanWeeks])).toEqual([
      ["2018-01", 1, 4],
      ["2018-02", 0, null],
      ["2018-03", 0, null],
      ["2018-04", 1, 10],
    ]);
  });

  it("answers an empty range with no periods", async () => {
    const s = await get<Stats>("/api/building-cases/stats?from=2030-01-01&to=2030-12-31");
    expect(s.total).toMatchObject({ count: 0, meanWeeks: null });
    expect(s.periods).toEqual([expect.objectContaining({ period: "2030", count: 0 })]);
  });
});

interface Breaches {
  asOf: string;
  statutory: { caseId: string; daysOverDeadline: number; decisionDate: string | null; clock: { decided: boolean; days: number } }[];
  target: { caseId: string; decisionDate: string | null; clock: { decided: boolean; days: number } }[];
}

describe("breach lists", () => {
  it("lists statutory and 8-week breaches, longest over first", async () => {
    const b = await get<Breaches>("/api/building-cases/breaches?asOf=2018-06-30");
    expect(b.statutory.map((x) => [x.caseId, x.daysOverDeadline])).toEqual([
      ["17/01002", 13],
      ["17/01470", 7],
    ]);
    expect(b.target.map((x) => [x.caseId, x.clock.days])).toEqual([
      ["17/00112", 70],
      ["18/00231", 70],
      ["17/00733", 65],
      ["17/00520", 63],
    ]);
  });

  it("counts an undecided application by its time on the clock so far", async () => {
    const b = await get<Breaches>("/api/building-cases/breaches?asOf=2017-03-20");
    expect(b.statutory).toEqual([]);
    expect(b.target).toEqual([
      expect.objectContaining({ caseId: "17/00112", decisionDate: null, clock: expect.objectContaining({ decided: false, days: 63 }) }),
    ]);
  });
});
