import { describe, expect, it } from "vitest";
import { MEASURE_STATUSES } from "../vocabulary.js";
import { countsOf, countTotal } from "./counts.js";

describe("status counts", () => {
  it("start at zero for every value of a vocabulary", () => {
    expect(countsOf(MEASURE_STATUSES)).toEqual({ planned: 0, in_progress: 0, completed: 0, delayed: 0, cancelled: 0 });
  });

  it("total every status", () => {
    expect(countTotal({ achieved: 2, on_track: 3, no_data: 0 })).toBe(5);
    expect(countTotal({})).toBe(0);
  });
});
