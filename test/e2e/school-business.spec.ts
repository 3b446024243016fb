/**
 * The school-and-business log, a described log (core/logs/descriptors/school-business.ts), end to
 * end in the browser: an editor adds a row through the generic entry form, imports a CSV, sees
 * both rows in the table, and the plan's measure a1-m4 shows the indicator the log feeds.
 * axe (WCAG 2.1 AA) on the page and the dialog; screenshots in test-results/screenshots.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, type Harness, heading, newPage, screenshot, signIn, startHarness } from "./harness.js";

const EDITOR = { email: "skole@baerum.kommune.no", name: "Siri Skole", role: "editor" as const };
const CSV = Buffer.from(
  "Skoleår;Type;Skole/enhet;Trinn;Program;Fag;Antall\r\n2016/17;Ungt Entreprenørskap;Bekkestua skole;7;Elevbedrift;;48\r\n",
  "utf8",
);

describe("the school-and-business log", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness([EDITOR]);
  });
  afterAll(async () => {
    await h?.close();
  });

  it("adds a row through the entry form, imports a CSV and feeds the measure's indicator", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/");
    await signIn(page, EDITOR.email);
    await page.goto("/logger/skole-og-naeringsliv");
    await heading(page, "Skole og næringsliv");
    await page.getByText("Ingen registreringer ennå.").first().waitFor();

    await page.getByRole("button", { name: "Ny registrering" }).click();
    const dialog = page.getByRole("dialog", { name: "Ny registrering" });
    await dialog.getByLabel("Skoleår").fill("2016/2017");
    await dialog.getByLabel("Type").selectOption({ label: "Lærlinge- og praksisplasser i kommunen" });
    await dialog.getByLabel("Skole eller enhet").fill("Bærum sykehjem");
    await dialog.getByLabel(/^Fag/).fill("Helsefagarbeider");
    await dialog.getByLabel("Antall").fill("4");
    await expectAccessible(h, page, "school-and-business entry dialog");
    await dialog.getByRole("button", { name: "Lagre" }).click();
    await page.getByText("Registreringen er lagret.").first().waitFor();
    await page.getByRole("cell", { name: "Bærum sykehjem" }).waitFor();

    await page.locator("#log-school-business-import-file").setInputFiles({ name: "ue.csv", mimeType: "text/csv", buffer: CSV });
    await page.getByRole("button", { name: "Importer filen" }).click();
    await page.locator(".nk-import__result").getByRole("heading", { name: "ue.csv er importert" }).waitFor();
    await page.getByRole("cell", { name: "Bekkestua skole" }).waitFor();
    const rows = await page.locator("table tbody tr").count();
    expect(rows).toBe(2);
    await expectAccessible(h, page, "school-and-business log with two rows");
    await screenshot(page, "school-business-log");

    // The measure about apprentices reads the log's municipal-apprenticeship-places indicator.
    await page.goto("/satsingsomrader/1");
    await page.getByRole("link", { name: /^Stimulere til økt fagutdanning/ }).click();
    await heading(page, /^Stimulere til økt fagutdanning/);
    const target = page.locator('[data-target="a1-municipal-apprenticeship-places-rising"]');
    await target.waitFor();
    await page.getByRole("link", { name: "Skole og næringsliv" }).first().waitFor();
    await screenshot(page, "school-business-measure");
    await context.close();
  });
});
