import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import en from "./en.json" with { type: "json" };
import nb from "./nb.json" with { type: "json" };

type Tree = { [k: string]: string | Tree };

function keys(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** A key exists when it is in the catalogue as such or with a plural suffix. */
function has(all: Set<string>, key: string): boolean {
  return all.has(key) || all.has(`${key}_one`) || all.has(`${key}_other`);
}

describe("translations", () => {
  const nbKeys = keys(nb as Tree);
  const enKeys = keys(en as Tree);

  it("have the same keys in bokmål and English", () => {
    expect(enKeys.filter((k) => !nbKeys.includes(k))).toEqual([]);
    expect(nbKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("have no empty strings", () => {
    const empty = (t: Tree): boolean => Object.values(t).some((v) => (typeof v === "string" ? v.trim() === "" : empty(v)));
    expect(empty(nb as Tree)).toBe(false);
    expect(empty(en as Tree)).toBe(false);
  });

  it("contain every literal key the code uses", () => {
    const all = new Set(nbKeys);
    const used = new Set<string>();
    for (const file of sources(webDir)) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/"((?:admin|measureForm|valueForm|signIn|legend|summary)\.[a-zA-Z0-9_.]+)"/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !has(all, k))).toEqual([]);
  });

  it("name every status", () => {
    for (const s of ["achieved", "on_track", "at_risk", "off_track", "not_due", "no_data"])
      expect(has(new Set(nbKeys), `targetStatus.${s}`)).toBe(true);
    expect((nb as Tree & { targetStatus: Tree }).targetStatus).toMatchObject({
      achieved: "Nådd",
      on_track: "I rute",
      at_risk: "Risiko",
      off_track: "Ikke i rute",
      not_due: "Ikke startet",
      no_data: "Ingen data",
    });
  });
});
