import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import type { CrsId } from "./crs.js";
import type { Position } from "./geojson.js";
import { transformPosition } from "./transform.js";

interface ReferencePoint {
  name: string;
  crs: CrsId;
  easting: number;
  northing: number;
  command: string;
  lat: number;
  lon: number;
}
const fixture = JSON.parse(fs.readFileSync(new URL("../../test/fixtures/geo/reference-points.json", import.meta.url), "utf8")) as {
  projVersion: string;
  points: ReferencePoint[];
};

/** 1 cm on the ground: 9e-8° of latitude ≈ 1.0 cm; a degree of longitude shrinks with cos(latitude). */
const LAT_TOL = 9e-8;
const lonTol = (lat: number) => LAT_TOL / Math.cos((lat * Math.PI) / 180);

function expectWithinOneCm(name: string, lib: Position, ref: { lat: number; lon: number }): void {
  const [lon, lat] = lib;
  expect(Math.abs(lat - ref.lat), `${name}: latitude ${lat} vs ${ref.lat}`).toBeLessThanOrEqual(LAT_TOL);
  expect(Math.abs(lon - ref.lon), `${name}: longitude ${lon} vs ${ref.lon}`).toBeLessThanOrEqual(lonTol(ref.lat));
}

describe("EUREF89 UTM → WGS84 against PROJ's cs2cs (stored reference points)", () => {
  it("holds at least six points in both zones, made with cs2cs", () => {
    expect(fixture.points.length).toBeGreaterThanOrEqual(6);
    expect(new Set(fixture.points.map((p) => p.crs))).toEqual(new Set(["EPSG:25832", "EPSG:25833"]));
    expect(fixture.projVersion).toMatch(/^Rel\. \d+\.\d+/);
    for (const p of fixture.points) expect(p.command).toContain(`cs2cs -f %.9f ${p.crs} EPSG:4326`);
  });

  it.each(fixture.points.map((p) => [p.name, p] as const))("%s agrees within 1 cm", (name, p) => {
    expectWithinOneCm(name, transformPosition([p.easting, p.northing], p.crs, "EPSG:4326"), p);
  });

  it.each(fixture.points.map((p) => [p.name, p] as const))("%s: cs2cs's WGS84 converted back lands within 1 cm of the input", (_n, p) => {
    const [e, n] = transformPosition([p.lon, p.lat], "EPSG:4326", p.crs);
    expect(Math.hypot(e - p.easting, n - p.northing)).toBeLessThan(0.01);
  });
});

/** A small seeded generator, so a failure can be replayed from the seed in its message. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const hasCs2cs = !spawnSync("cs2cs", [], { encoding: "utf8" }).error;

function cs2cs(crs: CrsId, points: Position[]): { lat: number; lon: number }[] {
  const input = points.map(([e, n]) => `${e.toFixed(3)} ${n.toFixed(3)}`).join("\n");
  const res = spawnSync("cs2cs", ["-f", "%.9f", crs, "EPSG:4326"], { input: `${input}\n`, encoding: "utf8" });
  if (res.status !== 0) throw new Error(`cs2cs failed: ${res.stderr}`);
  return res.stdout
    .trim()
    .split("\n")
    .map((line) => {
      const [lat, lon] = line.split(/\s+/).map(Number);
      return { lat: lat as number, lon: lon as number };
    });
}

describe("EUREF89 UTM → WGS84 against PROJ at test time", () => {
  // When cs2cs is missing this test still asserts: against the stored reference points instead.
  it(`agrees with ${hasCs2cs ? "cs2cs on random points in Norway" : "the stored cs2cs reference points (cs2cs is not installed)"}`, () => {
    if (!hasCs2cs) {
      for (const p of fixture.points) expectWithinOneCm(p.name, transformPosition([p.easting, p.northing], p.crs, "EPSG:4326"), p);
      return;
    }
    const seed = Date.now() % 2 ** 31;
    const rnd = mulberry32(seed);
    const zones: [CrsId, [number, number], [number, number]][] = [
      ["EPSG:25832", [250_000, 750_000], [6_450_000, 7_200_000]],
      ["EPSG:25833", [-50_000, 1_100_000], [6_500_000, 8_000_000]],
    ];
    for (const [crs, [e0, e1], [n0, n1]] of zones) {
      const points: Position[] = Array.from({ length: 20 }, () => [
        Math.round((e0 + rnd() * (e1 - e0)) * 1000) / 1000,
        Math.round((n0 + rnd() * (n1 - n0)) * 1000) / 1000,
      ]);
      const ref = cs2cs(crs, points);
      expect(ref).toHaveLength(points.length);
      points.forEach((p, i) => {
        expectWithinOneCm(
          `seed ${seed}, ${crs} [${p.join(", ")}]`,
          transformPosition(p, crs, "EPSG:4326"),
          ref[i] as { lat: number; lon: number },
        );
      });
    }
  });
});
