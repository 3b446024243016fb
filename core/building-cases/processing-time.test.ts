import { describe, expect, it } from "vitest";
import { clipAndMergeStops, elapsedTime, processingTime } from "./processing-time.js";
import type { StopPeriod } from "./types.js";

interface Case {
  receivedDate: string;
  completeDate: string | null;
  decisionDate: string | null;
  stops: StopPeriod[];
}
const c = (completeDate: string | null, decisionDate: string | null, stops: StopPeriod[] = [], receivedDate = "2017-03-01"): Case => ({
  receivedDate,
  completeDate,
  decisionDate,
  stops,
});
const stop = (fromDate: string, toDate: string | null): StopPeriod => ({ fromDate, toDate });

describe("processing time of a decided application", () => {
  it.each<[string, Case, { days: number; stopped: number; from: "complete" | "received" }]>([
    ["one week, no stops", c("2017-03-06", "2017-03-13"), { days: 7, stopped: 0, from: "complete" }],
    ["decided the day it was complete", c("2017-03-06", "2017-03-06"), { days: 0, stopped: 0, from: "complete" }],
    ["over a year boundary (2017 → 2018)", c("2017-12-20", "2018-01-10"), { days: 21, stopped: 0, from: "complete" }],
    ["over a leap day", c("2016-02-25", "2016-03-03"), { days: 7, stopped: 0, from: "complete" }],
    ["missing complete date: from received, flagged", c(null, "2017-03-15"), { days: 14, stopped: 0, from: "received" }],
    [
      "one stop inside (8th to 10th = 2 days)",
      c("2017-03-06", "2017-03-20", [stop("2017-03-08", "2017-03-10")]),
      { days: 12, stopped: 2, from: "complete" },
    ],
    [
      "two overlapping stops merged",
      c("2017-03-01", "2017-03-31", [stop("2017-03-05", "2017-03-12"), stop("2017-03-10", "2017-03-15")]),
      { days: 20, stopped: 10, from: "complete" },
    ],
    [
      "a stop inside another counts once",
      c("2017-03-01", "2017-03-31", [stop("2017-03-05", "2017-03-20"), stop("2017-03-10", "2017-03-12")]),
      { days: 15, stopped: 15, from: "complete" },
    ],
    [
      "touching stops (one ends the day the next starts)",
      c("2017-03-01", "2017-03-31", [stop("2017-03-05", "2017-03-10"), stop("2017-03-10", "2017-03-12")]),
      { days: 23, stopped: 7, from: "complete" },
    ],
    [
      "open-ended stop runs to the decision",
      c("2017-03-01", "2017-03-31", [stop("2017-03-21", null)]),
      { days: 20, stopped: 10, from: "complete" },
    ],
    [
      "stop starting before the clock is clipped at the start",
      c("2017-03-10", "2017-03-31", [stop("2017-03-01", "2017-03-15")]),
      { days: 16, stopped: 5, from: "complete" },
    ],
    [
      "stop running past the decision is clipped at the decision",
      c("2017-03-01", "2017-03-31", [stop("2017-03-25", "2017-04-20")]),
      { days: 24, stopped: 6, from: "complete" },
    ],
    [
      "stops wholly outside the interval count nothing",
      c("2017-03-10", "2017-03-31", [stop("2017-02-01", "2017-03-05"), stop("2017-04-01", "2017-04-10")]),
      { days: 21, stopped: 0, from: "complete" },
    ],
    [
      "a stop that starts and ends the same day takes no time",
      c("2017-03-01", "2017-03-31", [stop("2017-03-05", "2017-03-05")]),
      { days: 30, stopped: 0, from: "complete" },
    ],
    [
      "a stop across the year boundary",
      c("2017-12-01", "2018-01-31", [stop("2017-12-20", "2018-01-03")]),
      { days: 47, stopped: 14, from: "complete" },
    ],
  ])("%s", (_label, app, expected) => {
    const r = processingTime(app);
    expect(r).not.toBeNull();
    expect(r?.days).toBe(expected.days);
    expect(r?.stoppedDays).toBe(expected.stopped);
    expect(r?.weeks).toBeCloseTo(expected.days / 7, 10);
    expect(r?.startedFrom).toBe(expected.from);
    expect(r?.decided).toBe(true);
  });

  it("has none without a decision", () => {
    expect(processingTime(c("2017-03-06", null))).toBeNull();
  });
});

describe("elapsed time of an undecided application", () => {
  it.each<[string, Case, string, number | null]>([
    ["no decision, three weeks on", c("2017-03-06", null), "2017-03-27", 21],
    ["decided after the day asked for counts as undecided then", c("2017-03-06", "2017-05-01"), "2017-03-27", 21],
    ["decided by the day asked for: not pending", c("2017-03-06", "2017-03-20"), "2017-03-27", null],
    ["not received yet: not pending", c(null, null, [], "2017-04-01"), "2017-03-27", null],
    ["received but not complete yet: the clock has not started", c("2017-04-01", null), "2017-03-27", 0],
    ["open-ended stop runs to the day asked for", c("2017-03-06", null, [stop("2017-03-20", null)]), "2017-03-27", 14],
    ["missing complete date: from received", c(null, null), "2017-03-08", 7],
  ])("%s", (_label, app, asOf, days) => {
    expect(elapsedTime(app, asOf)?.days ?? null).toBe(days);
  });

  it("is not a processing time", () => {
    const r = elapsedTime(c("2017-03-06", null), "2017-03-27");
    expect(r?.decided).toBe(false);
    expect(r?.endDate).toBe("2017-03-27");
  });
});

describe("clipping and merging stops", () => {
  it("returns sorted, merged half-open intervals", () => {
    expect(
      clipAndMergeStops(
        [stop("2017-03-20", "2017-03-25"), stop("2017-03-01", "2017-03-05"), stop("2017-03-04", "2017-03-08")],
        "2017-03-02",
        "2017-03-22",
      ),
    ).toEqual([
      { from: "2017-03-02", to: "2017-03-08" },
      { from: "2017-03-20", to: "2017-03-22" },
    ]);
  });
});
