/**
 * The engagement log in the browser: an editor logs a company visit with the quick form (company
 * found by name in the register, a participant role ticked, the measure chosen) and the plan's
 * "Gjennomføre minst 15 bedriftsbesøk hvert år" target changes status on the log page and on the
 * measure page. Then the top-10 list is built from the register and an offer is recorded, and the
 * welcome list welcomes a new company. axe (WCAG 2.1 AA) on every page and state, also at 360 px.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays, todayInOslo } from "../../core/periods.js";
import { SYSTEM_ACTOR } from "../../server/modules/audit/audit.service.js";
import { createEngagement } from "../../server/modules/engagements/engagements.service.js";
import { seedRegisterSnapshot } from "../helpers/register.js";
import { expectAccessible, expectNoHorizontalScroll, type Harness, heading, newPage, screenshot, signIn, startHarness } from "./harness.js";

const EDITOR = { email: "naering@baerum.kommune.no", name: "Nina Næringssjef", role: "editor" as const };
const TARGET = '[data-target="a1-company-visits-per-year"]';
const FORNEBU = "910000004";
// Fourteen valid organisation numbers (not in the register: logged and flagged).
const OTHERS = [
  "910002740",
  "910004115",
  "910005480",
  "910006851",
  "910008226",
  "910009591",
  "910010964",
  "910012339",
  "910015079",
  "910017810",
  "910020552",
  "910021923",
  "910023292",
  "910024663",
];
const NEW_FIRM = "910026038";

async function status(page: Page): Promise<string> {
  const tag = page.locator(`${TARGET} .nk-status`).first();
  await tag.waitFor();
  return ((await tag.textContent()) ?? "").trim();
}

describe("the engagement log", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness([EDITOR]);
    const db = h.database.db;
    await seedRegisterSnapshot(db, {
      kind: "enheter",
      asOf: "2017-12-31",
      rows: [
        { orgnr: FORNEBU, name: "Fornebu Energi AS", orgForm: "AS" },
        // Registered ten days ago: on the welcome list (the last 90 days).
        { orgnr: NEW_FIRM, name: "Nyetablert Teknologi AS", orgForm: "AS", registeredOn: addDays(todayInOslo(), -10) },
      ],
    });
    await seedRegisterSnapshot(db, {
      kind: "underenheter",
      asOf: "2017-12-31",
      rows: [{ orgnr: "920000002", parentOrgnr: FORNEBU, name: "Fornebu Energi AS avd. Fornebu", employees: 900 }],
    });
    // Fourteen visits in 2018, the plan's last year: one short of the target.
    for (const orgnr of OTHERS)
      await db.transaction((tx) =>
        createEngagement(
          tx,
          SYSTEM_ACTOR,
          { kind: "company_visit", date: "2018-05-02", title: `Besøk ${orgnr}`, companies: [{ orgnr }], measureKeys: ["a1-m6"] },
          { retentionDays: 730 },
        ),
      );
  });
  afterAll(async () => {
    console.log(`axe checked (engagements):\n  ${h?.checked.join("\n  ")}`);
    await h?.close();
  });

  it("logs a visit with the quick form, and the 15-visits target changes status", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/");
    await signIn(page, EDITOR.email);
    await page.goto("/logger");
    await heading(page, "Logger");
    await page.getByRole("link", { name: "Bedriftskontakt" }).click();
    await heading(page, "Bedriftskontakt");
    const before = await status(page);
    // 14 of 15 in 2018, the plan's last year, which is over.
    expect(before).toBe("Ikke i rute");
    await page.getByRole("table", { name: /14 rader/ }).waitFor();
    await expectAccessible(h, page, "engagement log with 14 visits");

    // The quick form: kind and today's date are preset; find the company by name.
    const form = page.getByRole("form", { name: "Registrer et besøk" });
    await form.getByLabel("Dato").fill("2018-06-12");
    await form.getByLabel("Navn eller organisasjonsnummer").fill("Fornebu");
    await form.getByRole("button", { name: "Finn" }).click();
    await form.getByRole("button", { name: `Legg til Fornebu Energi AS (${FORNEBU})` }).click();
    await form.getByRole("list", { name: "Valgte bedrifter" }).getByText("Fornebu Energi AS").waitFor();
    await form.getByLabel("Politisk ledelse").check();
    await form.getByLabel("Tiltak i planen").selectOption("a1-m6");
    await expectAccessible(h, page, "quick form filled in");
    await form.getByRole("button", { name: "Lagre" }).click();
    await page.getByText("«Bedriftsbesøk: Fornebu Energi AS» er lagret.").waitFor();
    await page.getByRole("table", { name: /15 rader/ }).waitFor();
    await page.locator(`${TARGET} .nk-status`, { hasText: "Nådd" }).waitFor();
    expect(await status(page)).toBe("Nådd");
    await expectAccessible(h, page, "engagement log after the 15th visit");
    await screenshot(page, "engagements-log");

    // The measure page shows the same status.
    await page.goto("/satsingsomrader/1");
    await heading(page, /Kompetanse/);
    await page.getByRole("link", { name: /^Gjennomføre minst 15 bedriftsbesøk hvert år/ }).click();
    await heading(page, /^Gjennomføre minst 15 bedriftsbesøk/);
    expect(await status(page)).toBe("Nådd");

    // The company's history lists the visit.
    const history = await page.request.get(`/api/engagements/companies/${FORNEBU}`);
    expect(((await history.json()) as { engagements: unknown[] }).engagements).toHaveLength(1);
    await context.close();
  });

  it("builds the top-10 list from the register and records an offer; welcomes a new company", async () => {
    const { context, page } = await newPage(h, { width: 360, height: 800 });
    await page.goto("/");
    await signIn(page, EDITOR.email);
    await page.goto("/logger/bedriftskontakt/topp-10?ar=2018");
    await heading(page, "Kontaktmøter med de ti største");
    await page.getByText("Listen er ikke laget for dette året ennå.").waitFor();
    await page.getByRole("button", { name: "Lag listen fra registeret" }).click();
    const table = page.getByRole("table", { name: "De ti største bedriftene i 2018 og tilbud om kontaktmøte" });
    await table.getByText("Fornebu Energi AS").waitFor();
    await page.getByLabel("Status for Fornebu Energi AS").selectOption("offered");
    await page.getByText("1 av 10 har fått tilbud, 0 møter er holdt.", { exact: false }).waitFor();
    await expectAccessible(h, page, "top-10 offers at 360 px");
    await expectNoHorizontalScroll(page, "top-10 offers at 360 px");

    await page.goto("/logger/bedriftskontakt/velkommen");
    await heading(page, "Ønske nye bedrifter velkommen");
    const row = page.getByRole("row", { name: /Nyetablert Teknologi AS/ });
    await row.waitFor();
    await expectAccessible(h, page, "welcome list at 360 px");
    await row.getByRole("button", { name: "Ønsk Nyetablert Teknologi AS velkommen" }).click();
    await page.getByText("Nyetablert Teknologi AS er ønsket velkommen.").waitFor();
    await row.getByText(/Ønsket velkommen/).waitFor();
    await screenshot(page, "engagements-welcomes");
    await context.close();
  });
});
