import { describe, expect, it } from "vitest";
import { projectCountDate, projectsPerYear } from "./project-counts.js";

const KINDS = ["futurebuilt", "smartcity", "other"] as const;

describe("the day a project counts on", () => {
  it.each<[string, { status: string; establishedDate: string | null }, string | null]>([
    ["an established, ongoing project: its established date", { status: "ongoing", establishedDate: "2016-09-01" }, "2016-09-01"],
    ["a completed project still counts", { status: "completed", establishedDate: "2016-09-01" }, "2016-09-01"],
    ["a cancelled project never counts", { status: "cancelled", establishedDate: "2016-09-01" }, null],
    ["a project not yet established does not count", { status: "planned", establishedDate: null }, null],
  ])("%s", (_name, project, expected) => {
    expect(projectCountDate(project)).toBe(expected);
  });
});

describe("projects per year", () => {
  it("counts each project once in its established year, by kind, with empty years between as 0", () => {
    const rows = projectsPerYear(
      [
        { kind: "futurebuilt", status: "ongoing", establishedDate: "2016-09-01" },
        { kind: "smartcity", status: "completed", establishedDate: "2016-03-15" },
        { kind: "smartcity", status: "cancelled", establishedDate: "2017-03-15" },
        { kind: "other", status: "planned", establishedDate: "2018-10-10" },
        { kind: "other", status: "planned", establishedDate: null },
      ],
      KINDS,
    );
    expect(rows).toEqual([
      { year: "2016", total: 2, byKind: { futurebuilt: 1, smartcity: 1, other: 0 } },
      { year: "2017", total: 0, byKind: { futurebuilt: 0, smartcity: 0, other: 0 } },
      { year: "2018", total: 1, byKind: { futurebuilt: 0, smartcity: 0, other: 1 } },
    ]);
  });

  it("has no rows when no project counts", () => {
    expect(projectsPerYear([{ kind: "other", status: "cancelled", establishedDate: "2017-01-01" }], KINDS)).toEqual([]);
  });
});
