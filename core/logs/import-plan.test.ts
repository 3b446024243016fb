import { describe, expect, it } from "vitest";
import { planImport, sameValues } from "./import-plan.js";

type V = { n: number; tags: string[] };
const existing = [
  { id: "a", key: "k1", values: { n: 1, tags: ["x"] } },
  { id: "b", key: "k2", values: { n: 2, tags: [] } },
  { id: "c", key: "dup", values: { n: 3, tags: [] } },
  { id: "d", key: "dup", values: { n: 3, tags: [] } },
];
const row = (line: number, id: string | null, key: string, values: V) => ({ line, id, key, values });

describe("planImport", () => {
  it("inserts new keys, updates changed rows, leaves equal rows unchanged", () => {
    const plan = planImport<V>(
      [row(2, null, "k1", { n: 1, tags: ["x"] }), row(3, null, "k2", { n: 5, tags: [] }), row(4, null, "k3", { n: 7, tags: [] })],
      existing,
    );
    expect(plan.errors).toEqual([]);
    expect(plan.unchanged).toEqual([{ line: 2, id: "a" }]);
    expect(plan.updates).toEqual([{ line: 3, id: "b", before: { n: 2, tags: [] }, after: { n: 5, tags: [] } }]);
    expect(plan.inserts).toEqual([{ line: 4, id: null, key: "k3", values: { n: 7, tags: [] } }]);
  });

  it("matches by id first and creates a record with an unknown id", () => {
    const plan = planImport<V>([row(2, "a", "k1-renamed", { n: 1, tags: ["x"] }), row(3, "z", "k9", { n: 9, tags: [] })], existing);
    expect(plan.errors).toEqual([]);
    expect(plan.unchanged).toEqual([{ line: 2, id: "a" }]);
    expect(plan.inserts).toEqual([{ line: 3, id: "z", key: "k9", values: { n: 9, tags: [] } }]);
  });

  it("reports duplicates in the file, ambiguous matches and key clashes with line numbers", () => {
    const plan = planImport<V>(
      [
        row(2, null, "k3", { n: 1, tags: [] }),
        row(3, null, "k3", { n: 2, tags: [] }),
        row(4, null, "dup", { n: 3, tags: [] }),
        row(5, "a", "k2", { n: 1, tags: [] }),
        row(6, "q", "k7", { n: 1, tags: [] }),
        row(7, "q", "k8", { n: 1, tags: [] }),
      ],
      existing,
    );
    expect(plan.errors.map((e) => e.line)).toEqual([3, 4, 5, 7]);
    expect(plan.errors[0]?.message).toContain("line 2");
    expect(plan.errors[3]?.message).toContain("line 6");
  });
});

describe("sameValues", () => {
  it("compares arrays and objects by value, not by key order", () => {
    expect(sameValues({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValues({ a: 1, b: [1, 2] }, { a: 1, b: [2, 1] })).toBe(false);
    expect(sameValues({ a: null }, { a: undefined })).toBe(false);
    expect(sameValues({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
