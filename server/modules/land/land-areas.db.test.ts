import fs from "node:fs";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LandAreaView } from "../../../core/api/land.js";
import type { Polygon, Position } from "../../../core/geo/geojson.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { auditLog, landAreas } from "../../db/schema/index.js";

interface RefPoint {
  name: string;
  crs: string;
  easting: number;
  northing: number;
  lat: number;
  lon: number;
}
const ref = JSON.parse(fs.readFileSync(new URL("../../../test/fixtures/geo/reference-points.json", import.meta.url), "utf8")) as {
  points: RefPoint[];
};
const sandvika = ref.points.find((p) => p.name === "Sandvika sentrum" && p.crs === "EPSG:25832") as RefPoint;
const tromso = ref.points.find((p) => p.name === "Tromsø") as RefPoint;

/** A 100 m × 100 m square in UTM whose first corner is a cs2cs reference point. */
function squareAt(e: number, n: number): Position[] {
  return [
    [e, n],
    [e + 100, n],
    [e + 100, n + 100],
    [e, n + 100],
    [e, n],
  ];
}

let t: TestApp;
let editor: SignedIn;
let reader: SignedIn;
let contributor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  [editor, reader, contributor] = [await signInAs(t, "editor"), await signInAs(t, "reader"), await signInAs(t, "contributor")];
});
afterAll(async () => t?.close());

const post = (payload: object, who: SignedIn | null = editor) =>
  t.app.inject({ method: "POST", url: "/api/land-bank/areas", headers: who?.headers ?? {}, payload });
const patch = (key: string, payload: object, who: SignedIn | null = editor) =>
  t.app.inject({ method: "PATCH", url: `/api/land-bank/areas/${key}`, headers: who?.headers ?? {}, payload });

describe("land areas", () => {
  it("stores a polygon sent in EUREF89 UTM 32 as WGS84, within 1 cm of cs2cs", async () => {
    const res = await post({
      key: "test-sandvika-square",
      name: "Sandvika testkvartal",
      centre: "Sandvika",
      zoning: "Næring/kontor",
      totalM2: 12_000,
      availableM2: 8_000,
      plannedM2: 2_500.5,
      status: "available",
      geometry: { type: "Polygon", coordinates: [squareAt(sandvika.easting, sandvika.northing)] },
      crs: "EPSG:25832",
      source: "Plankontoret",
    });
    expect(res.statusCode).toBe(201);
    const view = res.json() as LandAreaView;
    expect(view).toMatchObject({
      key: "test-sandvika-square",
      totalM2: 12_000,
      availableM2: 8_000,
      plannedM2: 2_500.5,
      status: "available",
    });
    const [row] = await t.database.db.select().from(landAreas).where(eq(landAreas.key, "test-sandvika-square"));
    const stored = row?.geometry as Polygon;
    const [lon, lat] = stored.coordinates[0]?.[0] ?? [0, 0];
    expect(Math.abs(lat - sandvika.lat)).toBeLessThan(9e-8);
    expect(Math.abs(lon - sandvika.lon)).toBeLessThan(9e-8 / Math.cos((lat * Math.PI) / 180));
    expect(stored.coordinates[0]?.[4]).toEqual(stored.coordinates[0]?.[0]);
    // 10 000 m² on the UTM grid is more on the ground: the scale factor here is ≈ 0.99969, 1/k² ≈ 1.00062.
    expect(view.siteAreaM2).toBeGreaterThan(10_005.7);
    expect(view.siteAreaM2).toBeLessThan(10_006.7);
    expect((await t.app.inject({ url: "/api/land-bank/areas/test-sandvika-square" })).json()).toMatchObject({ geometry: stored });
  });

  it("replaces the geometry from UTM 33 on edit and records the change in the audit log", async () => {
    await post({ key: "test-tromso", name: "Tromsø testområde" });
    const res = await patch("test-tromso", {
      geometry: { type: "Point", coordinates: [tromso.easting, tromso.northing] },
      crs: "urn:ogc:def:crs:EPSG::25833",
    });
    expect(res.statusCode).toBe(200);
    const [lon, lat] = (res.json() as { geometry: { coordinates: Position } }).geometry.coordinates;
    expect(Math.abs(lat - tromso.lat)).toBeLessThan(9e-8);
    expect(Math.abs(lon - tromso.lon)).toBeLessThan(9e-8 / Math.cos((lat * Math.PI) / 180));
    const view = res.json() as LandAreaView;
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, view.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["land_area.create", "land_area.update"]);
    expect(audit.find((a) => a.action === "land_area.update")?.before).toEqual({ geometry: null });
  });

  it.each([
    [
      "an unclosed ring",
      { type: "Polygon", coordinates: [squareAt(585_000, 6_640_000).slice(0, 4)] },
      "EPSG:25832",
      "geometry.coordinates.0",
      /not closed/,
    ],
    [
      "a ring of three positions",
      {
        type: "Polygon",
        coordinates: [
          [
            [10.5, 59.9],
            [10.6, 59.9],
            [10.5, 59.9],
          ],
        ],
      },
      null,
      "geometry.coordinates.0",
      /at least 4 positions/,
    ],
    ["latitude out of range", { type: "Point", coordinates: [10.5, 91] }, "EPSG:4326", "geometry.coordinates", /latitude 91 is outside/],
    ["undeclared UTM metres", { type: "Point", coordinates: [585_000, 6_640_000] }, null, "crs", /declare the coordinate system/],
    [
      "an unsupported CRS",
      { type: "Point", coordinates: [585_000, 6_640_000] },
      "EPSG:3857",
      "crs",
      /"EPSG:3857" is not supported; use one of EPSG:4326/,
    ],
    ["swapped longitude and latitude", { type: "Point", coordinates: [59.9, 10.5] }, null, "geometry.coordinates", /swapped/],
    ["not GeoJSON at all", { kind: "circle" }, null, "geometry.type", /unknown geometry type/],
  ])("refuses %s with 400 and a clear message", async (_name, geometry, crs, path, message) => {
    const res = await post({ key: "test-invalid", name: "Ugyldig", geometry, crs });
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; message: string; details: { path: string; message: string }[] };
    expect(body.code).toBe("validation_failed");
    expect(body.message).toMatch(/^Invalid geometry: /);
    expect(body.message).toMatch(message);
    expect(body.details[0]?.path).toBe(path);
    expect((await t.app.inject({ url: "/api/land-bank/areas/test-invalid" })).statusCode).toBe(404);
  });

  it("refuses figures where available + planned exceed the total, and a key in use", async () => {
    const bad = await post({ key: "test-figures", name: "Tall", totalM2: 1_000, availableM2: 800, plannedM2: 300 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ details: [{ path: "totalM2" }] });
    expect((await post({ key: "test-figures", name: "Tall", totalM2: 1_000, availableM2: 800 })).statusCode).toBe(201);
    expect((await patch("test-figures", { plannedM2: 300 })).statusCode).toBe(400);
    expect((await post({ key: "test-figures", name: "Igjen" })).statusCode).toBe(409);
    expect((await post({ key: "test-negative", name: "Minus", availableM2: -5 })).statusCode).toBe(400);
  });

  it("clears a geometry with null and deletes an area, keeping a linked rezoning application unlinked", async () => {
    await post({ key: "test-delete", name: "Slettes", geometry: { type: "Point", coordinates: [10.55, 59.9] } });
    expect((await patch("test-delete", { geometry: null })).json()).toMatchObject({ geometry: null, siteAreaM2: null });
    const app = await t.app.inject({
      method: "POST",
      url: "/api/land-bank/rezoning-applications",
      headers: editor.headers,
      payload: { caseId: "TEST/0001", title: "Boliger på næringstomt", receivedDate: "2017-03-01", landAreaKey: "test-delete" },
    });
    expect(app.json()).toMatchObject({ landArea: { key: "test-delete" } });
    const del = await t.app.inject({ method: "DELETE", url: "/api/land-bank/areas/test-delete", headers: editor.headers });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/land-bank/areas/test-delete" })).statusCode).toBe(404);
    const after = await t.app.inject({
      url: `/api/land-bank/rezoning-applications/${(app.json() as { id: string }).id}`,
      headers: reader.headers,
    });
    expect(after.json()).toMatchObject({ caseId: "TEST/0001", landArea: null });
  });
});

