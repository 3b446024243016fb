import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { RecordProblem, RegisterRow } from "../../../core/register/types.js";
import { RegisterFileError } from "./errors.js";
import { encodeCopyRow, type ReadRegisterOptions, type RegisterFileSummary, readRegisterFile } from "./read-file.js";

const DEMO_ENHETER = "data/register/demo/enheter_2022-06_utvalg_10288.json.gz";
const DEMO_UNDERENHETER = "data/register/demo/underenheter_utvalg_20000.csv.gz";
const TODAY = "2026-11-26";

async function readAll(source: string | Readable, opts: ReadRegisterOptions = {}) {
  const file = readRegisterFile(source, { today: TODAY, ...opts });
  const rows: RegisterRow[] = [];
  const problems: RecordProblem[] = [];
  const batches: { rows: number; read: number; csvLines: number }[] = [];
  for await (const b of file) {
    rows.push(...b.rows);
    problems.push(...b.problems);
    batches.push({ rows: b.rows.length, read: b.read, csvLines: b.csv === "" ? 0 : b.csv.split("\n").length - 1 });
  }
  return { rows, problems, batches, summary: file.summary as RegisterFileSummary };
}

const count = (rows: RegisterRow[], pred: (r: RegisterRow) => boolean) => rows.filter(pred).length;

