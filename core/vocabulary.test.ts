import { describe, expect, it } from "vitest";
import { isOneOf, oneOf, ROLES } from "./vocabulary.js";

describe("vocabulary narrowing", () => {
  it("accepts a value of the vocabulary", () => {
    expect(isOneOf(ROLES, "editor")).toBe(true);
    expect(oneOf(ROLES, "reader", "role")).toBe("reader");
  });

  it("rejects anything else", () => {
    expect(isOneOf(ROLES, "owner")).toBe(false);
    expect(() => oneOf(ROLES, "owner", "role")).toThrow('Unknown role: "owner"');
  });
});
