/** An administrator lists users, creates one (with validation errors first), changes the role and disables the user. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectNoHorizontalScroll, type Harness, heading, newPage, screenshot, signIn, startHarness } from "./harness.js";

const ADMIN = { email: "admin@baerum.kommune.no", name: "Ada Admin", role: "admin" as const };
const EDITOR = { email: "leser@baerum.kommune.no", name: "Lars Leser", role: "reader" as const };

describe("administrator", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness([ADMIN, EDITOR]);
  });
  afterAll(async () => {
    console.log(`axe checked (admin):\n  ${h?.checked.join("\n  ")}`);
    await h?.close();
  });

  it("sends a non-admin away from the user page", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/admin/brukere");
    await heading(page, "Brukere");
    await page.getByRole("link", { name: "Logg inn som administrator for å se brukere" }).click();
    await heading(page, "Logg inn");
    await page.getByLabel("E-post").fill(EDITOR.email);
    await page.getByLabel("Passord").fill("feil passord her");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await page.getByText("Feil e-post eller passord.").waitFor();
    await expectAccessible(h, page, "sign-in with wrong password");
    await page.getByLabel("Passord").fill("et godt langt passord");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await heading(page, "Brukere");
    await page.getByText("Bare administratorer har tilgang").waitFor();
    await expectAccessible(h, page, "user page as a reader");
    await context.close();
  });

  it("creates a user, changes the role and disables the user", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/");
    await heading(page, /Strategisk næringsplan/);
    await signIn(page, ADMIN.email);
    await page.getByRole("button", { name: ADMIN.name }).click();
    await page.getByRole("button", { name: "Brukere" }).click();
    await heading(page, "Brukere");
    const table = page.getByRole("table", { name: "Alle brukere" });
    await table.getByRole("cell", { name: ADMIN.email }).waitFor();
    await expectAccessible(h, page, "admin: users");
    await screenshot(page, "admin-users");

    await page.getByRole("button", { name: "Ny bruker" }).click();
    const dialog = page.getByRole("dialog", { name: "Ny bruker" });
    await dialog.waitFor();
    await expectAccessible(h, page, "admin: new-user dialog open");
    await dialog.getByLabel("E-post").fill("anne");
    await dialog.getByLabel("Passord").fill("kort");
    await dialog.getByRole("button", { name: "Opprett bruker" }).click();
    await dialog.getByText("Passordet må ha minst 12 tegn.").first().waitFor();
    await dialog.getByText("Skriv inn navnet.").first().waitFor();
    await expectAccessible(h, page, "admin: new-user dialog with validation errors");
    await screenshot(page, "admin-new-user-errors");

    await dialog.getByLabel("E-post").fill("anne.andersen@baerum.kommune.no");
    await dialog.getByLabel("Navn").fill("Anne Andersen");
    await dialog.getByLabel("Rolle").selectOption({ label: "Bidragsyter" });
    await dialog.getByLabel("Passord").fill("et nytt langt passord");
    await dialog.getByRole("button", { name: "Opprett bruker" }).click();
    await page.getByText("Anne Andersen (anne.andersen@baerum.kommune.no) er opprettet.").waitFor();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const row = table.getByRole("row").filter({ hasText: "anne.andersen@baerum.kommune.no" });
    await row.waitFor();

    await row.getByRole("combobox", { name: "Rolle for Anne Andersen" }).selectOption({ label: "Redaktør" });
    await page.getByText("Anne Andersen er nå Redaktør.").waitFor();
    await row.getByRole("button", { name: "Deaktiver Anne Andersen" }).click();
    await page.getByText("Anne Andersen er deaktivert og logget ut.").waitFor();
    await row.getByText("Deaktivert").waitFor();
    await expectAccessible(h, page, "admin: after role change and disabling");

    // The server agrees.
    const users = await h.app.inject({ method: "GET", url: "/api/users" });
    expect(users.statusCode).toBe(401);

    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoHorizontalScroll(page, "admin at 360 px");
    await expectAccessible(h, page, "admin: users at 360 px");
    await page.getByRole("button", { name: ADMIN.name }).click();
    await page.getByRole("button", { name: "Logg ut" }).waitFor();
    await expectAccessible(h, page, "admin: user menu open at 360 px");
    await screenshot(page, "admin-360-menu");
    await page.getByRole("button", { name: "Logg ut" }).click();
    await page.getByRole("link", { name: "Logg inn" }).waitFor();
    await context.close();
  });
});
