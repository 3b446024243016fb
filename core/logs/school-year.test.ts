import { describe, expect, it } from "vitest";
import { normalizeSchoolYear } from "./school-year.js";

describe("normalizeSchoolYear", () => {
  it.each([
    ["2016/17", "2016/17"],
    ["2016/2017", "2016/17"],
    ["2016-17", "2016/17"],
    [" 2016 – 2017 ", "2016/17"],
    ["1999/00", "1999/00"],
    ["2016/18", null],
    ["2016/2018", null],
    ["2016", null],
    ["16/17", null],
  ])("%s → %s", (raw, id) => {
    expect(normalizeSchoolYear(raw)).toBe(id);
  });
});
