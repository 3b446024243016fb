import { describe, expect, it } from "vitest";
import type { RegisterRow } from "../../../../core/register/types.js";
import { brregFixture } from "../../../../test/helpers/fake-brreg.js";
import { registerRow } from "../../../../test/helpers/register.js";
import { applyEndringer } from "./patch.js";
import type { PatchOperation } from "./types.js";

const DATO = "2026-08-12T22:05:42.092Z";

/** The recorded endringer of one event in oppdateringer_enheter_includeChanges.json. */
function recordedEndringer(oppdateringsid: number): PatchOperation[] {
  const page = brregFixture("oppdateringer_enheter_includeChanges.json") as {
    _embedded: { oppdaterteEnheter: { oppdateringsid: number; endringer: PatchOperation[] }[] };
  };
  const e = page._embedded.oppdaterteEnheter.find((x) => x.oppdateringsid === oppdateringsid);
  if (!e) throw new Error(`no event ${oppdateringsid}`);
  return e.endringer;
}

const company = (p: Partial<RegisterRow> = {}): RegisterRow =>
  registerRow({
    orgnr: "984851006",
    name: "EKSEMPEL AS",
    naceCode: "62.100",
    naceVersion: "SN2025",
    naceSection: "K",
    naceDivision: "62",
    municipalityRaw: "3201",
    areaCode: "3201",
    addressRule: "forretningsadresse",
    address: "Eksempelveien 1",
    postalCode: "1337",
    postalPlace: "SANDVIKA",
    employees: 240,
    sizeClass: "100-249",
    ...p,
  });

describe("applying an Endring's JSON Patch to a stored row", () => {
  it("sets a new headcount and its size class from the recorded antallAnsatte change, ignoring the registration dates next to it", () => {
    const r = applyEndringer("enheter", company(), recordedEndringer(25083754), DATO);
    expect(r.status).toBe("patched");
    if (r.status !== "patched") return;
    expect(r.row).toEqual(company({ employees: 7488, sizeClass: "250+" }));
  });

  it("ignores a change the row does not depend on (sisteInnsendteAarsregnskap)", () => {
    expect(applyEndringer("enheter", company(), recordedEndringer(25107591), DATO)).toEqual({ status: "ignored" });
  });

  it("turns a withheld headcount (1–4) into an exact one, and removing the count of a flagged unit back into 1–4", () => {
    const small = company({ employees: null, sizeClass: "1-4" });
    const up = applyEndringer("enheter", small, [{ op: "replace", path: "/antallAnsatte", value: 6 }], DATO);
    expect(up.status === "patched" && [up.row.employees, up.row.sizeClass]).toEqual([6, "5-9"]);
    const down = applyEndringer("enheter", company({ employees: 6, sizeClass: "5-9" }), [{ op: "remove", path: "/antallAnsatte" }], DATO);
    expect(down.status === "patched" && [down.row.employees, down.row.sizeClass]).toEqual([null, "1-4"]);
  });

  it("looks a new industry code up in the standard in force on the event's date", () => {
    const r = applyEndringer("enheter", company(), [{ op: "replace", path: "/naeringskode1/kode", value: "70.200" }], DATO);
    expect(r.status === "patched" && [r.row.naceCode, r.row.naceVersion, r.row.naceSection, r.row.naceDivision]).toEqual([
      "70.200",
      "SN2025",
      "N",
      "70",
    ]);
  });

  it("moves the entity when the address that places it changes municipality (old numbers renumbered)", () => {
    const r = applyEndringer("enheter", company(), [{ op: "replace", path: "/forretningsadresse/kommunenummer", value: "0220" }], DATO);
    expect(r.status === "patched" && [r.row.municipalityRaw, r.row.areaCode]).toEqual(["0220", "3203"]);
  });

  it("maps konkurs, a new name and a liquidation flag turned on", () => {
    const r = applyEndringer(
      "enheter",
      company(),
      [
        { op: "replace", path: "/konkurs", value: true },
        { op: "replace", path: "/navn", value: "NYTT NAVN AS" },
        { op: "replace", path: "/underTvangsavviklingEllerTvangsopplosning", value: true },
      ],
      DATO,
    );
    expect(r.status === "patched" && [r.row.bankrupt, r.row.name, r.row.liquidating]).toEqual([true, "NYTT NAVN AS", true]);
  });

  it("ignores the postadresse of a company placed by its forretningsadresse, and other kinds' addresses of a local unit", () => {
    expect(applyEndringer("enheter", company(), [{ op: "replace", path: "/postadresse/kommunenummer", value: "0301" }], DATO)).toEqual({
      status: "ignored",
    });
    const unit = company({ orgForm: "BEDR", addressRule: "beliggenhetsadresse" });
    expect(applyEndringer("underenheter", unit, [{ op: "replace", path: "/postadresse/kommunenummer", value: "0301" }], DATO)).toEqual({
      status: "ignored",
    });
  });

  it("asks for the entity again when the change cannot be mapped faithfully", () => {
    const cases: [RegisterRow, PatchOperation][] = [
      // a forretningsadresse may now place a company that its postadresse placed
      [company({ addressRule: "postadresse" }), { op: "replace", path: "/forretningsadresse/kommunenummer", value: "3201" }],
      [company(), { op: "replace", path: "/forretningsadresse/landkode", value: "SE" }],
      [company(), { op: "replace", path: "/forretningsadresse/adresse/1", value: "2. etasje" }],
      [company({ liquidating: true }), { op: "replace", path: "/underAvvikling", value: false }],
      [company(), { op: "move", path: "/navn" }],
      [company(), { op: "add", path: "/slettedato", value: "2026-09-01" }],
    ];
    for (const [row, op] of cases) expect(applyEndringer("enheter", row, [op], DATO).status, op.path).toBe("refetch");
  });
});