describe("access to the land bank", () => {
  it("lets anyone read areas, the CSV and the supply report", async () => {
    for (const url of ["/api/land-bank/areas", "/api/land-bank/areas?geometry=false", "/api/land-bank/areas.csv", "/api/land-bank/supply"])
      expect((await t.app.inject({ url })).statusCode, url).toBe(200);
  });

  it("lets only editors and admins write", async () => {
    expect((await post({ key: "test-anon", name: "Anonym" }, null)).statusCode).toBe(401);
    expect((await post({ key: "test-reader", name: "Leser" }, reader)).statusCode).toBe(403);
    expect((await post({ key: "test-contrib", name: "Bidragsyter" }, contributor)).statusCode).toBe(403);
    expect((await patch("test-figures", { name: "x" }, reader)).statusCode).toBe(403);
    const del = await t.app.inject({ method: "DELETE", url: "/api/land-bank/areas/test-figures", headers: reader.headers });
    expect(del.statusCode).toBe(403);
    const csv = await t.app.inject({
      method: "POST",
      url: "/api/land-bank/areas.csv",
      headers: { ...reader.headers, "content-type": "text/csv" },
      payload: "Nøkkel;Navn\nx;y\n",
    });
    expect(csv.statusCode).toBe(403);
  });

  it("shows rezoning applications to signed-in users only", async () => {
    expect((await t.app.inject({ url: "/api/land-bank/rezoning-applications" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/land-bank/rezoning-applications", headers: reader.headers })).statusCode).toBe(200);
    const write = await t.app.inject({
      method: "POST",
      url: "/api/land-bank/rezoning-applications",
      headers: reader.headers,
      payload: { caseId: "TEST/0002", title: "x", receivedDate: "2017-01-01" },
    });
    expect(write.statusCode).toBe(403);
  });
});