describe("readRegisterFile on the real extracts", () => {
  it("hovedenheter 2022 (gzip JSON): kind, format and SN2007 detected; Bærum 304 (290 by forretningsadresse, 14 by postadresse)", async () => {
    const { rows, problems, batches, summary } = await readAll(DEMO_ENHETER, { batchSize: 4000 });
    expect(summary).toMatchObject({
      kind: "enheter",
      format: "json",
      compressed: true,
      naceVersion: "SN2007",
      naceVersionSource: "detected",
      read: 10288,
      rows: 10288,
      rejected: 0,
      maxDataDate: "2022-06-16",
    });
    // Numbers established with jq/python on the source file (see the report of issue #4):
    expect(count(rows, (r) => r.areaCode === "3201")).toBe(304);
    expect(count(rows, (r) => r.areaCode === "3201" && r.addressRule === "forretningsadresse")).toBe(290);
    expect(count(rows, (r) => r.areaCode === "3201" && r.addressRule === "postadresse")).toBe(14);
    expect(count(rows, (r) => r.areaCode === "3203")).toBe(181); // Asker 3025
    // 907 entities have a forretningsadresse abroad, 66 no address with a municipality at all.
    expect(count(rows, (r) => r.municipalityRaw === null)).toBe(907 + 66);
    // Ålesund 1507 was split in 2024 (1508 Ålesund, 1580 Haram): 96 entities cannot be placed;
    // 3 are on Svalbard (2100), which is no municipality.
    expect(summary.problemCounts).toEqual({ split_municipality: 96, unknown_municipality: 3 });
    expect(problems.filter((p) => p.code === "split_municipality").every((p) => p.severity === "warning")).toBe(true);
    expect(count(rows, (r) => r.naceCode !== null)).toBe(9651);
    expect(count(rows, (r) => r.naceCode === "00.000" && r.naceSection === null)).toBe(420);
    expect(count(rows, (r) => r.naceCode !== null && r.naceCode !== "00.000" && r.naceSection === null)).toBe(0);
    expect(count(rows, (r) => r.bankrupt)).toBe(45);
    expect(count(rows, (r) => r.liquidating)).toBe(56);
    expect(count(rows, (r) => r.startedOn !== null)).toBe(4572);
    expect(count(rows, (r) => (r.employees ?? 0) > 0)).toBe(1220);
    expect(rows.reduce((s, r) => s + (r.employees ?? 0), 0)).toBe(3692);
    expect(batches).toEqual([
      { rows: 4000, read: 4000, csvLines: 4000 },
      { rows: 4000, read: 8000, csvLines: 4000 },
      { rows: 2288, read: 10288, csvLines: 2288 },
    ]);
  });

  it("underenheter (gzip CSV): kind, format and SN2025 detected; Bærum 459; antallAnsatte sum 48 991", async () => {
    const { rows, problems, summary } = await readAll(DEMO_UNDERENHETER);
    expect(summary).toMatchObject({
      kind: "underenheter",
      format: "csv",
      compressed: true,
      naceVersion: "SN2025",
      read: 20000,
      rows: 20000,
      rejected: 0,
      maxDataDate: "2026-07-14",
    });
    expect(count(rows, (r) => r.areaCode === "3201")).toBe(459);
    expect(count(rows, (r) => r.areaCode === "3203")).toBe(336);
    expect(count(rows, (r) => r.areaCode === "0301")).toBe(3370);
    expect(count(rows, (r) => r.addressRule === null && r.areaCode === null)).toBe(788);
    expect(count(rows, (r) => r.orgForm === "BEDR")).toBe(14435);
    expect(count(rows, (r) => r.parentOrgnr !== null)).toBe(20000);
    expect(rows.reduce((s, r) => s + (r.employees ?? 0), 0)).toBe(48991);
    expect(count(rows, (r) => r.naceCode === "00.000")).toBe(115);
    // Brreg still publishes SN2007 subclasses 43.221/43.222/43.223 (77 + 32 + 11) under SN2025.
    // 20 units are on Svalbard (2100).
    expect(summary.problemCounts).toEqual({ nace_code_not_listed: 120, unknown_municipality: 20 });
    const notListed = problems.filter((p) => p.code === "nace_code_not_listed");
    expect(new Set(notListed.map((p) => /industry code (\S+)/.exec(p.message)?.[1]))).toEqual(new Set(["43.221", "43.222", "43.223"]));
    // The Bærum units' address lines: a quoted CSV field with a line break becomes "a, b".
    expect(rows.find((r) => r.orgnr === "811553662")).toMatchObject({
      name: "NETS DENMARK A/S NUF",
      address: "Lysaker torg 45",
      naceCode: "62.200",
    });
    expect(count(rows, (r) => r.areaCode === "3201" && (r.address ?? "").includes("Ramstadsletta 15"))).toBeGreaterThan(0);
    expect(rows.some((r) => r.address === "3. etasje, Ramstadsletta 15")).toBe(true);
  });

  it("uses the options given instead of detecting", async () => {
    const { summary, rows } = await readAll(DEMO_ENHETER, { naceVersion: "SN2025", kind: "enheter" });
    expect(summary).toMatchObject({ naceVersion: "SN2025", naceVersionSource: "option" });
    expect(rows[0]?.naceVersion).toBe("SN2025");
    expect(summary.problemCounts.unknown_nace_code).toBeGreaterThan(0);
  });
});

