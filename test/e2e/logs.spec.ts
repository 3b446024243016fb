/**
 * The delivery logs and the land bank in the browser. (a) An editor imports the building-case
 * sample CSV, sees the summary and the statistics, and the plan's "≤ 8 uker" target on its
 * measure page gets a status; a bad CSV lists its errors by line. (b) The land bank with an area
 * drawn from EPSG:25832 coordinates: supply against demand, the map with the area as a link, the
 * detail page. (c) Etablerertjenesten, LIA and projects with an entry added through the dialog.
 * axe (WCAG 2.1 AA) on every page and state, also at 360 px; screenshots in test-results/screenshots.
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "../../server/modules/audit/audit.service.js";
import { loadBundledLandAreas } from "../../server/modules/land/bundled-land-areas.js";
import { createLandArea, updateLandArea } from "../../server/modules/land/land-areas.service.js";
import { createRezoningApplication } from "../../server/modules/land/rezoning.service.js";
import {
  expectAccessible,
  expectNoHorizontalScroll,
  type Harness,
  heading,
  newPage,
  SCREENSHOT_DIR,
  screenshot,
  signIn,
  startHarness,
} from "./harness.js";

const EDITOR = { email: "logg@baerum.kommune.no", name: "Liv Loggfører", role: "editor" as const };
const ADMIN = { email: "admin.logg@baerum.kommune.no", name: "Arne Admin", role: "admin" as const };
const SAMPLE = fs.readFileSync(path.resolve("test/fixtures/building-cases/sample.csv"));
const LIA_1252 = fs.readFileSync(path.resolve("test/fixtures/logs/lia-praksisplasser-windows-1252.csv"));
const BAD_CSV = Buffer.from(
  "Saksnummer;SøknadsID;Søknadstype;Næringsbygg;Mottatt;Vedtak\r\n17/1;1;Rammetillatelse;ja;32.01.2017;\r\n17/2;2;Rammetillatelse;kanskje;01.02.2017;\r\n",
  "utf8",
);

/** A rectangle in EUREF89 UTM zone 32 (metres), closed, south-west corner at (e, n). */
function utmRectangle(e: number, n: number, w: number, h: number) {
  return {
    type: "Polygon",
    coordinates: [
      [
        [e, n],
        [e + w, n],
        [e + w, n + h],
        [e, n + h],
        [e, n],
      ],
    ],
  };
}

/** Dialogs are fixed to the viewport: a full-page picture would show the page around them, not the dialog. */
async function dialogShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

const TARGET = '[data-target="a2-building-case-processing-max-8-weeks"]';

async function targetStatus(page: Page): Promise<string> {
  const tag = page.locator(`${TARGET} .nk-status`).first();
  await tag.waitFor();
  return ((await tag.textContent()) ?? "").trim();
}

async function openBuildingCaseMeasure(page: Page): Promise<void> {
  await page.goto("/satsingsomrader/2");
  await heading(page, /Næringsvennlig kommune/);
  await page.getByRole("link", { name: /^Være forutsigbar og rask i behandlingen av plan- og byggesaker/ }).click();
  await heading(page, /^Være forutsigbar og rask/);
}

