import { describe, expect, it } from "vitest";
import { canWrite, roleMayWrite, writesWholePlan } from "./rights.js";

describe("write rights", () => {
  it("lets editors and admins write the whole plan", () => {
    expect(writesWholePlan("admin")).toBe(true);
    expect(writesWholePlan("editor")).toBe(true);
    expect(writesWholePlan("contributor")).toBe(false);
    expect(writesWholePlan("reader")).toBe(false);
  });

  it("lets a contributor write only what is assigned to them", () => {
    expect(roleMayWrite("contributor", true)).toBe(true);
    expect(roleMayWrite("contributor", false)).toBe(false);
  });

  it("never lets a reader write", () => {
    expect(roleMayWrite("reader", true)).toBe(false);
  });

  it("lets nobody signed out or disabled write", () => {
    expect(canWrite(null, true)).toBe(false);
    expect(canWrite({ role: "admin", disabled: true }, true)).toBe(false);
    expect(canWrite({ role: "editor", disabled: false }, false)).toBe(true);
  });
});