describe("readRegisterFile problems", () => {
  it("reports each bad record of a JSON file with its line and loads the rest", async () => {
    const { rows, problems, summary } = await readAll("test/fixtures/brreg/synthetic-enheter-problems.json", { naceVersion: "SN2007" });
    expect(problems.map((p) => [p.line, p.severity, p.code, p.orgnr])).toEqual([
      [31, "error", "malformed_json", "999900011"],
      [59, "error", "invalid_orgnr", "999900004"],
      [87, "warning", "unknown_nace_code", "999900038"],
      [115, "error", "duplicate_orgnr", "999900003"],
      [205, "error", "malformed_json", "999900062"],
      [233, "warning", "invalid_date", "999900070"],
    ]);
    expect(problems[0]?.message).toMatch(/at line 34$/); // the missing comma after "navn"
    expect(rows.map((r) => r.orgnr)).toEqual(["999900003", "999900038", "999900046", "999900054", "999900070"]);
    expect(rows[0]).toMatchObject({ name: "SYNTETISK EN AS", areaCode: "3201", employees: 5, startedOn: "2019-12-01" });
    expect(rows[1]).toMatchObject({ naceCode: "04.100", naceSection: null, naceDivision: null });
    expect(rows[2]).toMatchObject({ orgForm: "FLI", naceCode: "00.000", naceSection: null, areaCode: "3201", addressRule: "postadresse" });
    expect(rows[3]).toMatchObject({ orgForm: "NUF", areaCode: null, addressRule: null, address: "1 Synthetic Street" });
    expect(rows[4]).toMatchObject({ startedOn: null, parentOrgnr: "999900089" });
    expect(summary).toMatchObject({ kind: "enheter", format: "json", compressed: false, read: 9, rows: 5, rejected: 4, warnings: 2 });
    expect(summary.problemCounts).toEqual({
      malformed_json: 2,
      invalid_orgnr: 1,
      unknown_nace_code: 1,
      duplicate_orgnr: 1,
      invalid_date: 1,
    });
  });

  it("reports each bad record of a CSV file with its line and loads the rest", async () => {
    const { rows, problems, summary } = await readAll("test/fixtures/brreg/synthetic-underenheter-problems.csv");
    expect(problems.map((p) => [p.line, p.severity, p.code, p.orgnr])).toEqual([
      [4, "error", "wrong_field_count", "999900046"],
      [5, "error", "invalid_orgnr", "999900004"],
      [7, "warning", "unknown_nace_code", "999900038"],
      [8, "error", "duplicate_orgnr", "999900003"],
    ]);
    expect(rows.map((r) => r.orgnr)).toEqual(["999900003", "999900011", "999900038"]);
    expect(rows[0]).toMatchObject({
      name: 'SYNTETISK "SITAT", AVD SANDVIKA',
      address: "c/o Syntetisk, Syntetisk vei 2",
      areaCode: "3201",
      employees: 12,
      sizeClass: "10-19",
    });
    expect(rows[1]).toMatchObject({ orgForm: "AAFY", areaCode: null, addressRule: null, naceCode: "00.000" });
    expect(summary).toMatchObject({
      kind: "underenheter",
      format: "csv",
      naceVersion: "SN2025",
      read: 6,
      rows: 3,
      rejected: 3,
      warnings: 1,
    });
  });

  it("throws a RegisterFileError naming the line for a truncated gzip file", async () => {
    const gz = readFileSync(DEMO_ENHETER);
    const cut = Readable.from([gz.subarray(0, 300_000)]);
    const err = await readAll(cut).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegisterFileError);
    expect((err as Error).message).toMatch(/^Line \d+: the gzip file is truncated/);
  });

  it("throws a RegisterFileError naming the line for a Windows-1252 CSV", async () => {
    const err = await readAll("test/fixtures/brreg/synthetic-underenheter-windows-1252.csv").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegisterFileError);
    expect((err as RegisterFileError).line).toBe(3);
  });
});

describe("encodeCopyRow", () => {
  it("encodes COPY CSV: text quoted, null empty and unquoted, booleans t/f, the row hash last", () => {
    const row: RegisterRow = {
      orgnr: "913460197",
      name: 'A "B", C\nD',
      orgForm: "AS",
      naceCode: null,
      naceVersion: null,
      naceSection: null,
      naceDivision: null,
      kisGroup: null,
      municipalityRaw: "3024",
      areaCode: "3201",
      addressRule: "forretningsadresse",
      address: null,
      postalCode: "0150",
      postalPlace: null,
      employees: 0,
      sizeClass: "0",
      registeredOn: "2014-04-03",
      startedOn: null,
      parentOrgnr: null,
      sectorCode: null,
      bankrupt: true,
      liquidating: false,
      closedOn: null,
    };
    const fields = '"913460197","A ""B"", C\nD","AS",,,,,,"3024","3201","forretningsadresse",,"0150",,0,"0","2014-04-03",,,,t,f,';
    const hash = createHash("md5").update(fields).digest("base64");
    expect(encodeCopyRow(row)).toBe(`${fields},"${hash}"`);
    // The hash changes with any field.
    expect(encodeCopyRow({ ...row, employees: 1 })).not.toBe(encodeCopyRow(row));
  });
});
