import { describe, expect, it } from "vitest";
import { defineLog, descriptorProblems, naturalKeyOf } from "./descriptor.js";
import { DESCRIBED_LOGS } from "./descriptors/index.js";
import { createSchemaOf, logRoutesOf, querySchemaOf, updateSchemaOf, viewSchemaOf } from "./log-schemas.js";

const sample = defineLog({
  key: "sample",
  path: "/api/sample",
  webPath: "sample",
  tag: "sample",
  entity: "sample_entry",
  importKind: "sample",
  noun: "Sample entry",
  fileName: "sample.csv",
  i18n: "sample",
  fields: {
    schoolYear: { type: "schoolYear", label: "s.year", csv: { header: "Skoleår" } },
    name: { type: "text", max: 10, label: "s.name", csv: { header: "Navn" } },
    kind: { type: "enum", values: ["a", "b"], labels: { a: ["A"], b: ["B"] }, options: "s.kind", label: "s.kind", csv: { header: "Type" } },
    note: { type: "text", optional: true, label: "s.note", csv: { header: "Merknad" } },
    count: { type: "integer", min: 1, max: 50, label: "s.count", csv: { header: "Antall" } },
  },
  naturalKey: ["schoolYear", "name"],
  order: ["schoolYear"],
  filters: ["schoolYear", "kind"],
  indicators: [{ key: "sample-count", by: "schoolYear", sum: "count", where: { kind: ["a"] }, source: "test" }],
  write: ["editor"],
  privacy: { personal: [] },
});

describe("a log descriptor", () => {
  it("is sound for every described log", () => {
    for (const d of DESCRIBED_LOGS) expect(descriptorProblems(d), d.key).toEqual([]);
    expect(descriptorProblems(sample)).toEqual([]);
  });

  it("names the references that point nowhere", () => {
    const broken = { ...sample, naturalKey: ["nope"], indicators: [{ key: "x", by: "name", sum: "kind", source: "t" }] };
    expect(descriptorProblems(broken)).toEqual([
      'naturalKey: no field "nope"',
      'x: "name" is not a date or school-year field',
      'x: "kind" is not an integer field',
    ]);
  });

  it("matches rows by the natural key, ignoring case and spaces", () => {
    const v = { schoolYear: "2016/17", name: " Rud VGS ", kind: "a", note: null, count: 3 };
    expect(naturalKeyOf(sample, v)).toBe("2016/17|rud vgs");
  });
});

describe("schemas derived from a descriptor", () => {
  it("create: normalises, defaults optional fields to null, refuses unknown and out-of-range fields", () => {
    const create = createSchemaOf(sample);
    expect(create.parse({ schoolYear: "2016/2017", name: " Rud ", kind: "a", count: 3 })).toEqual({
      schoolYear: "2016/17",
      name: "Rud",
      kind: "a",
      note: null,
      count: 3,
    });
    for (const bad of [
      { schoolYear: "2016/18", name: "R", kind: "a", count: 3 },
      { schoolYear: "2016/17", name: "R", kind: "c", count: 3 },
      { schoolYear: "2016/17", name: "R", kind: "a", count: 0 },
      { schoolYear: "2016/17", name: "Far too long a name", kind: "a", count: 3 },
      { schoolYear: "2016/17", name: "R", kind: "a", count: 3, extra: 1 },
    ])
      expect(create.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });

  it("update takes any of the fields; the query only the filters", () => {
    expect(updateSchemaOf(sample).parse({ count: 4 })).toEqual({ count: 4 });
    expect(querySchemaOf(sample).parse({ kind: "b", name: "ignored" })).toEqual({ kind: "b" });
  });

  it("view: id, the fields in order, batch and timestamps", () => {
    const row = {
      id: "1",
      schoolYear: "2016/17",
      name: "R",
      kind: "a",
      note: null,
      count: 3,
      batchId: null,
      createdAt: "t",
      updatedAt: "t",
    };
    expect(Object.keys(viewSchemaOf(sample).parse(row))).toEqual(Object.keys(row));
  });

  it("routes: the five CRUD routes on the descriptor's path", () => {
    const routes = logRoutesOf(sample);
    expect(Object.values(routes).map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /api/sample",
      "GET /api/sample/:id",
      "POST /api/sample",
      "PATCH /api/sample/:id",
      "DELETE /api/sample/:id",
    ]);
    expect(routes.create.status).toBe(201);
  });
});
