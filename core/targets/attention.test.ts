import { describe, expect, it } from "vitest";
import { attentionRank, byAttention } from "./attention.js";

describe("targets needing attention", () => {
  it.each<[string, number | null]>([
    ["off_track", 0],
    ["at_risk", 1],
    ["on_track", null],
    ["achieved", null],
    ["not_due", null],
    ["no_data", null],
  ])("ranks %s as %s", (status, rank) => {
    expect(attentionRank(status)).toBe(rank);
  });

  it("lists off-track before at-risk, keeps the given order within a status and leaves the rest out", () => {
    const items = [
      { key: "a", status: "at_risk" },
      { key: "b", status: "on_track" },
      { key: "c", status: "off_track" },
      { key: "d", status: "at_risk" },
      { key: "e", status: "off_track" },
    ];
    expect(byAttention(items, (x) => x.status).map((x) => x.key)).toEqual(["c", "e", "a", "d"]);
  });
});
