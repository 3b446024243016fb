import { describe, expect, it } from "vitest";
import { PERIOD_KINDS } from "../../core/periods.js";
import {
  AGGREGATIONS,
  MEASURE_STATUSES,
  PLAN_CHANGE_KINDS,
  PLAN_STATUSES,
  PREFERRED_TRENDS,
  ROLES,
  SEARCH_HIT_KINDS,
  SOURCE_KINDS,
  TARGET_STATUSES,
  TARGET_TYPES,
  UPDATE_FREQUENCIES,
  VALUE_FORMATS,
  VALUE_STATUS_CODES,
} from "../../core/vocabulary.js";
import en from "./en.json" with { type: "json" };
import nb from "./nb.json" with { type: "json" };

type Tree = { [k: string]: string | Tree };

/** The label of `value` in the group at "a.b" (or its singular plural form), if any. */
function label(tree: Tree, group: string, value: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const p of group.split(".")) node = typeof node === "object" ? node[p] : undefined;
  if (typeof node !== "object") return undefined;
  const v = node[value] ?? node[`${value}_one`];
  return typeof v === "string" ? v : undefined;
}

/** Every vocabulary of core/ with the catalogue group that labels its values. */
const VOCABULARIES: [string, readonly string[]][] = [
  ["measureStatus", MEASURE_STATUSES],
  ["targetStatus", TARGET_STATUSES],
  ["targetType", TARGET_TYPES],
  ["planStatus", PLAN_STATUSES],
  ["roles", ROLES],
  ["periodKind", PERIOD_KINDS],
  ["changes.kind", PLAN_CHANGE_KINDS],
  ["search.kind", SEARCH_HIT_KINDS],
  ["sourceKind", SOURCE_KINDS],
  ["aggregation", AGGREGATIONS],
  ["trend", PREFERRED_TRENDS],
  ["valueFormat", VALUE_FORMATS],
  ["updateFrequency", UPDATE_FREQUENCIES],
  ["valueStatus", VALUE_STATUS_CODES],
];

describe("vocabularies", () => {
  for (const [group, values] of VOCABULARIES)
    it(`label every ${group} value in bokmål and English`, () => {
      const missing = (tree: Tree) => values.filter((v) => !label(tree, group, v)?.trim());
      expect(missing(nb as Tree)).toEqual([]);
      expect(missing(en as Tree)).toEqual([]);
    });
});
