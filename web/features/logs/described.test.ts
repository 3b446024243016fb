import { describe, expect, it } from "vitest";
import { placementsLog } from "../../../core/logs/descriptors/placements.js";
import { cellText, columnsOf, entryKindOf } from "./described.js";

describe("the entry form of a described log", () => {
  const kind = entryKindOf(placementsLog);

  it("has one field per descriptor field; enums are selects with their first value preselected", () => {
    expect(kind.fields.map((f) => [f.name, f.type])).toEqual([
      ["schoolYear", "text"],
      ["companyName", "text"],
      ["orgnr", "text"],
      ["sector", "select"],
      ["school", "text"],
      ["placements", "integer"],
    ]);
    expect(kind.empty().sector).toBe("private");
  });

  it("checks required fields, school years, organisation numbers and bounds", () => {
    expect(kind.validate({ ...kind.empty(), orgnr: "974760674", placements: "0" })).toEqual({
      schoolYear: "entry.errors.schoolYearRequired",
      companyName: "entry.errors.required",
      orgnr: "entry.errors.orgnr",
      placements: "entry.errors.atLeastOne",
    });
  });

  it("sends normalised values, empty optional fields as null", () => {
    const draft = { ...kind.empty(), schoolYear: "2016/2017", companyName: " Rema ", orgnr: "974 760 673", placements: "1 200" };
    expect(kind.validate(draft)).toEqual({});
    expect(kind.body(draft)).toEqual({
      schoolYear: "2016/17",
      companyName: "Rema",
      orgnr: "974760673",
      sector: "private",
      school: null,
      placements: 1200,
    });
  });
});

describe("the table of a described log", () => {
  it("shows enum codes by label, numbers formatted and empty cells as a dash", () => {
    expect(
      columnsOf(placementsLog)
        .filter((c) => c.numeric)
        .map((c) => c.name),
    ).toEqual(["placements"]);
    const t = (k: string) => `<${k}>`;
    const n = (v: number) => `#${v}`;
    expect(cellText(placementsLog, "sector", "state", t, n)).toBe("<placements.sector.state>");
    expect(cellText(placementsLog, "placements", 12, t, n)).toBe("#12");
    expect(cellText(placementsLog, "school", null, t, n)).toBe("–");
  });
});
