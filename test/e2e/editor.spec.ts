/**
 * (b) An editor signs in, posts a status update, sees it in the timeline, and the overview's
 * counts and "Siste endringer" change. (c) The editor records the net change in jobs (a statistic
 * typed in by hand; company visits come from the engagement log) for the plan's last year and the
 * target's status and explanation change. Validation errors are shown at the field.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, type Harness, heading, newPage, screenshot, signIn, startHarness } from "./harness.js";

const EDITOR = { email: "redaktor@baerum.kommune.no", name: "Rita Redaktør", role: "editor" as const };

describe("editor", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness([EDITOR]);
  });
  afterAll(async () => {
    console.log(`axe checked (editor):\n  ${h?.checked.join("\n  ")}`);
    await h?.close();
  });

  it("posts a status update; the timeline and the overview counts change", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/satsingsomrader/1");
    await heading(page, /Kompetanse og kunnskapsnæringene/);
    await signIn(page, EDITOR.email);
    await heading(page, /Kompetanse og kunnskapsnæringene/);

    // The user menu: name, role, sign out.
    await page.getByRole("button", { name: EDITOR.name }).click();
    await page.getByRole("button", { name: "Logg ut" }).waitFor();
    await page
      .getByText(/Redaktør/)
      .first()
      .waitFor();
    await expectAccessible(h, page, "user menu open");
    await screenshot(page, "user-menu");
    await page.keyboard.press("Escape");

    await page.getByRole("link", { name: "Gjennomføre minst 15 bedriftsbesøk hvert år." }).click();
    await heading(page, "Gjennomføre minst 15 bedriftsbesøk hvert år.");
    await page.getByRole("heading", { level: 2, name: "Ny statusoppdatering" }).waitFor();
    await expectAccessible(h, page, "measure with update form");

    // Invalid progress: the message sits at the field and in the summary.
    await page.getByLabel("Status", { exact: true }).selectOption({ label: "Pågår" });
    await page.getByLabel("Fremdrift").fill("140");
    await page.getByRole("button", { name: "Lagre oppdateringen" }).click();
    const message = "Fremdrift må være et helt tall fra 0 til 100.";
    await expect.poll(() => page.getByText(message).count()).toBe(2);
    expect(await page.getByLabel("Fremdrift").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(h, page, "measure update form with validation errors");
    await screenshot(page, "measure-form-errors");

    await page.getByLabel("Fremdrift").fill("40");
    await page.getByLabel("Kommentar").fill("Seks besøk gjennomført, flere avtalt i desember.");
    await page.getByRole("button", { name: "Lagre oppdateringen" }).click();
    await page.getByText("Oppdateringen er lagret: Pågår, 40 %.").waitFor();
    const timeline = page.locator(".nk-timeline");
    await timeline.getByText("Seks besøk gjennomført, flere avtalt i desember.").waitFor();
    await timeline.getByText(`Av ${EDITOR.email}`, { exact: false }).waitFor();
    await expect.poll(() => page.locator(".nk-facts-dl").getByText("Pågår").isVisible()).toBe(true);
    await expectAccessible(h, page, "measure after posting an update");
    await screenshot(page, "measure-after-update");

    await page.getByRole("link", { name: "Oversikt" }).first().click();
    await heading(page, /Strategisk næringsplan/);
    const panels = page.locator(".nk-status-panels");
    await expect.poll(() => panels.getByText(/1\s*Pågår/).isVisible()).toBe(true);
    await expect.poll(() => panels.getByText(/39\s*Planlagt/).isVisible()).toBe(true);
    const changes = page.getByRole("region", { name: "Siste endringer" });
    await changes.getByRole("link", { name: "Gjennomføre minst 15 bedriftsbesøk hvert år." }).waitFor();
    await changes.getByText(/Pågår, 40\s%/).waitFor();
    await expectAccessible(h, page, "overview after an update (recent changes)");
    await screenshot(page, "overview-after-update");
    await context.close();
  });

  it("records a value; the target's status and explanation change", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/indikatorer/jobs-net-change");
    await heading(page, "Netto endring i antall arbeidsplasser");
    await signIn(page, EDITOR.email);
    await heading(page, "Netto endring i antall arbeidsplasser");
    const targets = page.getByRole("region", { name: "Måltall som bruker indikatoren" });
    await targets.getByText("Ingen tall for 2018 ennå.").first().waitFor();
    await targets.getByText("Ingen data").first().waitFor();

    // Empty source and a bad period: both fields say what is wrong.
    await page.getByLabel("Periode", { exact: true }).fill("2018-13");
    await page.getByLabel("Verdi", { exact: true }).fill("1200");
    await page.getByRole("button", { name: "Lagre verdien" }).click();
    await page.getByText("Skriv inn kilden for verdien.").first().waitFor();
    await page
      .getByText(/Skriv perioden som 2026/)
      .first()
      .waitFor();
    await expectAccessible(h, page, "indicator value form with validation errors");
    await screenshot(page, "indicator-form-errors");

    // The plan ran 2015–2018, so its last year is the period the headline evaluates.
    await page.getByLabel("Periode", { exact: true }).fill("2018");
    await page.getByLabel("Kilde", { exact: true }).fill("SSB, tabell 07984");
    await page.getByRole("button", { name: "Lagre verdien" }).click();
    await page.getByText("Verdien for 2018 er lagret.", { exact: false }).waitFor();
    await targets
      .getByText(/^1.200 av 1.000 arbeidsplasser i 2018 – målet er nådd\.$/)
      .first()
      .waitFor();
    await targets.getByText("Nådd", { exact: true }).first().waitFor();
    const table = page.getByRole("table", { name: /Verdier for Netto endring i antall arbeidsplasser/ });
    await table.getByRole("cell", { name: "SSB, tabell 07984" }).waitFor();
    await table.getByRole("cell", { name: EDITOR.email }).waitFor();
    await expectAccessible(h, page, "indicator after recording a value");
    await screenshot(page, "indicator-after-value");

    // A missing value with a status code.
    await page.getByLabel("Periode", { exact: true }).fill("2017");
    await page.getByRole("radio", { name: "Verdien mangler (statuskode)" }).check();
    await page.getByRole("combobox", { name: "Statuskode" }).selectOption("..");
    await page.getByRole("button", { name: "Lagre verdien" }).click();
    await page.getByText("Verdien for 2017 er lagret.", { exact: false }).waitFor();
    await table.getByRole("cell", { name: ".. (ikke tilgjengelig ennå)" }).waitFor();
    await context.close();
  });
});
