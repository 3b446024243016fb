import { describe, expect, it } from "vitest";
import { importProblems } from "./import-errors.js";

describe("importProblems", () => {
  it("sorts by line, counts lines and says nothing was imported", () => {
    const r = importProblems([
      { line: 5, column: "Dato", message: "not a date" },
      { line: 3, message: "duplicate" },
      { line: 5, column: "Deltakere", message: "required" },
    ]);
    expect(r.message).toBe("3 problems on 2 lines; nothing was imported");
    expect(r.details).toEqual([
      { path: "row", line: 3, message: "duplicate" },
      { path: "Dato", line: 5, message: "not a date" },
      { path: "Deltakere", line: 5, message: "required" },
    ]);
  });

  it("lists at most the first problems of a very bad file", () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ line: i + 2, message: "bad" }));
    const r = importProblems(many, 200);
    expect(r.details).toHaveLength(200);
    expect(r.message).toBe("250 problems on 250 lines (the first 200 are listed); nothing was imported");
  });
});
