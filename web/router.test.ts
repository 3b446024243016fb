import { describe, expect, it } from "vitest";
import { hrefFor, isPlainClick, parseRoute, type Route } from "./router.js";

describe("routes", () => {
  it.each<[string, string, Route]>([
    ["/", "", { name: "overview" }],
    ["/planer/asker-2020", "", { name: "overview", planKey: "asker-2020" }],
    ["/satsingsomrader/3", "", { name: "area", number: 3 }],
    ["/planer/asker-2020/satsingsomrader/2", "", { name: "area", planKey: "asker-2020", number: 2 }],
    ["/tiltak/abc-123", "", { name: "measure", id: "abc-123" }],
    ["/indikatorer/company-visits", "?plan=x", { name: "indicator", key: "company-visits", planKey: "x" }],
    ["/logg-inn", "?neste=%2Ftiltak%2F1", { name: "signin", next: "/tiltak/1" }],
    ["/admin/brukere", "", { name: "admin-users" }],
    ["/sok", "?q=bes%C3%B8k", { name: "search", q: "besøk", planKey: undefined }],
    ["/logger", "", { name: "logs" }],
    ["/logger/byggesaker", "", { name: "building-cases" }],
    ["/logger/etablerertjenesten", "", { name: "entrepreneurs" }],
    ["/logger/lia-praksisplasser", "", { name: "placements" }],
    ["/logger/prosjekter", "", { name: "projects" }],
    ["/logger/ukjent", "", { name: "not-found" }],
    ["/naeringsarealer", "", { name: "land-bank" }],
    ["/naeringsarealer/fornebu-nord", "", { name: "land-area", key: "fornebu-nord" }],
    ["/satsingsomrader/x", "", { name: "not-found" }],
    ["/ukjent/side", "", { name: "not-found" }],
  ])("parses %s%s", (path, search, route) => {
    expect(parseRoute(path, search)).toEqual(route);
  });

  it("ignores a trailing slash", () => {
    expect(parseRoute("/satsingsomrader/1/")).toEqual({ name: "area", number: 1 });
  });

  it("never redirects off-site after signing in", () => {
    expect(parseRoute("/logg-inn", "?neste=//evil.example")).toEqual({ name: "signin", next: undefined });
    expect(parseRoute("/logg-inn", "?neste=https://evil.example")).toEqual({ name: "signin", next: undefined });
    expect(parseRoute("/logg-inn", "?neste=/\\evil.example")).toEqual({ name: "signin", next: undefined });
  });

  it("builds hrefs that parse back to the same route", () => {
    const routes: Route[] = [
      { name: "overview" },
      { name: "overview", planKey: "p 1" },
      { name: "area", number: 4 },
      { name: "area", planKey: "p", number: 4 },
      { name: "measure", id: "m/1" },
      { name: "indicator", key: "nho-kommune-nm-rank", planKey: "p" },
      { name: "signin", next: "/tiltak/1?x=1" },
      { name: "admin-users" },
      { name: "search", q: "fag & yrke", planKey: "p" },
      { name: "logs" },
      { name: "building-cases" },
      { name: "entrepreneurs" },
      { name: "placements" },
      { name: "projects" },
      { name: "land-bank" },
      { name: "land-area", key: "sandvika-sentrum" },
    ];
    for (const r of routes) {
      const href = hrefFor(r);
      const [path, query] = href.split("?");
      expect(parseRoute(path ?? "/", query ? `?${query}` : "")).toEqual(r);
    }
  });

  it("lets ctrl/cmd/shift clicks open a new tab", () => {
    const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false };
    expect(isPlainClick(click)).toBe(true);
    expect(isPlainClick({ ...click, ctrlKey: true })).toBe(false);
    expect(isPlainClick({ ...click, button: 1 })).toBe(false);
  });
});
