import { describe, expect, it } from "vitest";
import { APPLICATION_TYPES } from "../../../core/building-cases/types.js";
import nb from "../../i18n/nb.json" with { type: "json" };
import { apiFieldErrors, projectsPerYear } from "./counts.js";
import { PLACEMENT_ENTRY, PROJECT_ENTRY, partnerList, SESSION_ENTRY } from "./entries.js";

const TODAY = "2026-11-26";

describe("entrepreneur session entry", () => {
  const ok = { ...SESSION_ENTRY.empty(), date: "2017-03-15", participants: "12", participantsGrowthPotential: "3" };

  it("accepts a session and builds the body", () => {
    expect(SESSION_ENTRY.validate(ok, TODAY)).toEqual({});
    expect(SESSION_ENTRY.body({ ...ok, title: "  " })).toEqual({
      date: "2017-03-15",
      kind: "guidance",
      title: null,
      participants: 12,
      participantsGrowthPotential: 3,
      participantsForeignBackground: 0,
      homeMunicipality: "3201",
    });
  });

  it.each([
    [{ date: "" }, { date: "entry.errors.dateRequired" }],
    [{ date: "2027-01-01" }, { date: "entry.errors.dateFuture" }],
    [{ participants: "" }, { participants: "entry.errors.countRequired" }],
    [{ participants: "3,5" }, { participants: "entry.errors.count" }],
    [{ participantsGrowthPotential: "13" }, { participantsGrowthPotential: "entry.errors.moreThanParticipants" }],
    [{ homeMunicipality: "219" }, { homeMunicipality: "entry.errors.municipality" }],
  ])("finds %j", (patch, errors) => {
    expect(SESSION_ENTRY.validate({ ...ok, ...patch }, TODAY)).toEqual(errors);
  });
});

describe("placement entry", () => {
  const ok = { ...PLACEMENT_ENTRY.empty(), schoolYear: "2016/2017", companyName: "Bærum sykehus", orgnr: "974 760 673", placements: "40" };

  it("normalises the school year and the organisation number", () => {
    expect(PLACEMENT_ENTRY.validate(ok)).toEqual({});
    expect(PLACEMENT_ENTRY.body(ok)).toMatchObject({ schoolYear: "2016/17", orgnr: "974760673", placements: 40, school: null });
  });

  it("checks the school year, the modulus-11 digit and at least one placement", () => {
    expect(PLACEMENT_ENTRY.validate({ ...ok, schoolYear: "2016/18", orgnr: "974760674", placements: "0" })).toEqual({
      schoolYear: "entry.errors.schoolYear",
      orgnr: "entry.errors.orgnr",
      placements: "entry.errors.atLeastOne",
    });
  });
});

describe("project entry", () => {
  const ok = { ...PROJECT_ENTRY.empty(), key: "futurebuilt-1", title: "Fornebu skole", partners: "FutureBuilt\n\n Bærum kommune " };

  it("lists partners one per line", () => {
    expect(PROJECT_ENTRY.validate(ok, TODAY)).toEqual({});
    expect(PROJECT_ENTRY.body(ok).partners).toEqual(["FutureBuilt", "Bærum kommune"]);
    expect(partnerList("")).toEqual([]);
  });

  it("checks the key, dates in order and partners without |", () => {
    expect(
      PROJECT_ENTRY.validate({ ...ok, key: "Fornebu skole", startDate: "2018-01-01", endDate: "2017-01-01", partners: "A|B" }, TODAY),
    ).toEqual({ key: "entry.errors.key", endDate: "entry.errors.endBeforeStart", partners: "entry.errors.partners" });
  });
});

describe("projectsPerYear", () => {
  it("counts established, not cancelled projects per year, with empty years as 0", () => {
    const rows = projectsPerYear([
      { kind: "futurebuilt", status: "ongoing", establishedDate: "2016-09-01" },
      { kind: "innovative_procurement", status: "completed", establishedDate: "2016-03-15" },
      { kind: "innovative_procurement", status: "cancelled", establishedDate: "2017-03-15" },
      { kind: "welfare_technology", status: "planned", establishedDate: "2018-10-10" },
      { kind: "smartcity", status: "planned", establishedDate: null },
    ]);
    expect(rows.map((r) => [r.year, r.total])).toEqual([
      ["2016", 2],
      ["2017", 0],
      ["2018", 1],
    ]);
    expect(rows[0]?.byKind).toMatchObject({ futurebuilt: 1, innovative_procurement: 1, smartcity: 0 });
    expect(projectsPerYear([])).toEqual([]);
  });
});

describe("apiFieldErrors", () => {
  it("puts messages on the fields they name and the rest on the form", () => {
    expect(
      apiFieldErrors(
        [
          { path: "body.measureKey", message: 'no plan has a measure with key "zz-9"' },
          { path: "endDate", message: "before the start date" },
          { path: "body", message: "Unrecognized keys" },
        ],
        ["measureKey", "endDate"],
      ),
    ).toEqual({ measureKey: 'no plan has a measure with key "zz-9"', endDate: "before the start date", _form: "Unrecognized keys" });
  });
});

describe("catalogue", () => {
  type Tree = { [k: string]: string | Tree };
  const has = (key: string) => {
    const parts = key.split(".");
    let node: string | Tree | undefined = nb as Tree;
    for (const p of parts) node = typeof node === "object" ? node[p] : undefined;
    return typeof node === "string";
  };

  it("names every field, option and error message the entry forms use", () => {
    const keys: string[] = [];
    for (const kind of [SESSION_ENTRY, PLACEMENT_ENTRY, PROJECT_ENTRY]) {
      for (const f of kind.fields) {
        keys.push(f.label, ...(f.description ? [f.description] : []), ...(f.options ?? []).map((o) => o.label));
      }
      keys.push(...Object.values(kind.validate(Object.fromEntries(kind.fields.map((f) => [f.name, "|x|"])), TODAY)));
    }
    expect(keys.filter((k) => !has(k))).toEqual([]);
  });

  it("names every application type, land status and rezoning status", () => {
    const keys = [
      ...APPLICATION_TYPES.map((a) => `buildingCases.type.${a}`),
      ...["available", "partly_available", "planned", "built_out", "under_rezoning", "unknown"].map((s) => `land.status.${s}`),
      ...["received", "in_process", "approved", "rejected", "withdrawn"].map((s) => `land.rezoning.statusValue.${s}`),
      ...["building-cases", "entrepreneurs", "placements", "projects"].flatMap((r) => [`logs.name.${r}`, `logs.card.${r}`]),
      ...["yes", "no", "unknown"].map((c) => `land.coverage.${c}`),
      ...["atLeast", "atMost", "range"].map((c) => `logs.targetLine.${c}`),
    ];
    expect(keys.filter((k) => !has(k))).toEqual([]);
  });
});
