import { describe, expect, it } from "vitest";
import { CsvColumns, CsvRecord } from "./csv-stream.js";
import { dataDateOf, get, isIsoDate, normalizeRecord } from "./normalize.js";

const SN2007 = { naceVersion: "SN2007" as const, today: "2026-11-26" };
const SN2025 = { naceVersion: "SN2025" as const, today: "2026-11-26" };

/** A flat CSV record from dotted keys (as Brreg's CSV header names them). */
function csv(fields: Record<string, string>): CsvRecord {
  const names = Object.keys(fields);
  return new CsvRecord(new CsvColumns(names), Object.values(fields));
}

/** An enhet as in the JSON dump (nested). */
function enhet(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    organisasjonsnummer: "913460197",
    navn: "-MINUS AS",
    organisasjonsform: { kode: "AS", beskrivelse: "Aksjeselskap", links: [] },
    registreringsdatoEnhetsregisteret: "2014-04-03",
    naeringskode1: { beskrivelse: "Konsulentvirksomhet tilknyttet informasjonsteknologi", kode: "62.020" },
    antallAnsatte: 16,
    forretningsadresse: {
      land: "Norge",
      landkode: "NO",
      postnummer: "1338",
      poststed: "SANDVIKA",
      adresse: ["c/o Syntetisk", "Rosenkrantz' gate 10"],
      kommune: "BÆRUM",
      kommunenummer: "3024",
    },
    stiftelsesdato: "2014-03-05",
    institusjonellSektorkode: { kode: "2100", beskrivelse: "Private aksjeselskaper mv." },
    konkurs: false,
    underAvvikling: false,
    underTvangsavviklingEllerTvangsopplosning: false,
    ...extra,
  };
}

describe("get", () => {
  it("reads a dotted path from nested JSON and from a flat CSV record alike", () => {
    expect(get(enhet(), "forretningsadresse.kommunenummer")).toBe("3024");
    expect(get(enhet(), "naeringskode1.kode")).toBe("62.020");
    expect(get(enhet(), "postadresse.kommunenummer")).toBeUndefined();
    expect(get(csv({ "forretningsadresse.kommunenummer": "3024" }), "forretningsadresse.kommunenummer")).toBe("3024");
    expect(get(csv({ a: "1" }), "b.c")).toBeUndefined();
  });
});