describe("delivery logs and the land bank", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness([EDITOR, ADMIN]);
    const db = h.database.db;
    // The 11 pre-registered Bærum areas (no figures, no shapes), one new area drawn in EPSG:25832
    // near Sandvika with figures, and a shape without figures on a pre-registered one.
    await loadBundledLandAreas(db);
    await db.transaction((tx) =>
      createLandArea(tx, SYSTEM_ACTOR, {
        key: "industriveien-nord",
        name: "Industriveien nord",
        centre: "Sandvika",
        zoning: "Næringsformål (reguleringsplan 2016)",
        totalM2: 60000,
        availableM2: 25000,
        plannedM2: 15000,
        status: "partly_available",
        geometry: utmRectangle(584800, 6640500, 420, 260),
        crs: "EPSG:25832",
        source: "Planavdelingen (testdata)",
      }),
    );
    await db.transaction((tx) =>
      updateLandArea(tx, SYSTEM_ACTOR, "sandvika-hamangsletta", {
        geometry: utmRectangle(585450, 6640050, 300, 380),
        crs: "EPSG:25832",
      }),
    );
    await db.transaction((tx) =>
      createRezoningApplication(tx, SYSTEM_ACTOR, {
        caseId: "18/00421",
        title: "Omregulering av Industriveien 30 til boliger",
        areaM2: 4200,
        receivedDate: "2018-02-12",
        status: "in_process",
        landAreaKey: "industriveien-nord",
      }),
    );
  });
  afterAll(async () => {
    console.log(`axe checked (logs):\n  ${h?.checked.join("\n  ")}`);
    await h?.close();
  });

  it("imports building cases: summary, statistics, the 8-week target gets a status; a bad file lists its lines", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/satsingsomrader/2");
    await heading(page, /Næringsvennlig kommune/);
    await signIn(page, EDITOR.email);
    await openBuildingCaseMeasure(page);
    expect(await targetStatus(page)).toBe("Ingen data");
    await page.getByRole("link", { name: "Byggesaker", exact: true }).waitFor();

    // The logs from the user menu.
    await page.getByRole("button", { name: EDITOR.name }).click();
    await page.getByRole("button", { name: "Logger" }).click();
    await heading(page, "Logger");
    await page.getByRole("link", { name: "LIA-praksisplasser" }).waitFor();
    await expectAccessible(h, page, "logs index");
    await screenshot(page, "logs-index");
    await page.getByRole("link", { name: "Byggesaker", exact: true }).first().click();
    await heading(page, "Byggesaker");
    await page.getByText("Ingen vedtak å regne på ennå.", { exact: false }).waitFor();
    await page.getByRole("table", { name: "Lovbestemte frister" }).getByText("pbl. § 21-7 andre ledd").waitFor();
    await expectAccessible(h, page, "building cases, empty log");

    // Import the sample: the summary names the encoding and the counts.
    await page.locator("#bc-import-file").setInputFiles({ name: "sample.csv", mimeType: "text/csv", buffer: SAMPLE });
    await page.getByText("Valgt fil: sample.csv").waitFor();
    await page.getByRole("button", { name: "Importer filen" }).click();
    const result = page.locator(".nk-import__result");
    await result.getByRole("heading", { name: "sample.csv er importert" }).waitFor();
    const summary = Object.fromEntries(
      await result
        .locator("dl > div")
        .evaluateAll((divs) => divs.map((d) => [d.querySelector("dt")?.textContent, d.querySelector("dd")?.textContent])),
    );
    expect(summary).toEqual({ Tegnsett: "UTF-8", "Rader lest": "13", Nye: "13", Endret: "0", Uendret: "0" });

    // Statistics per year: charts with the 8-week line and their table.
    const stats = page.getByRole("table", { name: "Behandlingstid for næringsbygg per periode" });
    await stats.getByRole("cell", { name: "2017", exact: true }).waitFor();
    await stats.getByRole("cell", { name: "2018", exact: true }).waitFor();
    await page.getByText("Teller ett-trinns søknad og rammetillatelse for næringsbygg", { exact: false }).waitFor();
    await page.getByRole("img", { name: /Gjennomsnittlig behandlingstid i uker/ }).waitFor();
    await page.getByRole("img", { name: /Median behandlingstid i uker/ }).waitFor();
    expect(await page.locator(".nk-chart__target").count()).toBe(2);
    const row2017 = await stats.getByRole("row", { name: /^2017/ }).textContent();
    expect(row2017).toContain("7,8");
    await page.getByRole("heading", { name: "2 søknader over lovfristen" }).waitFor();
    await page.getByRole("table", { name: /søknader for næringsbygg over 8 uker/ }).waitFor();
    await expectAccessible(h, page, "building cases after import (summary, statistics, breaches)");
    await screenshot(page, "building-cases-imported");

    // The toggle is a radio group: the label takes the click.
    await page.getByText("Kvartal", { exact: true }).click();
    expect(await page.getByRole("radio", { name: "Kvartal" }).isChecked()).toBe(true);
    await stats
      .getByRole("cell", { name: /1\. kvartal 2017|K1 2017/ })
      .first()
      .waitFor();
    await expectAccessible(h, page, "building cases, statistics per quarter");

    // Filters: all buildings shows the non-commercial house too.
    const list = page.getByRole("region", { name: "Søknader" });
    await list.getByText("12 søknader", { exact: true }).waitFor();
    await page.getByLabel("Næringsbygg", { exact: true }).selectOption({ label: "Alle bygg" });
    await list.getByText("13 søknader", { exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Last ned som CSV" }).getAttribute("href")).toBe("/api/building-cases/export.csv");

    // A bad file: every row error with its line, nothing imported.
    await page.locator("#bc-import-file").setInputFiles({ name: "feil.csv", mimeType: "text/csv", buffer: BAD_CSV });
    await page.getByRole("button", { name: "Importer filen" }).click();
    const errors = page.locator(".nk-import .ds-error-summary, .nk-import .nk-error-summary").first();
    await errors.getByRole("heading", { name: "2 linjer i filen har feil" }).waitFor();
    await errors.getByRole("link", { name: /^Linje 2, Mottatt:/ }).waitFor();
    await errors.getByRole("link", { name: /^Linje 3, Næringsbygg:/ }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains("nk-error-summary"))).toBe(true);
    await expectAccessible(h, page, "building-case import with line-numbered errors");
    await screenshot(page, "building-cases-import-errors");

    // The plan's target reads the log: no longer "Ingen data".
    await openBuildingCaseMeasure(page);
    await expect.poll(() => targetStatus(page)).not.toBe("Ingen data");
    expect(await targetStatus(page)).toBe("Nådd");
    await page.getByText("Tallene kommer fra loggen:").waitFor();
    await expectAccessible(h, page, "measure with the building-case target evaluated");
    await screenshot(page, "measure-building-case-target");
    await context.close();

    // 360 px: no sideways scrolling, tables folded into rows.
    const narrow = await newPage(h, { width: 360, height: 780 });
    await narrow.page.goto("/");
    await heading(narrow.page, /Strategisk næringsplan/);
    await signIn(narrow.page, EDITOR.email);
    await narrow.page.goto("/logger/byggesaker");
    await heading(narrow.page, "Byggesaker");
    await narrow.page.getByRole("table", { name: "Behandlingstid for næringsbygg per periode" }).waitFor();
    await expectNoHorizontalScroll(narrow.page, "building cases at 360 px");
    await expectAccessible(h, narrow.page, "building cases at 360 px");
    await screenshot(narrow.page, "building-cases-360");
    await narrow.context.close();
  });

  it("shows the land bank: supply against demand, the map with the area as a link, the area page", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/");
    await heading(page, /Strategisk næringsplan/);
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Næringsarealer" }).click();
    await heading(page, "Næringsarealer");
    // Supply: the known figures, marked as a minimum because 11 areas have none.
    await page.getByText("minst 40 000 m²").waitFor();
    await page.getByText("Ledig 25 000 m² + planlagt 15 000 m²", { exact: false }).waitFor();
    await page.getByText(/12 områder er registrert\. 11 mangler tall for ledig areal/).waitFor();
    await page.getByText("ca. 25 000 m²").waitFor();
    // The map: each drawn area is a link with its name; the rest are in the table.
    const map = page.locator("svg.nk-map");
    await map.waitFor();
    const area = map.getByRole("link", { name: "Industriveien nord" });
    await area.waitFor();
    expect(await map.getByRole("link").count()).toBe(2);
    await map.getByRole("link", { name: "Sandvika – Hamangsletta (mangler tall for areal)" }).waitFor();
    const table = page.getByRole("table", { name: "12 næringsområder" });
    await table.getByRole("link", { name: "Fornebu nord" }).waitFor();
    expect(await table.getByText("Ikke kartfestet").count()).toBe(10);
    await page
      .getByRole("heading", { name: "Søknader om omregulering" })
      .count()
      .then((n) => expect(n).toBe(0));
    await expectAccessible(h, page, "land bank (anonymous)");
    await screenshot(page, "land-bank");

    // Keyboard: the area on the map opens its page.
    await area.focus();
    await page.keyboard.press("Enter");
    await heading(page, "Industriveien nord");
    await page.getByText("25 000 m²").first().waitFor();
    await page.locator("svg.nk-map").getByRole("link", { name: "Industriveien nord" }).waitFor();
    await expectAccessible(h, page, "land area page");
    await screenshot(page, "land-area");

    // Focus area 6 links to the land bank; signed in, the rezoning applications show.
    await page.goto("/satsingsomrader/6");
    await page.getByRole("link", { name: /^Næringsarealer: ledig areal mot behovet/ }).click();
    await heading(page, "Næringsarealer");
    await signIn(page, EDITOR.email);
    await heading(page, "Næringsarealer");
    const rezoning = page.getByRole("region", { name: "Søknader om omregulering" });
    await rezoning.getByRole("cell", { name: "18/00421" }).waitFor();
    await rezoning.getByRole("link", { name: "Industriveien nord" }).waitFor();
    await page.getByRole("heading", { name: "Importer områder fra CSV" }).waitFor();
    await expectAccessible(h, page, "land bank (editor: rezoning, import)");
    await context.close();

    const narrow = await newPage(h, { width: 360, height: 780 });
    await narrow.page.goto("/naeringsarealer");
    await heading(narrow.page, "Næringsarealer");
    await narrow.page.locator("svg.nk-map").getByRole("link", { name: "Industriveien nord" }).waitFor();
    await expectNoHorizontalScroll(narrow.page, "land bank at 360 px");
    await expectAccessible(h, narrow.page, "land bank at 360 px");
    await screenshot(narrow.page, "land-bank-360");
    await narrow.context.close();
  });

  it("adds an entry to Etablerertjenesten, LIA and projects", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/logger/etablerertjenesten");
    await heading(page, "Etablerertjenesten");
    await page.getByRole("link", { name: "Logg inn for å se loggene" }).click();
    await heading(page, "Logg inn");
    await page.getByLabel("E-post").fill(EDITOR.email);
    await page.getByLabel("Passord").fill("et godt langt passord");
    await page.getByRole("button", { name: "Logg inn" }).click();
    await heading(page, "Etablerertjenesten");
    await page.getByText("Ingen økter er registrert ennå.").first().waitFor();

    // The dialog: client-side messages at the fields and in the summary.
    await page.getByRole("button", { name: "Ny økt" }).click();
    const dialog = page.getByRole("dialog", { name: "Ny økt" });
    await dialog.waitFor();
    await expectAccessible(h, page, "entrepreneurs: new-session dialog");
    await dialog.getByLabel("Deltakere", { exact: true }).fill("12");
    await dialog.getByLabel("Deltakere med vekstpotensial").fill("15");
    await dialog.getByRole("button", { name: "Lagre" }).click();
    await dialog.getByText("Skriv inn en dato.").first().waitFor();
    await expect.poll(() => dialog.getByText("Kan ikke være flere enn deltakerne.").count()).toBe(2);
    await expectAccessible(h, page, "entrepreneurs: dialog with validation errors");
    await dialogShot(page, "entrepreneurs-dialog-errors");
    await dialog.getByLabel("Dato").fill("2017-03-15");
    await dialog.getByLabel("Type").selectOption({ label: "Kurs" });
    await dialog.getByLabel("Tittel (valgfritt)").fill("Etablererkurs mars");
    await dialog.getByLabel("Deltakere med vekstpotensial").fill("4");
    await dialog.getByRole("button", { name: "Lagre" }).click();
    await page.getByText("Økten 15.03.2017 med 12 deltakere er lagret.").waitFor();
    await page.getByRole("cell", { name: "Etablererkurs mars" }).waitFor();
    const counts = page.getByRole("table", { name: "Økter og deltakere per år" });
    await counts.getByRole("row", { name: /^2017\s+1\s+12\s+4\s+0\s+12$/ }).waitFor();
    await expectAccessible(h, page, "entrepreneurs with a session");
    await screenshot(page, "entrepreneurs");

    // LIA: import the Windows-1252 sample (encoding detected), then add a row.
    await page.goto("/logger/lia-praksisplasser");
    await heading(page, "LIA-praksisplasser");
    await page.locator("#lia-import-file").setInputFiles({ name: "lia.csv", mimeType: "text/csv", buffer: LIA_1252 });
    await page.getByRole("button", { name: "Importer filen" }).click();
    const liaResult = page.locator(".nk-import__result");
    await liaResult.getByRole("heading", { name: "lia.csv er importert" }).waitFor();
    await liaResult.getByText("Windows-1252").waitFor();
    await page.getByRole("button", { name: "Nye praksisplasser" }).click();
    const lia = page.getByRole("dialog", { name: "Nye praksisplasser" });
    await lia.getByLabel("Skoleår").fill("2017/2018");
    await lia.getByLabel("Bedrift").fill("Sandvika Storsenter");
    await lia.getByLabel("Organisasjonsnummer (valgfritt)").fill("123 456 789");
    await lia.getByLabel("Antall plasser").fill("30");
    await lia.getByRole("button", { name: "Lagre" }).click();
    await lia.getByText("Organisasjonsnummeret er ikke gyldig", { exact: false }).first().waitFor();
    await lia.getByLabel("Organisasjonsnummer (valgfritt)").fill("");
    await lia.getByRole("button", { name: "Lagre" }).click();
    await page.getByText("30 plasser hos Sandvika Storsenter for 2017/18 er lagret.").waitFor();
    await page
      .getByRole("table", { name: "Praksisplasser og vertsbedrifter per skoleår" })
      .getByRole("cell", { name: "2017/18" })
      .waitFor();
    await page.getByRole("img", { name: /Praksisplasser per skoleår/ }).waitFor();
    expect(await page.locator(".nk-chart__target").count()).toBe(1);
    await expectAccessible(h, page, "LIA placements after import and a new row");
    await screenshot(page, "placements");

    // Projects: the API's message for an unknown measure sits at the field.
    await page.goto("/logger/prosjekter");
    await heading(page, "Prosjekter");
    await page.getByRole("button", { name: "Nytt prosjekt" }).click();
    const prj = page.getByRole("dialog", { name: "Nytt prosjekt" });
    await prj.getByLabel("Nøkkel").fill("futurebuilt-sandvika");
    await prj.getByLabel("Tittel", { exact: true }).fill("FutureBuilt Sandvika sentrum");
    await prj.getByLabel("Type").selectOption({ label: "FutureBuilt" });
    await prj.getByLabel("Status").selectOption({ label: "Pågår" });
    await prj.getByLabel("Etablert").fill("2017-06-01");
    await prj.getByLabel("Partnere (valgfritt)").fill("FutureBuilt\nBærum kommune");
    await prj.getByLabel("Tiltak i planen (valgfritt)").fill("zz-9");
    await prj.getByRole("button", { name: "Lagre" }).click();
    // At the field, and in the summary with the field's name.
    await prj.getByRole("link", { name: 'Tiltak i planen (valgfritt): no plan has a measure with key "zz-9"' }).waitFor();
    await prj.getByText('no plan has a measure with key "zz-9"', { exact: true }).waitFor();
    expect(await prj.getByLabel("Tiltak i planen (valgfritt)").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(h, page, "projects: dialog with the API's field error");
    await dialogShot(page, "projects-dialog-api-error");
    await prj.getByLabel("Tiltak i planen (valgfritt)").fill("a2-m7");
    await prj.getByRole("button", { name: "Lagre" }).click();
    await page.getByText("Prosjektet «FutureBuilt Sandvika sentrum» er lagret.").waitFor();
    await page.getByRole("cell", { name: "FutureBuilt, Bærum kommune" }).waitFor();
    await page.getByRole("table", { name: "Etablerte prosjekter per år og type" }).getByRole("cell", { name: "2017" }).waitFor();
    await page
      .getByRole("region", { name: /Måltall i planen som loggen gir tall til/ })
      .getByText("Nådd")
      .first()
      .waitFor();
    await expectAccessible(h, page, "projects with a project");
    await screenshot(page, "projects");

    // English.
    await page.getByRole("button", { name: "English" }).click();
    await heading(page, "Projects");
    await page.getByRole("table", { name: "Established projects per year and type" }).waitFor();
    await expectAccessible(h, page, "projects in English");
    await page.getByRole("button", { name: "Norsk" }).click();
    await heading(page, "Prosjekter");
    await context.close();

    const narrow = await newPage(h, { width: 360, height: 780 });
    await narrow.page.goto("/");
    await heading(narrow.page, /Strategisk næringsplan/);
    await signIn(narrow.page, EDITOR.email);
    for (const [url, name] of [
      ["/logger/etablerertjenesten", "Etablerertjenesten"],
      ["/logger/lia-praksisplasser", "LIA-praksisplasser"],
      ["/logger/prosjekter", "Prosjekter"],
    ] as const) {
      await narrow.page.goto(url);
      await heading(narrow.page, name);
      await narrow.page.locator(".nk-table").first().waitFor();
      await expectNoHorizontalScroll(narrow.page, `${name} at 360 px`);
      await expectAccessible(h, narrow.page, `${name} at 360 px`);
    }
    await screenshot(narrow.page, "projects-360");
    // The dialog at 360 px, with its messages.
    await narrow.page.getByRole("button", { name: "Nytt prosjekt" }).click();
    const small = narrow.page.getByRole("dialog", { name: "Nytt prosjekt" });
    await small.getByRole("button", { name: "Lagre" }).click();
    await small.getByText("Skriv inn en nøkkel.").first().waitFor();
    await expectAccessible(h, narrow.page, "projects: dialog with validation errors at 360 px");
    await dialogShot(narrow.page, "projects-dialog-360");
    await narrow.context.close();
  });

  it("shows an admin the personal-data status on the logs page", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/logger");
    await heading(page, "Logger");
    await page.getByRole("link", { name: "Næringsarealer" }).first().waitFor();
    await expectAccessible(h, page, "logs index (anonymous)");
    await signIn(page, ADMIN.email);
    await heading(page, "Logger");
    await page.getByRole("heading", { name: "Personvern" }).waitFor();
    await page.getByText("730 dager").waitFor();
    await expectAccessible(h, page, "logs index (admin, privacy status)");
    await context.close();
  });
});
