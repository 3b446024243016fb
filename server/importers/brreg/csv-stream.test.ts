import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CsvItem, readCsvRecords } from "./csv-stream.js";
import { RegisterFileError } from "./errors.js";
import { openRegisterBytes } from "./input.js";

const DEMO_UNDERENHETER = "data/register/demo/underenheter_utvalg_20000.csv.gz";

async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<CsvItem[]> {
  const out: CsvItem[] = [];
  for await (const items of readCsvRecords(source)) out.push(...items);
  return out;
}

const rows = (items: CsvItem[]) => items.map((i) => (i.value ? [i.line, i.value.toObject()] : [i.line, i.error]));

describe("readCsvRecords", () => {
  it("reads quoted fields with commas, quotes and line breaks, keeping each record's first line, at any chunk size", async () => {
    const csv = 'a.b,c,d\r\n1,"x, ""y""",z\r\n2,"line 1\nline 2",\n\n3,,"ø"\n';
    for (const size of [1, 2, 3, 7, 4096]) {
      expect(rows(await collect(chunked(Buffer.from(csv), size)))).toEqual([
        [2, { "a.b": "1", c: 'x, "y"', d: "z" }],
        [3, { "a.b": "2", c: "line 1\nline 2", d: "" }],
        [6, { "a.b": "3", c: "", d: "ø" }],
      ]);
    }
  });

  it("accepts a UTF-8 byte-order mark and a last line without a line feed", async () => {
    const csv = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("a,b\n1,2")]);
    expect(rows(await collect(chunked(csv, 1)))).toEqual([[2, { a: "1", b: "2" }]]);
  });

  it("reports a row with the wrong number of fields by its line and reads on", async () => {
    const csv = 'a,b\n1,2\n999900003,"two\nlines",3\n4,5\n';
    expect(rows(await collect(chunked(Buffer.from(csv), 5)))).toEqual([
      [2, { a: "1", b: "2" }],
      [3, "expected 2 fields (as in the header), found 3"],
      [5, { a: "4", b: "5" }],
    ]);
    const bad = (await collect(chunked(Buffer.from(csv), 5)))[1];
    expect(bad).toMatchObject({ orgnr: "999900003" });
  });

  it("rejects a Windows-1252 file, naming the first line that is not UTF-8", async () => {
    const bytes = readFileSync("test/fixtures/brreg/synthetic-underenheter-windows-1252.csv");
    for (const size of [7, 1 << 20]) {
      const err = await collect(chunked(bytes, size)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RegisterFileError);
      expect((err as RegisterFileError).line).toBe(3);
      expect((err as Error).message).toMatch(/^Line 3: the file is not valid UTF-8 \(is it a Windows-1252/);
    }
  });

  it("throws when the file ends inside a quoted field", async () => {
    const err = await collect(chunked(Buffer.from('a,b\n1,2\n3,"open\nmore\n'), 4)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegisterFileError);
    expect((err as Error).message).toMatch(/ends inside a quoted field of the record starting at line 3/);
  });

  it("reads the real underenheter extract: 20 000 records, Bærum 459, antallAnsatte on 2 091 rows summing to 48 991", async () => {
    const items = await collect(openRegisterBytes(DEMO_UNDERENHETER));
    expect(items).toHaveLength(20000);
    let baerum = 0;
    let withEmployees = 0;
    let employees = 0;
    for (const item of items) {
      if (!item.value) throw new Error(`unexpected problem at line ${item.line}: ${item.error}`);
      if (item.value.get("beliggenhetsadresse.kommunenummer") === "3201") baerum++;
      const a = item.value.get("antallAnsatte");
      if (a) {
        withEmployees++;
        employees += Number(a);
      }
    }
    expect([baerum, withEmployees, employees]).toEqual([459, 2091, 48991]);
    expect(items[0]).toMatchObject({ line: 2 });
    expect(items[0]?.value?.get("organisasjonsnummer")).toBe("811545082");
    // 6 284 line breaks inside quoted address fields: the last record starts on line 26 285 (wc -l).
    expect(items.at(-1)?.line).toBe(26285);
    expect(items.at(-1)?.value?.get("organisasjonsnummer")).toBe("825842322");
  });
});
