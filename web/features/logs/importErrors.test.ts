import { describe, expect, it } from "vitest";
import { linesWithErrors, rowErrors } from "./importErrors.js";

describe("rowErrors", () => {
  it("reads the building-case form 'line N: Column'", () => {
    expect(
      rowErrors([
        { path: "line 3: Næringsbygg", message: '"kanskje" is not ja/nei', line: 3 },
        { path: "line 2: Mottatt", message: '"32.01.2017" is not a real date', line: 2 },
      ]),
    ).toEqual([
      { line: 2, column: "Mottatt", message: '"32.01.2017" is not a real date' },
      { line: 3, column: "Næringsbygg", message: '"kanskje" is not ja/nei' },
    ]);
  });

  it("reads the delivery-log form { line, path: column }", () => {
    expect(rowErrors([{ path: "Dato", message: "in the future", line: 7 }])).toEqual([
      { line: 7, column: "Dato", message: "in the future" },
    ]);
  });

  it("keeps a line without a column, and a whole-file problem last", () => {
    expect(
      rowErrors([
        { path: "body", message: "Send the CSV file" },
        { path: "line 4", message: "unclosed quote" },
      ]),
    ).toEqual([
      { line: 4, column: null, message: "unclosed quote" },
      { line: null, column: null, message: "Send the CSV file" },
    ]);
  });

  it("keeps the server's order within a line", () => {
    const e = rowErrors([
      { path: "B", message: "b", line: 2 },
      { path: "A", message: "a", line: 2 },
    ]);
    expect(e.map((x) => x.column)).toEqual(["B", "A"]);
    expect(linesWithErrors(e)).toBe(1);
  });
});
