import { describe, expect, it } from "vitest";
import { type CsvColumn, CsvError, decodeCsv, parseCsvRecords, parseNbDate, parseNbNumber, readCsvTable, writeCsv } from "./csv.js";

const COLUMNS: CsvColumn<"name" | "date" | "count" | "share" | "done">[] = [
  { key: "name", header: "Navn", type: "text", required: true },
  { key: "date", header: "Dato", type: "date", required: true, aliases: ["Date"] },
  { key: "count", header: "Antall", type: "integer" },
  { key: "share", header: "Andel", type: "decimal" },
  { key: "done", header: "Ferdig", type: "boolean" },
];

const cp1252 = (s: string) =>
  Uint8Array.from([...s].map((c) => ({ æ: 0xe6, ø: 0xf8, å: 0xe5, Æ: 0xc6, Ø: 0xd8, Å: 0xc5, "€": 0x80 })[c] ?? c.charCodeAt(0)));

describe("encoding detection", () => {
  it.each([
    ["UTF-8 with BOM", Buffer.from("\ufeffNavn;Dato\nBærum;01.02.2017\n"), "utf-8", true],
    ["UTF-8 without BOM", Buffer.from("Navn;Dato\nBærum;01.02.2017\n"), "utf-8", false],
    ["Windows-1252 (Excel's CSV (semikolondelt))", cp1252("Navn;Dato\nBærum Økern Åsane €;01.02.2017\n"), "windows-1252", false],
  ])("detects %s", (_label, bytes, encoding, bom) => {
    const r = decodeCsv(bytes);
    expect(r.encoding).toBe(encoding);
    expect(r.bom).toBe(bom);
    expect(r.text).toContain("Bærum");
  });

  it("reads æøå and € from Windows-1252 correctly", () => {
    expect(decodeCsv(cp1252("Æ Ø Å €")).text).toBe("Æ Ø Å €");
  });

  it.each([
    ["UTF-16 LE", Buffer.from([0xff, 0xfe, 0x4e, 0x00]), 1, /UTF-16/],
    ["a NUL byte on line 3", Buffer.from("a;b\nc;d\ne\u0000f\n"), 3, /NUL/],
    ["a byte Windows-1252 leaves undefined, line 2", Uint8Array.from([0x61, 0x0a, 0x62, 0x81, 0x0a]), 2, /0x81/],
    ["broken UTF-8 after a BOM, line 2", Uint8Array.from([0xef, 0xbb, 0xbf, 0x61, 0x0a, 0xc3, 0x28]), 2, /UTF-8/],
  ])("refuses %s with the line number", (_label, bytes, line, message) => {
    let err: unknown;
    try {
      decodeCsv(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CsvError);
    expect((err as CsvError).line).toBe(line);
    expect((err as CsvError).message).toMatch(message);
  });
});

describe("records", () => {
  it("handles quotes, doubled quotes, separators and newlines inside quotes, and CRLF", () => {
    const recs = parseCsvRecords('a;b\r\n"x;y";"he said ""hi"""\r\n"two\r\nlines";z\r\n\r\nlast;1');
    expect(recs).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x;y", 'he said "hi"'] },
      { line: 3, cells: ["two\r\nlines", "z"] },
      { line: 6, cells: ["last", "1"] },
    ]);
  });

  it("reports an unclosed quote at the line where the record starts", () => {
    expect(() => parseCsvRecords('a;b\nc;"never closed\nmore')).toThrow(/line 2/);
  });
});

describe("nb-NO values", () => {
  it.each([
    ["1 234,5", 1234.5],
    ["1\u00a0234,5", 1234.5],
    ["1.234,5", 1234.5],
    ["12,6", 12.6],
    ["12.6", 12.6],
    ["−3", -3],
    ["250", 250],
  ])("parses the number %s", (raw, n) => expect(parseNbNumber(raw)).toBe(n));

  it.each(["12,6,1", "abc", "1 2 3,4,5"])("refuses %s as a number", (raw) => expect(() => parseNbNumber(raw)).toThrow());

  it.each([
    ["26.11.2026", "2026-11-26"],
    ["1.2.2017", "2017-02-01"],
    ["2017-02-01", "2017-02-01"],
  ])("parses the date %s", (raw, iso) => expect(parseNbDate(raw)).toBe(iso));

  it.each(["31.02.2017", "26.11.26", "2017/02/01"])("refuses %s as a date", (raw) => expect(() => parseNbDate(raw)).toThrow());
});

