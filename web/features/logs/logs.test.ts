import { describe, expect, it } from "vitest";
import { isLogDataPath, logForIndicator } from "./logs.js";

describe("logs", () => {
  it("knows which log feeds an indicator", () => {
    expect(logForIndicator("building-case-processing-weeks")).toBe("building-cases");
    expect(logForIndicator("lia-placements")).toBe("placements");
    expect(logForIndicator("futurebuilt-projects")).toBe("projects");
    expect(logForIndicator("entrepreneurs-growth-potential")).toBe("entrepreneurs");
    expect(logForIndicator("company-visits")).toBe("engagements");
    expect(logForIndicator("nho-kommune-nm-rank")).toBeNull();
    expect(logForIndicator(null)).toBeNull();
  });

  it("invalidates the log and everything showing the plan's targets after a write", () => {
    const match = isLogDataPath("/api/placements");
    expect(match("/api/placements/totals")).toBe(true);
    expect(match("/api/measures/abc?lang=nb")).toBe(true);
    expect(match("/api/plans/baerum-2015?lang=nb")).toBe(true);
    expect(match("/api/projects")).toBe(false);
  });
});
