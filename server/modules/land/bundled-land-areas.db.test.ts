import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LandAreaView, SupplyReport } from "../../../core/api/land.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadBundledLandAreas, readLandAreaBundle } from "./bundled-land-areas.js";

const EXPECTED_KEYS = [
  "fornebu-nord",
  "lysaker",
  "nedre-stabekk",
  "ramstadsletta",
  "sandvika-sentrum",
  "sandvika-elias-smiths-vei",
  "sandvika-hamangsletta",
  "sandvika-industriveien",
  "rud-hauger",
  "voyenenga-skui",
  "grini",
];

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());

describe("the bundled Bærum land areas", () => {
  it("quote the plan word for word for every area", () => {
    const seed = fs.readFileSync(new URL("../../../test/fixtures/seed/baerum-2015.txt", import.meta.url), "utf8").replace(/\s+/g, " ");
    const bundle = readLandAreaBundle("baerum.yaml");
    expect(bundle.areas.map((a) => a.key)).toEqual(EXPECTED_KEYS);
    for (const a of bundle.areas) {
      const place = a.name
        .replace(/^Sandvika – /, "")
        .replace(/ næringspark$/, "")
        .replace("Sandvika sentrum", "sentrum")
        .replace("–", "-");
      expect(
        a.provenance.some((q) => q.includes(place)),
        `${a.key} is named in its quotes`,
      ).toBe(true);
      for (const q of a.provenance) expect(seed, `${a.key}: ${q}`).toContain(q.replace(/\s+/g, " "));
    }
  });

  it("load once, without any figures or shapes, never overwrite edits and never bring back a deleted area", async () => {
    const [first] = await loadBundledLandAreas(t.database.db);
    expect(first?.inserted).toEqual(EXPECTED_KEYS);
    const areas = (await t.app.inject({ url: "/api/land-bank/areas" })).json() as LandAreaView[];
    expect(areas).toHaveLength(11);
    for (const a of areas) {
      expect(a).toMatchObject({
        totalM2: null,
        availableM2: null,
        plannedM2: null,
        status: null,
        zoning: null,
        geometry: null,
        siteAreaM2: null,
      });
      expect(a.source).toMatch(/Strategisk næringsplan for Bærum kommune 2015/);
      expect(a.note).toMatch(/^«.+»/);
    }
    expect(areas.find((a) => a.key === "sandvika-hamangsletta")?.centre).toBe("Sandvika");

    // Without a plan in the database there is no demand; every area is unknown, nothing is invented.
    const supply = (await t.app.inject({ url: "/api/land-bank/supply" })).json() as SupplyReport;
    expect(supply.supply).toEqual({ availableM2: 0, plannedM2: 0, totalM2: 0, isLowerBound: true });
    expect(supply.areas).toEqual({ count: 11, unknownAvailable: 11, unknownPlanned: 11, unknownBoth: 11 });
    expect(supply.demand).toEqual({ perYear: null, horizon: null });
    expect(supply.comparison).toMatchObject({ yearsOfAnnualDemand: null, gapToMinM2: null, coversMin: "unknown", coversMax: "unknown" });

    const edit = { method: "PATCH" as const, url: "/api/land-bank/areas/grini", headers: editor.headers, payload: { availableM2: 5_000 } };
    expect((await t.app.inject(edit)).statusCode).toBe(200);
    const del = await t.app.inject({ method: "DELETE", url: "/api/land-bank/areas/lysaker", headers: editor.headers });
    expect(del.statusCode).toBe(204);

    const [second] = await loadBundledLandAreas(t.database.db);
    expect(second?.inserted).toEqual([]);
    expect(second?.skipped).toEqual(EXPECTED_KEYS);
    const after = (await t.app.inject({ url: "/api/land-bank/areas" })).json() as LandAreaView[];
    expect(after).toHaveLength(10);
    expect(after.find((a) => a.key === "grini")?.availableM2).toBe(5_000);
  });
});
