import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "../api.js";
import { validateNewUser } from "./admin/validate.js";
import { validateUpdate } from "./measures/validate.js";
import { groupFacts } from "./plan/facts.js";
import { repeats } from "./plan/text.js";
import { groupHits, hitHref } from "./search/search.js";
import { canWrite } from "./session/rights.js";

describe("status update validation", () => {
  it("accepts a complete update", () => {
    expect(validateUpdate({ status: "in_progress", progress: "40", comment: "" })).toEqual({});
  });
  it.each<[string, string, string]>([
    ["", "in_progress", "measureForm.errors.progressRequired"],
    ["101", "in_progress", "measureForm.errors.progressRange"],
    ["-1", "in_progress", "measureForm.errors.progressRange"],
    ["12.5", "in_progress", "measureForm.errors.progressRange"],
    ["90", "completed", "measureForm.errors.completedNeeds100"],
  ])("rejects progress %j with status %s", (progress, status, key) => {
    expect(validateUpdate({ status: status as "in_progress", progress, comment: "" }).progress).toBe(key);
  });
  it("limits the comment", () => {
    expect(validateUpdate({ status: "planned", progress: "0", comment: "x".repeat(4001) }).comment).toBe(
      "measureForm.errors.commentTooLong",
    );
  });
});

describe("new user validation", () => {
  const ok = { email: "anne@baerum.kommune.no", name: "Anne", role: "editor", password: "et godt langt passord" };
  it("accepts a complete user", () => expect(validateNewUser(ok)).toEqual({}));
  it("needs a 12-character password and a real e-mail", () => {
    expect(validateNewUser({ ...ok, password: "kort" }).password).toBe("admin.errors.passwordShort");
    expect(validateNewUser({ ...ok, email: "anne" }).email).toBe("admin.errors.emailInvalid");
    expect(validateNewUser({ ...ok, name: " " }).name).toBe("admin.errors.nameRequired");
  });
});

describe("server errors next to the right field", () => {
  it("strips the request part of the path", () => {
    expect(
      fieldErrorsOf([
        { path: "body.progress", message: "too big" },
        { path: "progress", message: "second" },
        { path: "", message: "whole form" },
      ]),
    ).toEqual({ progress: "too big", _form: "whole form" });
  });
});

describe("rights", () => {
  const user = (role: "admin" | "editor" | "contributor" | "reader", disabled = false) => ({
    id: "u",
    email: "e",
    name: "n",
    role,
    disabled,
  });
  it("lets editors and admins write, contributors only when assigned, readers never", () => {
    expect(canWrite(user("admin"), false)).toBe(true);
    expect(canWrite(user("editor"), false)).toBe(true);
    expect(canWrite(user("contributor"), false)).toBe(false);
    expect(canWrite(user("contributor"), true)).toBe(true);
    expect(canWrite(user("reader"), true)).toBe(false);
    expect(canWrite(user("editor", true), true)).toBe(false);
    expect(canWrite(null, true)).toBe(false);
  });
});

describe("plan text helpers", () => {
  it("sees when a target only repeats its measure", () => {
    expect(repeats("Gjennomføre minst 15 bedriftsbesøk hvert år", "Gjennomføre minst 15 bedriftsbesøk hvert år.")).toBe(true);
    expect(repeats("blant de tre beste", "«Være god på å være kommune»")).toBe(false);
  });

  it("groups facts in runs of the same group", () => {
    const f = (key: string, group?: string) => ({ key, group, text: key, indicators: [] });
    expect(
      groupFacts([f("a", "Økonomi"), f("b", "Økonomi"), f("c", "Sysselsetting"), f("d")]).map((g) => [g.group, g.facts.length]),
    ).toEqual([
      ["Økonomi", 2],
      ["Sysselsetting", 1],
      [undefined, 1],
    ]);
  });
});

describe("search results", () => {
  const hits = [
    { kind: "indicator" as const, id: "i", key: "company-visits", title: "Bedriftsbesøk" },
    { kind: "measure" as const, id: "m1", key: "a1-m6", title: "Gjennomføre", focusAreaNumber: 1 },
    { kind: "goal" as const, id: "g", key: "a1-g1", title: "Få flere", focusAreaNumber: 1 },
  ];
  it("groups by kind: areas, goals, measures, indicators", () => {
    expect(groupHits(hits).map((g) => g.kind)).toEqual(["goal", "measure", "indicator"]);
  });
  it("links each hit to its page", () => {
    expect(hits.map((h) => hitHref(h))).toEqual(["/indikatorer/company-visits", "/tiltak/m1", "/satsingsomrader/1#mal-a1-g1"]);
  });
});
