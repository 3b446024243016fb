import { describe, expect, it } from "vitest";
import { hrefFor, parseRoute, type Route } from "../../router.js";
import type { Breakdown, SurvivalFigure } from "../../types.js";
import {
  byStandard,
  distinctReasons,
  employeesText,
  noDataReason,
  normaliseScope,
  percentOf,
  scopeText,
  sectionLetter,
  sizeClassLabel,
  survivalGrid,
  uploadContentType,
} from "./figures.js";
import { municipalitiesByName, municipalityName } from "./municipalities.js";
import { rankingMetric } from "./Ranking.js";

const b = (key: string, entities: number): Breakdown => ({ key, label: key, entities, employees5plus: 0, units1to4: 0, share: 0 });

describe("industry sections by standard", () => {
  it("never merges a section letter across SN2007 and SN2025 and lists SN2025 first", () => {
    const groups = byStandard([b("SN2007:K", 10), b("SN2025:K", 7), b("SN2007:G", 5), b("?:unknown", 2)]);
    expect(groups.map((g) => g.standard)).toEqual(["SN2025", "SN2007", null]);
    expect(groups[1]?.rows.map((r) => r.key)).toEqual(["SN2007:K", "SN2007:G"]);
    expect(groups[0]?.rows.map((r) => r.entities)).toEqual([7]);
  });

  it("puts unknown codes (no standard) with the snapshot's own standard, else on their own", () => {
    const rows = [b("SN2007:M", 80), b("SN2007:unspecified", 23), b("?:unknown", 2)];
    expect(byStandard(rows, "SN2007").map((g) => [g.standard, g.rows.length])).toEqual([["SN2007", 3]]);
    expect(byStandard(rows, null).map((g) => [g.standard, g.rows.length])).toEqual([
      ["SN2007", 2],
      [null, 1],
    ]);
  });

  it("takes the letter only from a real section key", () => {
    expect(sectionLetter("SN2025:K")).toBe("K");
    expect(sectionLetter("SN2007:unknown")).toBe("");
    expect(sectionLetter("?:unspecified")).toBe("");
  });
});

describe("headcounts and size classes", () => {
  it("shows the 1–4 class, never 0, when the count is withheld", () => {
    expect(employeesText({ employees: null, sizeClass: "1-4" }, "nb")).toBe("1–4");
    expect(employeesText({ employees: 0, sizeClass: "0" }, "nb")).toBe("0");
    expect(employeesText({ employees: 1234, sizeClass: "250+" }, "nb")).toBe("1\u00a0234");
    expect(employeesText({ employees: null, sizeClass: null }, "nb")).toBeNull();
    expect(employeesText({ employees: null, sizeClass: "unknown" }, "nb")).toBeNull();
  });

  it("labels the classes with an en dash and keeps 250 + together", () => {
    expect(sizeClassLabel("100-249")).toBe("100–249");
    expect(sizeClassLabel("250+")).toBe("250\u00a0+");
    expect(sizeClassLabel("unknown")).toBeNull();
  });
});

describe("survival", () => {
  const f = (cohort: number, years: 1 | 3 | 5, share: number | null, reason?: string): SurvivalFigure => ({
    cohort,
    years,
    status: share === null ? "no_data" : "ok",
    cohortSize: share === null ? null : 100,
    survivors: share === null ? null : share * 100,
    share,
    reason,
  });

  it("puts the figures in rows by cohort, newest first, one cell per horizon", () => {
    const grid = survivalGrid([f(2022, 1, 0.48), f(2023, 1, null, "no snapshot dated 1 Jan–31 Mar 2024"), f(2022, 3, null, "x")]);
    expect(grid.map((r) => r.cohort)).toEqual([2023, 2022]);
    expect(grid[1]?.cells[1]?.share).toBe(0.48);
    expect(grid[1]?.cells[3]?.status).toBe("no_data");
    expect(grid[1]?.cells[5]).toBeUndefined();
  });

  it("turns the API's reasons into message keys with the year", () => {
    expect(noDataReason("no snapshot dated 1 Jan–31 Mar 2024")).toEqual({
      key: "register.survival.reason.noCohortSnapshot",
      values: { year: "2024" },
    });
    expect(noDataReason("no snapshot of the same scope dated 1 Jan–31 Mar 2027")).toEqual({
      key: "register.survival.reason.noLaterSnapshot",
      values: { year: "2027" },
    });
    expect(noDataReason("no firms registered in the year").key).toBe("register.survival.reason.noFirms");
    expect(noDataReason("something new")).toEqual({ key: "register.survival.reason.other", values: { reason: "something new" } });
  });

  it("lists each missing-data reason once", () => {
    const r = "no snapshot dated 1 Jan–31 Mar 2024";
    expect(distinctReasons([f(2023, 1, null, r), f(2023, 3, null, r), f(2022, 1, 0.5)])).toEqual([r]);
  });
});

