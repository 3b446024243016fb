/**
 * Næringsstruktur and the company pages in the browser, on the bundled Brreg demo extracts
 * (data/register/demo: 10 288 hovedenheter of June 2022, SN2007; 20 000 underenheter of July 2026,
 * SN2025). (a) A visitor opens Næringsstruktur from the menu and sees Bærum's figures, the top
 * employers, "ingen data" for survival, the ranking of all municipalities, and finds a company and
 * a 1–4 unit through the search. (b) An editor sees the snapshots, uploads a truncated gzip file
 * (an error naming the line, nothing changed) and a CSV with bad rows (the summary with the
 * rejected lines). axe (WCAG 2.1 AA) on every page and state, also at 360 px.
 *
 * Expected numbers are the ones the register's own tests established from the files
 * (server/importers/brreg/read-file.test.ts) or counted from the demo extracts with the analysis
 * service's SQL independently of this page: Bærum has 459 underenheter in the 2026 extract, its
 * largest employer is 996345734 (NETS DENMARK A/S NUF, 230 employees at one unit), Oslo has the
 * most underenheter (3 370).
 */
import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundledRegister } from "../../server/modules/register/bundled-register.js";
import { expectAccessible, expectNoHorizontalScroll, type Harness, heading, newPage, screenshot, signIn, startHarness } from "./harness.js";

const EDITOR = { email: "register@baerum.kommune.no", name: "Rita Register", role: "editor" as const };
const BAD_CSV = fs.readFileSync(path.resolve("test/fixtures/brreg/synthetic-underenheter-problems.csv"));
/** The demo enheter file cut short: gunzip fails part-way. */
const TRUNCATED_GZ = fs.readFileSync(path.resolve("data/register/demo/enheter_2022-06_utvalg_10288.json.gz")).subarray(0, 300_000);

/** The value under a KPI card's heading. */
async function kpi(page: Page, label: string): Promise<string> {
  const card = page.locator(".nk-kpi").filter({ has: page.getByRole("heading", { name: label, exact: true }) });
  return ((await card.locator(".nk-kpi__value").textContent()) ?? "").trim();
}

/** The facts of the company page as { term: value }. */
async function facts(page: Page): Promise<Record<string, string>> {
  const pairs = await page
    .locator(".nk-register__facts > div")
    .evaluateAll((divs) => divs.map((d) => [d.querySelector("dt")?.textContent ?? "", d.querySelector("dd")?.textContent ?? ""]));
  return Object.fromEntries(pairs);
}

