import { describe, expect, it } from "vitest";
import type { PlanTree } from "../../types.js";
import { allTargets, needingAttention, targetsReading } from "./targetsFor.js";

const target = (key: string, status: string, indicator: string | null = null) =>
  ({
    id: key,
    key,
    text: key,
    status,
    indicator,
    explanation: { key: "x", params: {}, text: `why ${key}` },
    periods: [],
    spec: {},
  }) as never;

const plan = {
  focusAreas: [
    {
      number: 1,
      title: "En",
      targets: [target("a-area", "no_data", "jobs")],
      goals: [{ key: "g1", text: "Mål", targets: [target("a-goal", "at_risk", "rank")] }],
      measures: [{ id: "m1", text: "Tiltak", targets: [target("a-measure", "off_track", "visits")] }],
    },
    {
      number: 2,
      title: "To",
      targets: [],
      goals: [],
      measures: [{ id: "m2", text: "Tiltak 2", targets: [target("b-measure", "off_track", "visits"), target("b-ok", "achieved")] }],
    },
  ],
} as unknown as PlanTree;

describe("targets in a plan", () => {
  it("lists every target with where it sits", () => {
    expect(allTargets(plan).map((x) => [x.target.key, x.areaNumber, x.goalKey ?? x.measureId ?? "area"])).toEqual([
      ["a-area", 1, "area"],
      ["a-goal", 1, "g1"],
      ["a-measure", 1, "m1"],
      ["b-measure", 2, "m2"],
      ["b-ok", 2, "m2"],
    ]);
  });

  it("finds the targets that read an indicator", () => {
    expect(targetsReading(plan, "visits").map((x) => x.target.key)).toEqual(["a-measure", "b-measure"]);
  });

  it("puts off-track targets before at-risk ones, in plan order, and counts them all", () => {
    const { items, total } = needingAttention(plan, 2);
    expect(total).toBe(3);
    expect(items.map((x) => x.target.key)).toEqual(["a-measure", "b-measure"]);
    expect(needingAttention(plan).items.map((x) => x.target.key)).toEqual(["a-measure", "b-measure", "a-goal"]);
  });
});
