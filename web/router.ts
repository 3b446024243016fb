/**
 * A small router on the History API. Routes are plain data: `parseRoute` turns a URL into a
 * Route, `hrefFor` turns a Route back into a URL; both are pure and unit-tested.
 */
import { useSyncExternalStore } from "react";
import { keysOf } from "../core/guards.js";
import { DESCRIBED_LOGS } from "../core/logs/descriptors/index.js";

export type Route =
  | { name: "overview"; planKey?: string }
  | { name: "area"; planKey?: string; number: number }
  | { name: "measure"; id: string }
  | { name: "indicator"; key: string; planKey?: string }
  | { name: "signin"; next?: string }
  | { name: "admin-users" }
  | { name: "search"; q: string; planKey?: string }
  | { name: "logs" }
  | { name: "building-cases" }
  | { name: "entrepreneurs" }
  | { name: "placements" }
  | { name: "projects" }
  /** A described log without a page of its own (core/logs/descriptors): the generic log page. */
  | { name: "log"; key: string }
  | { name: "land-bank" }
  | { name: "land-area"; key: string }
  | { name: "business-structure"; area?: string; asOf?: string; view?: "ranking"; metric?: string }
  | { name: "company"; orgnr: string }
  | { name: "engagements" }
  | { name: "engagement-offers"; year?: number }
  | { name: "engagement-welcomes" }
  | { name: "not-found" };

/** The office's delivery logs: route name → path under /logger. */
export const LOG_PATHS = {
  "building-cases": "byggesaker",
  entrepreneurs: "etablerertjenesten",
  placements: "lia-praksisplasser",
  projects: "prosjekter",
  engagements: "bedriftskontakt",
} as const;
export type LogRouteName = keyof typeof LOG_PATHS;
export const LOG_ROUTES: LogRouteName[] = keysOf(LOG_PATHS);

/** Described logs shown by the generic log page (the others have pages of their own). */
export const GENERIC_LOGS = DESCRIBED_LOGS.filter((d) => !(d.key in LOG_PATHS));

function decode(s: string | undefined): string {
  try {
    return decodeURIComponent(s ?? "");
  } catch {
    return s ?? "";
  }
}

/** A URL path and query (e.g. "/sok?q=besøk") as a Route. */
export function parseRoute(pathname: string, search = ""): Route {
  const path = pathname.replace(/\/+$/, "") || "/";
  const query = new URLSearchParams(search);
  const plan = query.get("plan") || undefined;
  const parts = path.split("/").slice(1).map(decode);
  const [a, b, c, d] = parts;
  const isNumber = (s: string | undefined) => s !== undefined && /^\d{1,3}$/.test(s);
  if (path === "/") return { name: "overview" };
  if (parts.length === 2 && a === "planer" && b) return { name: "overview", planKey: b };
  if (parts.length === 2 && a === "satsingsomrader" && isNumber(b)) return { name: "area", number: Number(b) };
  if (parts.length === 4 && a === "planer" && b && c === "satsingsomrader" && isNumber(d))
    return { name: "area", planKey: b, number: Number(d) };
  if (parts.length === 2 && a === "tiltak" && b) return { name: "measure", id: b };
  if (parts.length === 2 && a === "indikatorer" && b) return { name: "indicator", key: b, planKey: plan };
  if (path === "/logg-inn") {
    const next = query.get("neste") ?? undefined;
    // Only same-site paths, never "//host" or "https://…".
    return { name: "signin", next: next && /^\/(?![/\\])/.test(next) ? next : undefined };
  }
  if (path === "/admin/brukere") return { name: "admin-users" };
  if (path === "/sok") return { name: "search", q: query.get("q") ?? "", planKey: plan };
  if (path === "/logger") return { name: "logs" };
  if (parts.length === 3 && a === "logger" && b === LOG_PATHS.engagements && c === "topp-10") {
    const year = query.get("ar");
    return { name: "engagement-offers", ...(year && /^\d{4}$/.test(year) ? { year: Number(year) } : {}) };
  }
  if (parts.length === 3 && a === "logger" && b === LOG_PATHS.engagements && c === "velkommen") return { name: "engagement-welcomes" };
  if (parts.length === 2 && a === "logger") {
    const log = LOG_ROUTES.find((r) => LOG_PATHS[r] === b);
    if (log) return { name: log };
    const described = GENERIC_LOGS.find((l) => l.webPath === b);
    if (described) return { name: "log", key: described.key };
  }
  if (path === "/naeringsarealer") return { name: "land-bank" };
  if (parts.length === 2 && a === "naeringsarealer" && b) return { name: "land-area", key: b };
  if (path === "/naeringsstruktur") {
    const area = query.get("kommune");
    const asOf = query.get("dato");
    const metric = query.get("tall");
    return {
      name: "business-structure",
      ...(area && /^\d{4}$/.test(area) ? { area } : {}),
      ...(asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}),
      ...(query.get("visning") === "rangering" ? { view: "ranking" as const } : {}),
      ...(metric ? { metric } : {}),
    };
  }
  if (parts.length === 2 && a === "bedrifter" && b && /^\d{9}$/.test(b)) return { name: "company", orgnr: b };
  return { name: "not-found" };
}

