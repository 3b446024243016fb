import { describe, expect, it } from "vitest";
import { progressFitsStatus, progressForStatus } from "./measure-rules.js";

describe("measure update rules", () => {
  it("accepts a completed measure only at 100 %", () => {
    expect(progressFitsStatus("completed", 100)).toBe(true);
    expect(progressFitsStatus("completed", 99)).toBe(false);
  });

  it("accepts any progress for the other statuses", () => {
    expect(progressFitsStatus("in_progress", 0)).toBe(true);
    expect(progressFitsStatus("delayed", 40)).toBe(true);
    expect(progressFitsStatus("planned", 100)).toBe(true);
  });

  it("suggests 100 % when the status becomes completed and keeps the progress otherwise", () => {
    expect(progressForStatus("completed", "30")).toBe("100");
    expect(progressForStatus("in_progress", "30")).toBe("30");
  });
});