describe("typed tables", () => {
  it("maps headers case-insensitively and by alias, and types every cell", () => {
    const csv = "navn;DATE;Antall;Andel;Ferdig\nBesøk hos Equinor;15.03.2017;3;0,5;ja\nMøte;01.04.2017;;;\n";
    const t = readCsvTable(Buffer.from(csv), COLUMNS);
    expect(t.errors).toEqual([]);
    expect(t.rows).toEqual([
      { line: 2, values: { name: "Besøk hos Equinor", date: "2017-03-15", count: 3, share: 0.5, done: true } },
      { line: 3, values: { name: "Møte", date: "2017-04-01", count: null, share: null, done: false } },
    ]);
  });

  it("reports every bad cell with its line and column", () => {
    const csv = "Navn;Dato;Antall\nA;32.01.2017;1\n;01.01.2017;x\nC;01.01.2017;2,5\n";
    const t = readCsvTable(Buffer.from(csv), COLUMNS);
    expect(t.errors).toEqual([
      { line: 2, column: "Dato", message: expect.stringMatching(/not a real date/) },
      { line: 3, column: "Navn", message: "required" },
      { line: 3, column: "Antall", message: expect.stringMatching(/not a number/) },
      { line: 4, column: "Antall", message: expect.stringMatching(/whole number/) },
    ]);
  });

  it("names a missing required column", () => {
    const t = readCsvTable(Buffer.from("Navn;Antall\nA;1\n"), COLUMNS);
    expect(t.errors).toEqual([{ line: 1, column: "Dato", message: 'missing column "Dato"' }]);
  });

  it("accepts an explicit column mapping for a case system's own headers", () => {
    const t = readCsvTable(Buffer.from("Tittel;Vedtaksdato\nA;01.01.2017\n"), COLUMNS, {
      mapping: { name: "Tittel", date: "Vedtaksdato" },
    });
    expect(t.rows[0]?.values).toMatchObject({ name: "A", date: "2017-01-01" });
  });
});

describe("export and round trip", () => {
  const rows = [
    { name: 'Quote " and ; separator', date: "2017-03-15", count: 3, share: 1234.5, done: true },
    { name: "=SUM(A1:A2)", date: "2016-12-31", count: null, share: null, done: false },
    { name: "Linje\nskift", date: "2015-01-01", count: 0, share: -2.25, done: false },
  ];

  it("writes UTF-8 with BOM, ';', CRLF, dd.mm.yyyy and decimal comma, and defuses formulas", () => {
    const buf = writeCsv(COLUMNS, rows);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.subarray(3).toString("utf8");
    expect(text.split("\r\n")[0]).toBe("Navn;Dato;Antall;Andel;Ferdig");
    expect(text).toContain('"Quote "" and ; separator";15.03.2017;3;1234,5;ja');
    expect(text).toContain("'=SUM(A1:A2);31.12.2016;;;nei");
  });

  it("reads its own export back to the same rows (UTF-8)", () => {
    const back = readCsvTable(writeCsv(COLUMNS, rows), COLUMNS);
    expect(back.errors).toEqual([]);
    expect(back.rows.map((r) => r.values)).toEqual(rows);
  });

  it("reads the same table saved by Excel as Windows-1252", () => {
    const text = writeCsv(COLUMNS, [{ name: "Høvik Åsane", date: "2017-03-15", count: 1, share: 0.5, done: true }])
      .subarray(3)
      .toString("utf8");
    const back = readCsvTable(cp1252(text), COLUMNS);
    expect(back.encoding).toBe("windows-1252");
    expect(back.rows[0]?.values.name).toBe("Høvik Åsane");
  });
});
