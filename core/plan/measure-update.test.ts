import { describe, expect, it } from "vitest";
import { completedWithoutFullProgress } from "./measure-update.js";

describe("a completed measure is at 100 %", () => {
  it.each<[string, Parameters<typeof completedWithoutFullProgress>, boolean]>([
    ["completed at 100: fine", ["completed", 100], false],
    ["completed at 90: broken", ["completed", 90], true],
    ["completed at 0: broken", ["completed", 0], true],
    ["in progress at 90: fine", ["in_progress", 90], false],
    ["cancelled at 40: fine", ["cancelled", 40], false],
    ["no status yet: fine", ["", 40], false],
  ])("%s", (_name, args, expected) => {
    expect(completedWithoutFullProgress(...args)).toBe(expected);
  });
});
