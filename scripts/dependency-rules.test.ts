import path from "node:path";
import { fileURLToPath } from "node:url";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";

/*
 * The rules of .dependency-cruiser.cjs (what `npm run lint` checks) run on two small trees in
 * test/fixtures/depcruise: "dirty" has one planted violation per rule, "clean" the allowed
 * shapes (a module importing another through its index.ts, files of a module importing each
 * other, a test reaching behind a face, server/lib used by a module).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TSCONFIG = path.join(ROOT, "tsconfig.json");

async function violations(fixture: "clean" | "dirty"): Promise<string[]> {
  const options = await extractDepcruiseOptions(path.join(ROOT, ".dependency-cruiser.cjs"));
  const baseDir = path.join(ROOT, "test/fixtures/depcruise", fixture);
  const { output } = await cruise(
    ["core", "server", "web"],
    { ...options, baseDir, tsConfig: { fileName: TSCONFIG } },
    {},
    { tsConfig: extractTSConfig(TSCONFIG) },
  );
  if (typeof output === "string") throw new Error(output);
  const result: ICruiseResult = output;
  expect(result.summary.totalCruised).toBeGreaterThan(5);
  return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe("dependency rules", () => {
  it("report each planted violation", async () => {
    const found = await violations("dirty");
    expect(found).toContain("module-face: server/modules/alpha/alpha.ts → server/modules/beta/internal.ts");
    expect(found).toContain("module-face-from-outside: server/app.ts → server/modules/beta/internal.ts");
    expect(found).toContain("no-circular: server/modules/gamma/first.ts → server/modules/gamma/second.ts");
    expect(found).toContain("web-not-to-server: web/page.ts → server/modules/alpha/index.ts");
    expect(found).toContain("lib-not-to-modules: server/lib/helper.ts → server/modules/beta/index.ts");
    expect(found).toContain("core-no-node-builtins: core/pure.ts → fs");
  }, 60_000);

  it("pass a tree that keeps them", async () => {
    expect(await violations("clean")).toEqual([]);
  }, 60_000);
});