describe("normalizeRecord", () => {
  it("maps a hovedenhet: renumbered municipality, industry, size class, dates, address lines", () => {
    const r = normalizeRecord("enheter", enhet(), 12, SN2007);
    expect(r.problem).toBeUndefined();
    expect(r.row).toEqual({
      orgnr: "913460197",
      name: "-MINUS AS",
      orgForm: "AS",
      naceCode: "62.020",
      naceVersion: "SN2007",
      naceSection: "J",
      naceDivision: "62",
      kisGroup: "HTKIS",
      municipalityRaw: "3024",
      areaCode: "3201",
      addressRule: "forretningsadresse",
      address: "c/o Syntetisk, Rosenkrantz' gate 10",
      postalCode: "1338",
      postalPlace: "SANDVIKA",
      employees: 16,
      sizeClass: "10-19",
      registeredOn: "2014-04-03",
      startedOn: "2014-03-05",
      parentOrgnr: null,
      sectorCode: "2100",
      bankrupt: false,
      liquidating: false,
      closedOn: null,
    });
    expect(r.row ? r : null).toMatchObject({ warnings: [], dataDate: "2014-04-03" });
  });

  it("gives the same row for the same unit as nested JSON and as a flat CSV record", () => {
    const nested = {
      organisasjonsnummer: "811553662",
      navn: "NETS DENMARK A/S NUF",
      organisasjonsform: { kode: "BEDR" },
      naeringskode1: { kode: "62.200" },
      harRegistrertAntallAnsatte: true,
      antallAnsatte: 230,
      beliggenhetsadresse: { adresse: ["Lysaker torg 45"], postnummer: "1366", poststed: "LYSAKER", kommunenummer: "3201" },
      registreringsdatoEnhetsregisteret: "2013-03-15",
      oppstartsdato: "2013-03-01",
      overordnetEnhet: "913460197",
    };
    const flat = csv({
      organisasjonsnummer: "811553662",
      navn: "NETS DENMARK A/S NUF",
      "organisasjonsform.kode": "BEDR",
      "naeringskode1.kode": "62.200",
      harRegistrertAntallAnsatte: "true",
      antallAnsatte: "230",
      "beliggenhetsadresse.adresse": "Lysaker torg 45",
      "beliggenhetsadresse.postnummer": "1366",
      "beliggenhetsadresse.poststed": "LYSAKER",
      "beliggenhetsadresse.kommunenummer": "3201",
      registreringsdatoEnhetsregisteret: "2013-03-15",
      oppstartsdato: "2013-03-01",
      overordnetEnhet: "913460197",
      nedleggelsesdato: "",
      konkurs: "",
    });
    const a = normalizeRecord("underenheter", nested, 2, SN2025);
    const b = normalizeRecord("underenheter", flat, 2, SN2025);
    expect(a).toEqual(b);
    expect(a.row).toMatchObject({
      areaCode: "3201",
      addressRule: "beliggenhetsadresse",
      naceSection: "K",
      naceDivision: "62",
      employees: 230,
      sizeClass: "100-249",
      startedOn: "2013-03-01",
      parentOrgnr: "913460197",
    });
  });

  it.each([
    ["9 digits, wrong check digit", "913460198"],
    ["8 digits", "91346019"],
    ["letters", "91346019A"],
  ])("rejects an organisation number with %s (invalid_orgnr, with the line)", (_name, orgnr) => {
    expect(normalizeRecord("enheter", enhet({ organisasjonsnummer: orgnr }), 77, SN2007)).toEqual({
      problem: { line: 77, orgnr, severity: "error", code: "invalid_orgnr", message: expect.stringContaining("check digit") },
    });
  });

  it("rejects a record without a name", () => {
    expect(normalizeRecord("enheter", enhet({ navn: " " }), 3, SN2007).problem).toMatchObject({ code: "missing_name", line: 3 });
  });

  it("keeps an unknown industry code with section and division empty, and reports it", () => {
    const r = normalizeRecord("enheter", enhet({ naeringskode1: { kode: "04.100" } }), 5, SN2007);
    expect(r.row).toMatchObject({ naceCode: "04.100", naceVersion: "SN2007", naceSection: null, naceDivision: null, kisGroup: null });
    expect(r.row ? r.warnings : null).toEqual([
      { line: 5, orgnr: "913460197", severity: "warning", code: "unknown_nace_code", message: expect.stringContaining("04.100") },
    ]);
  });

  it("counts a subclass the version does not list under its listed ancestor, with a warning", () => {
    const r = normalizeRecord(
      "underenheter",
      csv({ organisasjonsnummer: "913460197", navn: "X", "naeringskode1.kode": "43.221" }),
      9,
      SN2025,
    );
    expect(r.row).toMatchObject({ naceCode: "43.221", naceSection: "F", naceDivision: "43" });
    expect(r.row ? r.warnings.map((w) => w.code) : null).toEqual(["nace_code_not_listed"]);
  });

  it("keeps 00.000 (uoppgitt) and a missing code without warnings", () => {
    const unspecified = normalizeRecord("enheter", enhet({ naeringskode1: { kode: "00.000" } }), 1, SN2007);
    expect(unspecified.row).toMatchObject({ naceCode: "00.000", naceVersion: "SN2007", naceSection: null, naceDivision: null });
    expect(unspecified.row ? unspecified.warnings : null).toEqual([]);
    const auxiliary = normalizeRecord("enheter", enhet({ naeringskode1: undefined, hjelpeenhetskode: { kode: "70.100" } }), 1, SN2007);
    expect(auxiliary.row).toMatchObject({ naceCode: null, naceVersion: null, naceSection: null });
    expect(auxiliary.row ? auxiliary.warnings : null).toEqual([]);
  });

  it("places a hovedenhet by postadresse when it has no forretningsadresse, and abroad when its forretningsadresse is foreign", () => {
    const post = { adresse: ["Postboks 1"], postnummer: "1337", poststed: "SANDVIKA", kommunenummer: "0219", landkode: "NO" };
    const byPost = normalizeRecord("enheter", enhet({ forretningsadresse: undefined, postadresse: post }), 1, SN2007);
    expect(byPost.row).toMatchObject({ municipalityRaw: "0219", areaCode: "3201", addressRule: "postadresse", address: "Postboks 1" });
    const foreign = { land: "Storbritannia", landkode: "GB", poststed: "LONDON", adresse: ["1 Synthetic Street"] };
    const abroad = normalizeRecord("enheter", enhet({ forretningsadresse: foreign, postadresse: post }), 1, SN2007);
    expect(abroad.row).toMatchObject({
      municipalityRaw: null,
      areaCode: null,
      addressRule: null,
      address: "1 Synthetic Street",
      postalPlace: "LONDON",
    });
  });

  it("leaves the area empty for a municipality that was split, with a warning", () => {
    const fa = { adresse: ["Syntetisk vei 1"], postnummer: "6002", poststed: "ÅLESUND", kommunenummer: "1507", landkode: "NO" };
    const r = normalizeRecord("enheter", enhet({ forretningsadresse: fa }), 4, SN2007);
    expect(r.row).toMatchObject({ municipalityRaw: "1507", areaCode: null, addressRule: "forretningsadresse" });
    expect(r.row ? r.warnings.map((w) => [w.code, w.line]) : null).toEqual([["split_municipality", 4]]);
  });

  it("drops an invalid date with a warning and keeps the row", () => {
    const r = normalizeRecord(
      "enheter",
      enhet({ stiftelsesdato: "2019-02-30", registreringsdatoEnhetsregisteret: "03.04.2014" }),
      8,
      SN2007,
    );
    expect(r.row).toMatchObject({ startedOn: null, registeredOn: null });
    expect(r.row ? r.warnings.map((w) => w.code) : null).toEqual(["invalid_date", "invalid_date"]);
  });

  it("reads bankruptcy, liquidation (voluntary or forced) and closure", () => {
    expect(normalizeRecord("enheter", enhet({ konkurs: true }), 1, SN2007).row).toMatchObject({ bankrupt: true, liquidating: false });
    expect(normalizeRecord("enheter", enhet({ underAvvikling: true }), 1, SN2007).row).toMatchObject({ liquidating: true });
    expect(normalizeRecord("enheter", enhet({ underTvangsavviklingEllerTvangsopplosning: true }), 1, SN2007).row).toMatchObject({
      liquidating: true,
    });
    const closed = csv({ organisasjonsnummer: "913460197", navn: "X", nedleggelsesdato: "2024-05-31", konkurs: "true" });
    expect(normalizeRecord("underenheter", closed, 1, SN2025).row).toMatchObject({ closedOn: "2024-05-31", bankrupt: true });
  });

  it("drops an invalid parent organisation number with a warning", () => {
    const r = normalizeRecord("enheter", enhet({ overordnetEnhet: "123" }), 1, SN2007);
    expect(r.row).toMatchObject({ parentOrgnr: null });
    expect(r.row ? r.warnings.map((w) => w.code) : null).toEqual(["invalid_parent_orgnr"]);
  });

  it("uses headcount(): a newer file's flag without a count is the 1-4 class", () => {
    const r = normalizeRecord(
      "underenheter",
      csv({ organisasjonsnummer: "913460197", navn: "X", harRegistrertAntallAnsatte: "true", antallAnsatte: "" }),
      1,
      SN2025,
    );
    expect(r.row).toMatchObject({ employees: null, sizeClass: "1-4" });
  });
});

describe("dataDateOf", () => {
  it("is the latest register date that is not in the future", () => {
    const rec = csv({
      registreringsdatoEnhetsregisteret: "2013-02-11",
      registreringsdatoAntallAnsatteEnhetsregisteret: "2026-07-14",
      registreringsdatoAntallAnsatteNAVAaregisteret: "2026-07-10",
      oppstartsdato: "2027-01-01",
    });
    expect(dataDateOf(rec, "2026-11-26")).toBe("2026-07-14");
    expect(dataDateOf(rec, "2026-07-12")).toBe("2026-07-10");
    expect(dataDateOf(csv({ navn: "x" }), "2026-11-26")).toBeNull();
  });
});

describe("isIsoDate", () => {
  it.each([
    ["2024-02-29", true],
    ["2023-02-29", false],
    ["2000-02-29", true],
    ["1900-02-29", false],
    ["2024-04-31", false],
    ["2024-13-01", false],
    ["24-01-01", false],
    ["2024-1-01", false],
  ])("%s → %s", (s, ok) => {
    expect(isIsoDate(s)).toBe(ok);
  });
});
