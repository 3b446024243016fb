import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mustParsePeriod } from "../../../core/periods.js";
import { valueInPeriod } from "../../../core/targets/series.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadSeries } from "../indicators/series.service.js";

let t: TestApp;
let editor: SignedIn;
const range = { start: "2015-01-01", end: "2018-12-31" };

beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
  for (const payload of [
    // The log starts in Asker: Bærum's zero months start here too.
    { date: "2015-11-20", kind: "guidance", participants: 4, homeMunicipality: "3203" },
    { date: "2015-12-31", kind: "guidance", participants: 3, participantsGrowthPotential: 1, homeMunicipality: "0219" },
    { date: "2015-12-31", kind: "course", participants: 10, participantsGrowthPotential: 2, homeMunicipality: "3201" },
    { date: "2016-01-01", kind: "course", participants: 7, participantsGrowthPotential: 3, homeMunicipality: "3024" },
    { date: "2016-06-01", kind: "event", participants: 80, participantsGrowthPotential: 10, homeMunicipality: "3201" },
  ]) {
    const res = await t.app.inject({ method: "POST", url: "/api/entrepreneurs/sessions", headers: editor.headers, payload });
    expect(res.statusCode).toBe(201);
  }
});
afterAll(async () => t?.close());

async function value(key: string, areaCode: string, period: string): Promise<number | null> {
  const series = (await loadSeries(t.database.db, [key], { areaCode, range })).get(key) ?? [];
  return valueInPeriod(series, mustParsePeriod(period), "sum").value;
}

describe("entrepreneur indicators", () => {
  it("count participants of guidance and courses (not events) from the plan's municipality, former numbers included", async () => {
    expect(await value("entrepreneurs-guided", "3201", "2015")).toBe(13);
    expect(await value("entrepreneurs-guided", "3201", "2016")).toBe(7);
    expect(await value("entrepreneurs-guided", "3203", "2015")).toBe(4);
    expect(await value("entrepreneurs-growth-potential", "3201", "2015")).toBe(3);
    expect(await value("entrepreneurs-growth-potential", "3201", "2016")).toBe(3);
  });

  it("give a real 0 for years without sessions after the log started, and no data before", async () => {
    expect(await value("entrepreneurs-guided", "3201", "2017")).toBe(0);
    expect(await value("entrepreneurs-guided", "3201", "2015-11")).toBe(0);
    expect(await value("entrepreneurs-guided", "3201", "2015-10")).toBeNull();
    expect(await value("entrepreneurs-guided", "3201", "2015-Q3")).toBeNull();
  });

  it("dates each value by its day, one value per day, with the log as source", async () => {
    const series =
      (await loadSeries(t.database.db, ["entrepreneurs-guided"], { areaCode: "3201", range })).get("entrepreneurs-guided") ?? [];
    expect(series.filter((v) => v.value !== 0)).toEqual([
      { period: "2015-12-31", value: 13, source: "Næringskompass: Etablerertjenestens logg" },
      { period: "2016-01-01", value: 7, source: "Næringskompass: Etablerertjenestens logg" },
    ]);
  });
});
