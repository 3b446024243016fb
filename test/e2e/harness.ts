/**
 * Browser-test harness: the real app (in-memory PGlite started from the suite's migrated template,
 * with the bundled Bærum plan; the built web app from dist/web) on a free port, Debian's Chromium
 * through playwright-core, and an axe check that fails on any WCAG 2.1 A/AA violation and prints
 * what it found.
 */
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { FastifyInstance } from "fastify";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { expect } from "vitest";
import { buildApp, WEB_DIST } from "../../server/app.js";
import { loadConfig } from "../../server/config.js";
import { type Database, openDatabase } from "../../server/db/client.js";
import type { Role } from "../../server/db/schema/index.js";
import { SYSTEM_ACTOR } from "../../server/modules/audit/audit.service.js";
import { loadBundledPlans } from "../../server/modules/plans/bundled-plans.js";
import { createUser } from "../../server/modules/users/users.service.js";
import { pgliteTemplate } from "../helpers/db.js";

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);
export const SCREENSHOT_DIR = path.resolve("test-results/screenshots");
export const PASSWORD = "et godt langt passord";

export interface Harness {
  baseUrl: string;
  database: Database;
  app: FastifyInstance;
  browser: Browser;
  /** Every page and state axe checked, for the log. */
  checked: string[];
  close(): Promise<void>;
}

export async function startHarness(users: { email: string; name: string; role: Role }[] = []): Promise<Harness> {
  // `npm test` runs the browser tests only where Chromium exists; run directly, fail clearly.
  if (!hasChromium) throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium).`);
  if (!fs.existsSync(path.join(WEB_DIST, "index.html"))) throw new Error("dist/web is missing: run `npm run build:web` first");
  const database = await openDatabase({ loadDataDir: pgliteTemplate() });
  await loadBundledPlans(database.db);
  for (const u of users) await database.db.transaction((tx) => createUser(tx, SYSTEM_ACTOR, { ...u, password: PASSWORD }));
  // DATA_DIR holds only what the app writes besides the database (register uploads).
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "nk-e2e-"));
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: "silent", DATA_DIR: dataDir }), database });
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const checked: string[] = [];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    app,
    browser,
    checked,
    async close() {
      await browser.close();
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function newPage(
  h: Harness,
  options: { width?: number; height?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await h.browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    baseURL: h.baseUrl,
    locale: "nb-NO",
    timezoneId: "Europe/Oslo",
  });
  const page = await context.newPage();
  page.on("pageerror", (err) => {
    throw new Error(`Uncaught error in the page: ${err.message}`);
  });
  return { context, page };
}

/** Runs axe with the WCAG 2.1 A/AA tags; fails with a readable list of violations. */
export async function expectAccessible(h: Harness, page: Page, state: string): Promise<void> {
  // Menus and dialogs fade in: measuring contrast mid-animation reports blended colours.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY),
  );
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  h.checked.push(`${state} (${page.viewportSize()?.width ?? "?"} px)`);
  if (results.violations.length > 0) {
    const report = results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" "), summary: n.failureSummary })),
    }));
    console.error(`axe violations in "${state}":\n${JSON.stringify(report, null, 2)}`);
  }
  expect(
    results.violations.map((v) => v.id),
    `axe: ${state}`,
  ).toEqual([]);
}

/** No sideways scrolling: the document is no wider than the viewport. */
export async function expectNoHorizontalScroll(page: Page, state: string): Promise<void> {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [document.scrollingElement?.scrollWidth ?? 0, window.innerWidth]);
  expect(scrollWidth, `horizontal scroll on ${state}`).toBeLessThanOrEqual(innerWidth);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Waits until the page's h1 is rendered (data loaded). */
export async function heading(page: Page, name: string | RegExp) {
  const h1 = page.getByRole("heading", { level: 1, name });
  await h1.waitFor();
  return h1;
}

export async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.getByRole("link", { name: "Logg inn", exact: true }).click();
  await heading(page, "Logg inn");
  await page.getByLabel("E-post").fill(email);
  await page.getByLabel("Passord").fill(password);
  await page.getByRole("button", { name: "Logg inn" }).click();
  await page.locator(".nk-usermenu__trigger").waitFor();
}
