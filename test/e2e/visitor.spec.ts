/**
 * (a) An anonymous visitor goes overview → focus area → measure → indicator; (d) switches to
 * English and back; search; pages at 360 px. Every page and state passes axe (WCAG 2.1 AA).
 */

import { like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measures } from "../../server/db/schema/index.js";
import { SYSTEM_ACTOR } from "../../server/modules/audit/audit.service.js";
import { addMeasureUpdate } from "../../server/modules/measures/measures.service.js";
import { expectAccessible, expectNoHorizontalScroll, type Harness, heading, newPage, screenshot, startHarness } from "./harness.js";

describe("anonymous visitor", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // One report on the city-bike measure, before its deadline, that never reached "completed":
    // the plan's missed milestone then shows in "needs follow-up" (never-reported measures are "no data").
    const [bike] = await h.database.db.select().from(measures).where(like(measures.text, "Etablere bysykkel%"));
    if (!bike) throw new Error("city-bike measure missing from the bundled plan");
    await h.database.db.transaction((tx) =>
      addMeasureUpdate(tx, SYSTEM_ACTOR, bike.id, { status: "in_progress", progress: 40, date: "2016-05-01", comment: "Anbud ute" }),
    );
  });
  afterAll(async () => {
    console.log(`axe checked (visitor):\n  ${h?.checked.join("\n  ")}`);
    await h?.close();
  });

  it("reads the plan: overview → focus area → measure → indicator", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/");
    await heading(page, "Strategisk næringsplan for Bærum kommune");
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe("nb");
    await expect.poll(() => page.getByRole("heading", { level: 2, name: "Hovedmål" }).isVisible()).toBe(true);
    // The figure: every focus area is a link, and the data is also a table.
    const point = page.getByRole("link", { name: /^Satsingsområde 1: Kompetanse og kunnskapsnæringene/ });
    await point.waitFor();
    expect(await page.getByRole("link", { name: /^Satsingsområde \d:/ }).count()).toBe(7);
    await page.getByText("Pågår, 40 % – Anbud ute").waitFor();
    // What needs attention: the milestones the plan missed, each linked to its measure.
    const attention = page.getByRole("heading", { level: 3, name: /måltall trenger oppfølging/ });
    await attention.waitFor();
    await page.getByRole("link", { name: "Etablere bysykkel-ordning på Fornebu – Lysaker innen 2016" }).first().waitFor();
    await page.getByText("Ikke nådd; fristen 31.12.2016 er passert (fremdrift 40 %).").waitFor();
    await expectAccessible(h, page, "overview");
    await screenshot(page, "overview");

    await page.getByText("Vis figuren som tabell").click();
    await page.getByRole("table", { name: /Satsingsområdene etter viktighet/ }).waitFor();
    await expectAccessible(h, page, "overview, figure as table open");

    // Keyboard: the first Tab reaches the skip link, which moves to the main content.
    await page.goto("/");
    await heading(page, /Strategisk næringsplan/);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Hopp til hovedinnhold" });
    await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(h, page, "overview, skip link focused");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("main");

    // The figure point is a keyboard-reachable link to the area.
    await point.focus();
    await page.keyboard.press("Enter");
    await heading(page, /Kompetanse og kunnskapsnæringene/);
    expect(new URL(page.url()).pathname).toBe("/satsingsomrader/1");
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await page.getByRole("heading", { level: 2, name: "Fakta" }).waitFor();
    await page.getByText("85 000 mill. kr", { exact: false }).first().waitFor();
    await expectAccessible(h, page, "focus area 1");
    await screenshot(page, "focus-area");

    await page.getByRole("link", { name: "Gjennomføre minst 15 bedriftsbesøk hvert år." }).click();
    await heading(page, "Gjennomføre minst 15 bedriftsbesøk hvert år.");
    await page.getByRole("heading", { level: 2, name: "Statushistorikk" }).waitFor();
    await page.getByText("Ingen tall for 2018 ennå.").first().waitFor();
    await page.getByRole("link", { name: "Logg inn for å oppdatere status" }).waitFor();
    await expectAccessible(h, page, "measure (anonymous)");
    await screenshot(page, "measure");

    await page.getByRole("link", { name: "Bedriftsbesøk" }).click();
    await heading(page, "Bedriftsbesøk");
    await page.getByRole("heading", { level: 2, name: "Verdier og kilder" }).waitFor();
    await expectAccessible(h, page, "indicator company-visits (no values)");

    // An indicator with values: chart, target line and the provenance table.
    await page.goto("/indikatorer/nho-kommune-nm-rank");
    await heading(page, "Plassering i NHOs Kommune-NM");
    await page.getByRole("img", { name: /Plassering i NHOs Kommune-NM i Bærum over tid/ }).waitFor();
    const table = page.getByRole("table", { name: /Verdier for Plassering i NHOs Kommune-NM/ });
    expect(await table.getByRole("row").count()).toBe(7);
    await page.getByText("Nådd", { exact: true }).first().waitFor();
    await expectAccessible(h, page, "indicator nho-kommune-nm-rank (chart, table)");
    await page.getByText("Status per periode").first().click();
    await expectAccessible(h, page, "indicator, status per period open");
    await screenshot(page, "indicator");
    await context.close();
  });

  it("searches from the header", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/");
    await heading(page, /Strategisk næringsplan/);
    await page.getByRole("searchbox", { name: "Søk i mål, tiltak og indikatorer" }).first().fill("bedriftsbesøk");
    await page.getByRole("button", { name: "Søk", exact: true }).first().click();
    await heading(page, "Søk: «bedriftsbesøk»");
    await page.getByRole("link", { name: "Gjennomføre minst 15 bedriftsbesøk hvert år." }).waitFor();
    await expectAccessible(h, page, "search results");
    await screenshot(page, "search");
    await page.getByRole("link", { name: "Bedriftsbesøk", exact: true }).click();
    await heading(page, "Bedriftsbesøk");
    await page.goto("/sok?q=x");
    await page.getByText("Skriv minst to tegn").waitFor();
    await expectAccessible(h, page, "search, query too short");
    await page.goto("/finnes-ikke");
    await heading(page, "Fant ikke siden");
    await expectAccessible(h, page, "not found");
    await context.close();
  });

  it("switches to English and back, and remembers the choice", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/satsingsomrader/2");
    await heading(page, /Næringsvennlig kommune/);
    await page.getByRole("button", { name: "English" }).click();
    await page.getByRole("heading", { level: 2, name: "Facts" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    // Explanations come from the API in the chosen language.
    await page
      .getByText(/Ranked 2 in 2014/)
      .first()
      .waitFor();
    await expectAccessible(h, page, "focus area 2 in English");
    await page.goto("/");
    await page.getByRole("heading", { level: 2, name: "Main goal" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByRole("heading", { level: 2, name: "Status today" }).waitFor();
    await expectAccessible(h, page, "overview in English");
    await screenshot(page, "overview-en");
    await page.goto("/logg-inn");
    await heading(page, "Sign in");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Enter your e-mail address.").first().waitFor();
    await expectAccessible(h, page, "sign-in validation errors in English");
    await page.getByRole("button", { name: "Norsk" }).click();
    await heading(page, "Logg inn");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("nb");
    await page.goto("/");
    await page.getByRole("heading", { level: 2, name: "Hovedmål" }).waitFor();
    await context.close();
  });

  it("fits a 360 px wide phone without sideways scrolling", async () => {
    const { context, page } = await newPage(h, { width: 360, height: 740 });
    const measureId = (await (await fetch(`${h.baseUrl}/api/search?q=bedriftsbes%C3%B8k%20hvert&plan=baerum-2015`)).json())[0]
      ?.id as string;
    const pages: [string, string | RegExp, string][] = [
      ["/", /Strategisk næringsplan/, "overview"],
      ["/satsingsomrader/1", /Kompetanse og kunnskapsnæringene/, "focus area"],
      [`/tiltak/${measureId}`, /bedriftsbesøk/, "measure"],
      ["/indikatorer/nho-kommune-nm-rank", /Kommune-NM/, "indicator"],
      ["/sok?q=bedrift", /Søk/, "search"],
      ["/logg-inn", "Logg inn", "sign-in"],
    ];
    for (const [url, name, label] of pages) {
      await page.goto(url);
      await heading(page, name);
      await page.waitForLoadState("networkidle");
      await expectNoHorizontalScroll(page, `${label} at 360 px`);
      await expectAccessible(h, page, `${label} at 360 px`);
      await screenshot(page, `${label.replace(/\s+/g, "-")}-360`);
    }
    await context.close();
  });
});
