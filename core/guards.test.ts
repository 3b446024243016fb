import { describe, expect, it } from "vitest";
import { isOneOf, isRecord, keysOf, pairwise } from "./guards.js";

describe("guards", () => {
  it("isOneOf accepts members only", () => {
    const kinds = ["a", "b"] as const;
    expect(isOneOf(kinds, "a")).toBe(true);
    expect(isOneOf(kinds, "c")).toBe(false);
    expect(isOneOf(kinds, 1)).toBe(false);
  });

  it("isRecord accepts plain objects, not null or arrays", () => {
    expect(isRecord({})).toBe(true);
    expect(isRecord(null)).toBe(false);
    expect(isRecord([])).toBe(false);
    expect(isRecord("x")).toBe(false);
  });

  it("pairwise yields consecutive pairs", () => {
    expect(pairwise([1, 2, 3])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(pairwise([1])).toEqual([]);
    expect(pairwise([])).toEqual([]);
  });

  it("keysOf lists own keys", () => {
    expect(keysOf({ x: 1, y: 2 })).toEqual(["x", "y"]);
  });
});