describe("Næringsstruktur and the company pages", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness([EDITOR]);
    const loaded = await loadBundledRegister(h.database.db);
    expect(loaded.map((s) => [s.kind, s.loaded])).toEqual([
      ["enheter", 10288],
      ["underenheter", 20000],
    ]);
  });
  afterAll(async () => {
    console.log(`axe checked (register):\n  ${h?.checked.join("\n  ")}`);
    await h?.close();
  });

  it("shows a visitor Bærum's business structure, the ranking and a company found by search", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/");
    await page.getByRole("navigation", { name: "Hovedmeny" }).getByRole("link", { name: "Næringsstruktur" }).click();
    await heading(page, "Næringsstruktur");
    await page.getByRole("heading", { level: 2, name: "Hovedtall for Bærum" }).waitFor();

    // Headline: underenheter by beliggenhetsadresse in the 2026 extract.
    expect(await kpi(page, "Virksomheter (underenheter)")).toBe("459");
    expect(await page.getByLabel("Kommune", { exact: true }).inputValue()).toBe("3201");

    // Each standard labelled; firms from the 2022 (SN2007) file, employment from the 2026 (SN2025) file.
    await page.getByRole("table", { name: /^Foretak etter næring \(Næringsstandard SN2007\)/ }).waitFor();
    await page.getByRole("table", { name: /^Virksomheter og ansatte etter næring \(Næringsstandard SN2025\)/ }).waitFor();
    await page.getByRole("img", { name: /^Foretak etter næring \(Næringsstandard SN2007\)/ }).waitFor();

    // The top employers: companies by their units in Bærum, each linking to its company page.
    const top = page.getByRole("table", { name: /^Største arbeidsgivere i Bærum/ });
    const first = top.locator("tbody tr").first();
    expect(await first.locator("td").nth(2).textContent()).toBe("996345734");
    expect(await first.locator("td").nth(3).textContent()).toBe("230");
    expect(await first.getByRole("link", { name: "NETS DENMARK A/S NUF" }).getAttribute("href")).toBe("/bedrifter/996345734");
    expect(await top.locator("tbody tr").count()).toBe(10);

    // One snapshot of each kind: survival cannot be computed, and the page says why.
    const survival = page.getByRole("region", { name: "Overlevelse" });
    await survival.getByText("Ingen data: øyeblikksbildene som finnes gir ikke grunnlag for å regne overlevelse.").waitFor();
    await survival
      .getByText(/^Mangler øyeblikksbilde datert 1\. januar–31\. mars \d{4}$/)
      .first()
      .waitFor();
    // No population entered: the per-1000 figure is explained, not guessed.
    await page.getByText("Nyetableringer per 1000 innbyggere vises når folketallet er lagt inn", { exact: false }).waitFor();

    // The rules and the provenance of each snapshot.
    const about = page.getByRole("region", { name: "Om tallene" });
    await about.getByText("Underenheter etter beliggenhetsadresse.", { exact: false }).waitFor();
    await about.getByText("forretningsadresse, ellers postadresse", { exact: false }).waitFor();
    await about.getByText("kilde: underenheter_utvalg_20000.csv.gz", { exact: false }).waitFor();
    await about.getByText("kilde: enheter_2022-06_utvalg_10288.json.gz", { exact: false }).waitFor();
    await about.getByText("0219, 3024", { exact: false }).waitFor();
    await expectAccessible(h, page, "Næringsstruktur, Bærum");
    await screenshot(page, "register-baerum");

    // All municipalities ranked by one figure.
    // The view toggle is a radio group: the label takes the click.
    await page.locator(".nk-register__view").getByText("Alle kommuner", { exact: true }).click();
    expect(await page.getByRole("radio", { name: "Alle kommuner" }).isChecked()).toBe(true);
    await page.getByRole("heading", { level: 2, name: "Alle kommuner" }).waitFor();
    await page.getByLabel("Tall", { exact: true }).selectOption("units");
    const ranking = page.getByRole("table", { name: /kommuner rangert etter virksomheter \(underenheter\)/ });
    const oslo = ranking.locator("tbody tr").first();
    await oslo.getByRole("link", { name: "Oslo (0301)" }).waitFor();
    expect(await oslo.locator("td").nth(2).textContent()).toBe("3\u00a0370");
    expect(page.url()).toContain("visning=rangering");
    await expectAccessible(h, page, "Næringsstruktur, ranking");

    // A company by name: the hovedenhet's register facts in its own standard.
    const search = page.getByRole("search", { name: "Finn bedrift" });
    await search.getByLabel("Finn en bedrift").fill("ACO UNDERVISNING");
    await search.getByRole("button", { name: "Søk", exact: true }).click();
    await page.getByRole("link", { name: "ACO UNDERVISNING AS" }).click();
    await heading(page, "ACO UNDERVISNING AS");
    const company = await facts(page);
    expect(company).toMatchObject({ Organisasjonsnummer: "925542695", Organisasjonsform: "Aksjeselskap (AS)", Ansatte: "20" });
    // Code, standard and the name SN2007 gives it (data/register/nace/sn2007_codes.csv).
    expect(company.Næringskode).toBe("85.595 (SN2007) Timelærervirksomhet");
    expect(company.Kommune).toBe("Bærum (3201)");
    await page.getByRole("table", { name: "1 øyeblikksbilde" }).waitFor();
    await expectAccessible(h, page, "company page");
    await screenshot(page, "register-company");

    // A unit whose count is withheld: the 1–4 class, never 0.
    await page.goto("/bedrifter/811601772");
    await heading(page, "LESS TRASH AS");
    expect((await facts(page)).Ansatte).toBe("1–4");
    await page.getByText("1–4 er en størrelsesklasse, ikke et anslag", { exact: false }).waitFor();

    // An organisation number that is in no snapshot.
    await page.goto("/bedrifter/123456785");
    await heading(page, "Fant ikke 123456785");
    await context.close();
  });

  it("fits a phone", async () => {
    const { context, page } = await newPage(h, { width: 360, height: 740 });
    await page.goto("/naeringsstruktur");
    await page.getByRole("heading", { level: 2, name: "Hovedtall for Bærum" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Om tallene" }).waitFor();
    await expectNoHorizontalScroll(page, "Næringsstruktur at 360 px");
    await expectAccessible(h, page, "Næringsstruktur, phone");
    await context.close();
  });

  it("lets an editor upload Brreg files: a broken file names its line, a file with bad rows lists them", async () => {
    const { context, page } = await newPage(h);
    await page.goto("/naeringsstruktur");
    await heading(page, "Næringsstruktur");
    await signIn(page, EDITOR.email);
    await heading(page, "Næringsstruktur");
    const snapshots = page.getByRole("table", { name: /øyeblikksbilder av Enhetsregisteret$/ });
    await page.getByRole("table", { name: "2 øyeblikksbilder av Enhetsregisteret" }).waitFor();
    const form = page.getByRole("form", { name: "Last opp fil fra Brreg" });

    // A truncated gzip file: the import fails with the line, the previous snapshots stay.
    await form
      .getByLabel("Fil fra Brreg")
      .setInputFiles({ name: "enheter_avkuttet.json.gz", mimeType: "application/gzip", buffer: TRUNCATED_GZ });
    await form.getByRole("button", { name: "Last opp og importer" }).click();
    const failed = form.locator(".nk-alert").filter({ has: page.getByRole("heading", { name: "Filen kunne ikke importeres" }) });
    await failed.waitFor();
    expect(await failed.getByText(/^Linje \d+: /).textContent()).toMatch(/gzip/);
    await failed.getByText("Ingenting ble endret: forrige øyeblikksbilde gjelder fortsatt.").waitFor();
    // Listed as a failed snapshot with its reason; the two complete ones are still there.
    await page.getByRole("table", { name: "3 øyeblikksbilder av Enhetsregisteret" }).waitFor();
    const statuses = async () =>
      snapshots.locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.querySelectorAll("td")[5]?.firstChild?.textContent));
    expect(await statuses()).toEqual(["Feilet", "Fullført", "Fullført"]);
    await expectAccessible(h, page, "register import failed");

    // A CSV with three bad rows and one unknown industry code, dated back so Bærum's figures stay.
    await form.getByLabel("Fil fra Brreg").setInputFiles({ name: "underenheter-feil.csv", mimeType: "text/csv", buffer: BAD_CSV });
    await form.getByLabel("Dato dataene gjelder").fill("2021-12-31");
    // Dated before 1 September 2025 the file would be read as SN2007; its codes are SN2025.
    await form.getByLabel("Næringsstandard").selectOption("SN2025");
    await form.getByRole("button", { name: "Last opp og importer" }).click();
    const result = form.locator(".nk-register__result");
    await result.getByRole("heading", { name: "underenheter-feil.csv er importert" }).waitFor();
    const summary = Object.fromEntries(
      await result
        .locator("dl > div")
        .evaluateAll((divs) => divs.map((d) => [d.querySelector("dt")?.textContent, d.querySelector("dd")?.textContent])),
    );
    expect(summary).toMatchObject({
      Register: "Underenheter",
      Dato: "31.12.2021",
      "Poster lest": "6",
      Nye: "3",
      Avvist: "3",
      Advarsler: "1",
      Næringsstandard: "SN2025",
    });
    const problems = await result.locator(".nk-register__problems li").allTextContents();
    expect(problems.map((p) => p.slice(0, p.indexOf(")") + 1))).toEqual([
      "Linje 4 (avvist, org.nr. 999900046)",
      "Linje 5 (avvist, org.nr. 999900004)",
      "Linje 7 (advarsel, org.nr. 999900038)",
      "Linje 8 (avvist, org.nr. 999900003)",
    ]);
    await page.getByRole("table", { name: "4 øyeblikksbilder av Enhetsregisteret" }).waitFor();
    expect(await snapshots.locator("tbody tr").first().locator("td").first().textContent()).toBe("31.12.2021");
    expect(await statuses()).toEqual(["Fullført", "Feilet", "Fullført", "Fullført"]);
    await expectAccessible(h, page, "register import done");
    await screenshot(page, "register-import");

    // Signed in, the company page also shows the office's contact with the company (issue #5).
    await page.goto("/bedrifter/925542695");
    await heading(page, "ACO UNDERVISNING AS");
    await page.getByRole("heading", { level: 2, name: "Kontakt med bedriften" }).waitFor();
    await page.getByText("Ingen besøk eller møter med bedriften er registrert.").waitFor();
    await expectAccessible(h, page, "company page, signed in");
    await context.close();
  });
});
