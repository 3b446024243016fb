import { describe, expect, it } from "vitest";
import { progressFitsStatus, progressForStatus } from "./measure-rules.js";

describe("a measure's status update", () => {
  it("needs 100 % progress when completed", () => {
    expect(progressFitsStatus("completed", 100)).toBe(true);
    expect(progressFitsStatus("completed", 90)).toBe(false);
  });

  it("takes any progress for the other statuses", () => {
    expect(progressFitsStatus("in_progress", 40)).toBe(true);
    expect(progressFitsStatus("delayed", 0)).toBe(true);
  });

  it("suggests 100 % when the status becomes completed", () => {
    expect(progressForStatus("completed", "40")).toBe("100");
    expect(progressForStatus("delayed", "40")).toBe("40");
  });
});
