import { describe, expect, it } from "vitest";
import { countOffersPerYear, countVisitsPerDay, countVisitsPerYear, type VisitRecord } from "./counting.js";

const v = (
  engagementId: string,
  date: string,
  orgnr: string | null,
  roles: string[] = [],
  companyRowId = `${engagementId}-${orgnr}`,
): VisitRecord => ({
  engagementId,
  date,
  orgnr,
  companyRowId,
  roles,
});

describe("company visit counting", () => {
  it("counts one company on one day once, however many engagements record it", () => {
    const records = [v("e1", "2017-03-01", "974760673"), v("e2", "2017-03-01", "974760673"), v("e3", "2017-03-02", "974760673")];
    expect(countVisitsPerDay(records)).toEqual([
      { date: "2017-03-01", value: 1 },
      { date: "2017-03-02", value: 1 },
    ]);
  });

  it("counts each company of a meeting with several companies", () => {
    expect(
      countVisitsPerDay([v("e1", "2017-03-01", "974760673"), v("e1", "2017-03-01", "923609016"), v("e1", "2017-03-01", null)]),
    ).toEqual([{ date: "2017-03-01", value: 3 }]);
  });

  it("counts companies without a number (not in the register, or purged) each on its own", () => {
    expect(countVisitsPerDay([v("e1", "2017-03-01", null, [], "r1"), v("e2", "2017-03-01", null, [], "r2")])).toEqual([
      { date: "2017-03-01", value: 2 },
    ]);
  });

  it("puts 31 December and 1 January in their own years", () => {
    const years = countVisitsPerYear([
      v("e1", "2017-12-31", "974760673"),
      v("e2", "2018-01-01", "974760673"),
      v("e3", "2018-01-01", "923609016"),
    ]);
    expect([...years.entries()]).toEqual([
      [2017, 1],
      [2018, 2],
    ]);
  });

  it("counts a visit for a leadership role when any engagement recording it had that role", () => {
    const records = [
      v("e1", "2017-03-01", "974760673", ["business_development_staff"]),
      v("e2", "2017-03-01", "974760673", ["political_leadership"]),
      v("e3", "2017-03-01", "923609016", ["administrative_leadership"]),
    ];
    expect(countVisitsPerDay(records, "political_leadership")).toEqual([{ date: "2017-03-01", value: 1 }]);
    expect(countVisitsPerDay(records, "administrative_leadership")).toEqual([{ date: "2017-03-01", value: 1 }]);
    expect(countVisitsPerDay(records)).toEqual([{ date: "2017-03-01", value: 2 }]);
  });
});

describe("top-10 offer counting", () => {
  it("counts offered (offered, held, declined) and held among the year's ranking only", () => {
    const counts = countOffersPerYear([
      { year: 2017, inRanking: true, status: "offered" },
      { year: 2017, inRanking: true, status: "held" },
      { year: 2017, inRanking: true, status: "declined" },
      { year: 2017, inRanking: true, status: "pending" },
      { year: 2017, inRanking: false, status: "held" },
      { year: 2018, inRanking: true, status: "pending" },
    ]);
    expect(counts.get(2017)).toEqual({ ranked: 4, offered: 3, held: 1 });
    expect(counts.get(2018)).toEqual({ ranked: 1, offered: 0, held: 0 });
  });
});