describe("the import form", () => {
  it("sends gzip files as gzip and everything else as the register type", () => {
    expect(uploadContentType("enheter_alle.json.gz")).toBe("application/gzip");
    expect(uploadContentType("UNDERENHETER.CSV.GZ")).toBe("application/gzip");
    expect(uploadContentType("enheter.json")).toBe("application/vnd.naeringskompass.register");
    expect(uploadContentType("underenheter.csv")).toBe("application/vnd.naeringskompass.register");
  });

  it("accepts national or four-digit municipality numbers as the scope", () => {
    expect(normaliseScope("")).toEqual({ ok: true, value: undefined });
    expect(normaliseScope(" National ")).toEqual({ ok: true, value: "national" });
    expect(normaliseScope("3201, 3203;3201")).toEqual({ ok: true, value: "3201,3203" });
    expect(normaliseScope("Bærum")).toEqual({ ok: false });
    expect(normaliseScope("219")).toEqual({ ok: false });
  });

  it("reports progress as a whole percentage, unknown without a total", () => {
    expect(percentOf(0, 200)).toBe(0);
    expect(percentOf(199, 200)).toBe(99);
    expect(percentOf(300, 200)).toBe(100);
    expect(percentOf(5, 0)).toBeNull();
  });

  it("names a scope's municipalities", () => {
    expect(scopeText("national", municipalityName, "Hele landet")).toBe("Hele landet");
    expect(scopeText("3201,9998", municipalityName, "Hele landet")).toBe("Bærum (3201), 9998");
  });
});

describe("municipalities and routes", () => {
  it("lists today's 357 municipalities in Norwegian order", () => {
    const all = municipalitiesByName();
    expect(all).toHaveLength(357);
    expect(all.find((m) => m.code === "3201")?.name).toBe("Bærum");
    expect(municipalityName("0219")).toBeUndefined();
    const names = all.map((m) => m.name);
    expect(names.indexOf("Ørland")).toBeGreaterThan(names.indexOf("Vågå"));
  });

  it("parses and builds the Næringsstruktur and company URLs", () => {
    const routes: Route[] = [
      { name: "business-structure" },
      { name: "business-structure", area: "3203", asOf: "2022-06-30" },
      { name: "business-structure", area: "3201", view: "ranking", metric: "over250" },
      { name: "company", orgnr: "996345734" },
    ];
    for (const r of routes) {
      const href = hrefFor(r);
      const [path, query] = href.split("?");
      expect(parseRoute(path ?? "", query ? `?${query}` : "")).toEqual(r);
    }
    expect(hrefFor({ name: "business-structure", area: "3203", view: "ranking" })).toBe("/naeringsstruktur?kommune=3203&visning=rangering");
    expect(parseRoute("/naeringsstruktur", "?kommune=abc&dato=i-dag")).toEqual({ name: "business-structure" });
    expect(parseRoute("/bedrifter/12345")).toEqual({ name: "not-found" });
  });

  it("falls back to firms for an unknown ranking figure", () => {
    expect(rankingMetric("over100")).toBe("over100");
    expect(rankingMetric("anything")).toBe("firms");
    expect(rankingMetric(undefined)).toBe("firms");
  });
});
