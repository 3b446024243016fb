import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";
import type { PlanTree } from "../plans/plan-tree.service.js";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures/building-cases");

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());

type Target = PlanTree["focusAreas"][number]["measures"][number]["targets"][number];

async function processingTarget(asOf: string): Promise<Target> {
  const res = await t.app.inject({ url: `/api/plans/baerum-2015?asOf=${asOf}` });
  expect(res.statusCode).toBe(200);
  const tree = res.json() as PlanTree;
  const target = tree.focusAreas
    .flatMap((a) => [...a.targets, ...a.goals.flatMap((g) => g.targets), ...a.measures.flatMap((m) => m.targets)])
    .find((x) => x.indicator === "building-case-processing-weeks");
  if (!target) throw new Error("no target on building-case-processing-weeks");
  return target;
}

async function importCsv(body: string | Buffer): Promise<void> {
  const res = await t.app.inject({
    method: "POST",
    url: "/api/building-cases/import",
    headers: { ...editor.headers, "content-type": "text/csv" },
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(200);
}

describe("the Bærum plan's '≤ 8 uker' target evaluates from the building-case log", () => {
  it("moves from no data to achieved, then to off track, with the numbers in the explanation", async () => {
    const empty = await processingTarget("2019-06-30");
    expect(empty.key).toBe("a2-building-case-processing-max-8-weeks");
    expect(empty.status).toBe("no_data");

    // Sample: 2017 mean (70 + 21 + 63 + 65) / 4 days = 7.82 weeks; 2018 mean (28 + 70) / 2 days = 7 weeks.
    await importCsv(fs.readFileSync(path.join(FIXTURES, "sample.csv")));
    const achieved = await processingTarget("2019-06-30");
    expect(achieved.status).toBe("achieved");
    expect(achieved.period).toBe("2018");
    expect(achieved.explanation).toMatchObject({ key: "at_most.within", params: { actual: 7, limit: 8, period: "2018" } });
    expect(achieved.explanation.text).toBe("7 uker i 2018; grensen er 8.");
    const y2017 = achieved.periods.find((p) => p.period === "2017");
    expect(y2017?.status).toBe("achieved");
    expect(y2017?.actual).toBeCloseTo(219 / 28, 10);
    expect(achieved.periods.find((p) => p.period === "2016")?.status).toBe("no_data");

    // A third counted decision in 2018, 126 days (18 weeks), on the same day as another one:
    // (28 + 70 + 126) / 3 = 74.67 days = 10.67 weeks.
    await importCsv(
      [
        "Saksnummer;SøknadsID;Søknadstype;Næringsbygg;Mottatt;Komplett;Vedtak",
        "18/00300;2018000900;Rammetillatelse;ja;18.12.2017;25.12.2017;30.04.2018",
      ].join("\r\n"),
    );
    const over = await processingTarget("2019-06-30");
    expect(over.status).toBe("off_track");
    expect(over.explanation.key).toBe("at_most.over");
    expect(over.explanation.params.actual).toBeCloseTo(224 / 21, 10);
    expect(over.explanation.text).toBe("10,7 uker i 2018; over grensen på 8.");
  });
});
