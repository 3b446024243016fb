import { describe, expect, it } from "vitest";
import { assessApplication, daysOverTarget } from "./assess.js";
import type { ApplicationFacts } from "./types.js";

const app = (over: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  applicationType: "rammetillatelse",
  commercial: true,
  receivedDate: "2017-03-01",
  completeDate: "2017-03-06",
  decisionDate: null,
  stops: [],
  neighbourObjections: false,
  dispensationNeeded: false,
  otherAuthorities: false,
  ...over,
});

describe("days over the plan's 8 weeks", () => {
  it.each<[string, { days: number } | null, number | null]>([
    ["no clock: no figure", null, null],
    ["exactly 8 weeks: 0", { days: 56 }, 0],
    ["one day over", { days: 57 }, 1],
    ["under the target: negative", { days: 50 }, -6],
  ])("%s", (_name, clock, expected) => {
    expect(daysOverTarget(clock)).toBe(expected);
  });
});

describe("the target breach of an application", () => {
  it("is a breach one day over 8 weeks, not on the 56th day", () => {
    expect(assessApplication(app({ decisionDate: "2017-05-01" }), "2017-06-01").targetBreach).toBe(false);
    expect(assessApplication(app({ decisionDate: "2017-05-02" }), "2017-06-01").targetBreach).toBe(true);
  });

  it("is never a breach for applications the target does not count", () => {
    expect(assessApplication(app({ commercial: false, decisionDate: "2017-07-01" }), "2017-08-01").targetBreach).toBe(false);
  });
});
