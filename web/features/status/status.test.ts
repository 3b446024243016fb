import { describe, expect, it } from "vitest";
import { addCounts, roundedShares, summarizeMeasures, summarizeTargets, TARGET_STATUS_STYLE } from "./status.js";

describe("status summaries", () => {
  it("lists non-zero target statuses in display order with shares", () => {
    const s = summarizeTargets({ no_data: 22, off_track: 4, achieved: 1, on_track: 0 });
    expect(s.total).toBe(27);
    expect(s.slices.map((x) => [x.status, x.count])).toEqual([
      ["achieved", 1],
      ["off_track", 4],
      ["no_data", 22],
    ]);
    expect(s.slices[0]?.share).toBeCloseTo(1 / 27);
  });

  it("is empty for no items", () => {
    expect(summarizeMeasures({ planned: 0 })).toEqual({ total: 0, slices: [] });
  });

  it("orders measures completed → in progress → planned → delayed → cancelled", () => {
    const s = summarizeMeasures({ planned: 3, cancelled: 1, completed: 2, delayed: 1, in_progress: 5 });
    expect(s.slices.map((x) => x.status)).toEqual(["completed", "in_progress", "planned", "delayed", "cancelled"]);
  });

  it("adds count records", () => {
    expect(addCounts({ a: 1, b: 2 }, { b: 3, c: 4 })).toEqual({ a: 1, b: 5, c: 4 });
  });

  it("rounds bar widths so they add up to 100", () => {
    expect(roundedShares([1, 1, 1])).toEqual([34, 33, 33]);
    expect(roundedShares([1, 4, 22]).reduce((a, b) => a + b, 0)).toBe(100);
    expect(roundedShares([0, 0])).toEqual([0, 0]);
    expect(roundedShares([0, 3])).toEqual([0, 100]);
  });

  it("gives every status a distinct icon (never colour alone)", () => {
    const icons = Object.values(TARGET_STATUS_STYLE).map((s) => s.icon);
    expect(new Set(icons).size).toBe(icons.length);
  });
});