const enc = encodeURIComponent;

export function hrefFor(route: Route): string {
  switch (route.name) {
    case "overview":
      return route.planKey ? `/planer/${enc(route.planKey)}` : "/";
    case "area":
      return route.planKey ? `/planer/${enc(route.planKey)}/satsingsomrader/${route.number}` : `/satsingsomrader/${route.number}`;
    case "measure":
      return `/tiltak/${enc(route.id)}`;
    case "indicator":
      return `/indikatorer/${enc(route.key)}${route.planKey ? `?plan=${enc(route.planKey)}` : ""}`;
    case "signin":
      return route.next ? `/logg-inn?neste=${enc(route.next)}` : "/logg-inn";
    case "admin-users":
      return "/admin/brukere";
    case "search": {
      const q = new URLSearchParams();
      if (route.q) q.set("q", route.q);
      if (route.planKey) q.set("plan", route.planKey);
      const s = q.toString();
      return s ? `/sok?${s}` : "/sok";
    }
    case "logs":
      return "/logger";
    case "building-cases":
    case "entrepreneurs":
    case "placements":
    case "projects":
    case "engagements":
      return `/logger/${LOG_PATHS[route.name]}`;
    case "log":
      return `/logger/${enc(GENERIC_LOGS.find((l) => l.key === route.key)?.webPath ?? route.key)}`;
    case "engagement-offers":
      return `/logger/${LOG_PATHS.engagements}/topp-10${route.year ? `?ar=${route.year}` : ""}`;
    case "engagement-welcomes":
      return `/logger/${LOG_PATHS.engagements}/velkommen`;
    case "land-bank":
      return "/naeringsarealer";
    case "land-area":
      return `/naeringsarealer/${enc(route.key)}`;
    case "business-structure": {
      const q = new URLSearchParams();
      if (route.area) q.set("kommune", route.area);
      if (route.asOf) q.set("dato", route.asOf);
      if (route.view === "ranking") q.set("visning", "rangering");
      if (route.metric) q.set("tall", route.metric);
      const s = q.toString();
      return s ? `/naeringsstruktur?${s}` : "/naeringsstruktur";
    }
    case "company":
      return `/bedrifter/${enc(route.orgnr)}`;
    case "not-found":
      return "/";
  }
}

// --- location store -------------------------------------------------------------------------

const listeners = new Set<() => void>();
let navigationCount = 0;

function currentUrl(): string {
  return typeof window === "undefined" ? "/" : window.location.pathname + window.location.search;
}

function notify(): void {
  for (const l of listeners) l();
}

if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => {
    navigationCount++;
    notify();
  });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current path + query; re-renders on navigation. */
export function useLocationUrl(): string {
  return useSyncExternalStore(subscribe, currentUrl, () => "/");
}

/** How many client-side navigations happened (0 on the first page). */
export function navigations(): number {
  return navigationCount;
}

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (href === currentUrl() && !options.replace) return;
  if (options.replace) window.history.replaceState(null, "", href);
  else window.history.pushState(null, "", href);
  navigationCount++;
  const hash = href.split("#")[1];
  if (!hash) window.scrollTo(0, 0);
  notify();
}

/** True for a plain left click that the router should handle (not ctrl/cmd/shift/middle). */
export function isPlainClick(e: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey;
}
