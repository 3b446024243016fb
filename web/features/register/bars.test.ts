import { describe, expect, it } from "vitest";
import { BAR_ROW_HEIGHT, layoutBars, topWithOther } from "./bars.js";

const item = (key: string, value: number) => ({ key, label: key, value, text: String(value) });

describe("bar chart layout", () => {
  it("gives the largest value the longest bar and keeps room for its text", () => {
    const l = layoutBars([item("a", 50), item("b", 100), item("c", 0)], 600);
    const [a, b, c] = l.rows;
    expect(b?.barWidth).toBeGreaterThan(a?.barWidth ?? 0);
    expect(a?.barWidth).toBeCloseTo((b?.barWidth ?? 0) / 2, 5);
    expect(c?.barWidth).toBe(0);
    expect((b?.valueX ?? 0) + "100".length * 7).toBeLessThanOrEqual(600);
  });

  it("stacks one row per item below the other", () => {
    const l = layoutBars([item("a", 1), item("b", 2)], 400);
    expect((l.rows[1]?.barY ?? 0) - (l.rows[0]?.barY ?? 0)).toBe(BAR_ROW_HEIGHT);
    expect(l.height).toBeGreaterThan(l.rows[1]?.barY ?? 0);
  });

  it("never draws narrower than a phone or with a zero scale", () => {
    const l = layoutBars([item("a", 0)], 100);
    expect(l.width).toBe(280);
    expect(l.rows[0]?.barWidth).toBe(0);
  });

  it("sums everything past the top n into one row", () => {
    const rows = topWithOther([item("a", 1), item("b", 5), item("c", 3), item("d", 2)], 2, (sum) => ({
      key: "other",
      label: "Andre",
      text: String(sum),
    }));
    expect(rows.map((r) => [r.key, r.value])).toEqual([
      ["b", 5],
      ["c", 3],
      ["other", 3],
    ]);
  });
});
