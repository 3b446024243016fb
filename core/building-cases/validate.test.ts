import { describe, expect, it } from "vitest";
import { checkApplicationDates, type DateFacts } from "./validate.js";

const ok: DateFacts = { receivedDate: "2017-01-02", completeDate: "2017-01-09", decisionDate: "2017-03-06", stops: [] };

describe("date checks", () => {
  it.each<[string, Partial<DateFacts>, string[]]>([
    ["consistent dates", {}, []],
    ["decision on the complete day", { decisionDate: "2017-01-09" }, []],
    ["complete before received", { completeDate: "2016-12-30" }, ["completeDate"]],
    ["decision before complete", { decisionDate: "2017-01-05" }, ["decisionDate"]],
    ["decision before received without a complete date", { completeDate: null, decisionDate: "2017-01-01" }, ["decisionDate"]],
    ["a decision after today", { decisionDate: "2017-12-01" }, ["decisionDate"]],
    ["a stop ending before it starts", { stops: [{ fromDate: "2017-02-01", toDate: "2017-01-20" }] }, ["stops.0.toDate"]],
    ["an open-ended stop", { stops: [{ fromDate: "2017-02-01", toDate: null }] }, []],
  ])("%s", (_label, patch, fields) => {
    expect(checkApplicationDates({ ...ok, ...patch }, "2017-06-30").map((p) => p.field)).toEqual(fields);
  });
});
