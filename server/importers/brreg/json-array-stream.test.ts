import { readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { RegisterFileError } from "./errors.js";
import { openRegisterBytes } from "./input.js";
import { type JsonArrayItem, splitJsonArray } from "./json-array-stream.js";

const DEMO_ENHETER = "data/register/demo/enheter_2022-06_utvalg_10288.json.gz";

/** Feeds `text` in chunks of `size` bytes (to cross every boundary the scanner has). */
async function* chunked(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<JsonArrayItem[]> {
  const out: JsonArrayItem[] = [];
  for await (const items of splitJsonArray(source)) out.push(...items);
  return out;
}

async function failure(source: AsyncIterable<Uint8Array>): Promise<RegisterFileError> {
  try {
    await collect(source);
  } catch (e) {
    if (e instanceof RegisterFileError) return e;
    throw e;
  }
  throw new Error("expected a RegisterFileError");
}

const text = (s: string) => Buffer.from(s, "utf8");

describe("splitJsonArray", () => {
  it("splits a pretty-printed array into records with the line each starts on, whatever the chunk size", async () => {
    const json = '[\n  {\n  "a" : "x{y}\\"z\\\\",\n  "b" : [ { "c" : 1 } ]\n},\n  {\n  "a" : "ø"\n}\n]\n';
    for (const size of [1, 2, 3, 5, 7, 64, 4096]) {
      const items = await collect(chunked(text(json), size));
      expect(items).toEqual([
        { line: 2, value: { a: 'x{y}"z\\', b: [{ c: 1 }] } },
        { line: 6, value: { a: "ø" } },
      ]);
    }
  });

  it("reads minified JSON, an empty array and a leading BOM", async () => {
    expect(await collect(chunked(text('[{"a":1},{"a":2}]'), 3))).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 1, value: { a: 2 } },
    ]);
    expect(await collect(chunked(text("  [ ]  \n"), 2))).toEqual([]);
    expect(await collect(chunked(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text('[{"a":1}]')]), 1))).toEqual([
      { line: 1, value: { a: 1 } },
    ]);
  });

  it("reports a malformed record with its line and continues with the next", async () => {
    const json = '[\n{\n"organisasjonsnummer" : "999900003"\n"navn" : "x"\n},\n{\n"a" : 2\n}\n]';
    const items = await collect(chunked(text(json), 4));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ line: 2, orgnr: "999900003" });
    expect(items[0]?.error).toMatch(/^malformed JSON: .* at line 4$/);
    expect(items[1]).toEqual({ line: 6, value: { a: 2 } });
  });

  it("recovers after a string that is never closed on its line", async () => {
    const json = '[\n{\n"navn" : "open,\n"b" : 1\n},\n{\n"a" : 2\n}\n]';
    const items = await collect(chunked(text(json), 3));
    expect(items.map((i) => [i.line, i.error === undefined])).toEqual([
      [2, false],
      [6, true],
    ]);
  });

  it.each([
    ["a CSV file", "organisasjonsnummer,navn\n1,2\n", 1, /not a JSON array/],
    ["an object", '\n{"a":1}', 2, /not a JSON array/],
    ["garbage between records", '[\n{"a":1}\nxyz\n]', 3, /unexpected 'x' between records/],
    ["a number as a record", "[\n1\n]", 2, /expected a record/],
    ["a trailing comma", '[{"a":1},\n]', 2, /expected the next record/],
    ["data after the array", '[{"a":1}]\n[', 2, /after the closing '\]'/],
    ["a stream that ends inside a record", '[\n{"a":1},\n{\n"b" : "x', 4, /ends inside the record starting at line 3/],
    ["a missing ']'", '[\n{"a":1}\n', 3, /before the closing '\]'/],
    ["an empty file", "", 1, /empty/],
  ])("throws a RegisterFileError for %s, naming the line", async (_name, json, line, message) => {
    const err = await failure(chunked(text(json), 2));
    expect(err.line).toBe(line);
    expect(err.message).toMatch(message);
    expect(err.message.startsWith(`Line ${line}: `)).toBe(true);
  });

  it("reads the real hovedenheter extract (gzip detected by its magic bytes): 10 288 records", async () => {
    const items = await collect(openRegisterBytes(DEMO_ENHETER));
    expect(items).toHaveLength(10288);
    expect(items.every((i) => i.error === undefined)).toBe(true);
    expect(items[0]).toMatchObject({ line: 2, value: { organisasjonsnummer: "911963582", navn: "- TTT- WINES TORE EUGEN KRISTIANSEN" } });
    // The last record, "ALPHA UNION INVEST LIMITED": `grep -n` puts its navn on line 392 559.
    expect(items.at(-1)).toMatchObject({ line: 392557, value: { organisasjonsnummer: "921879245" } });
  });

  it("throws for a truncated gzip file, naming the line reached", async () => {
    const gz = readFileSync(DEMO_ENHETER);
    const cut = Readable.from(chunked(gz.subarray(0, Math.floor(gz.length / 2)), 65536));
    const err = await failure(openRegisterBytes(cut));
    expect(err.message).toMatch(/gzip file is truncated \(unexpected end of file\)/);
    expect(err.line).toBeGreaterThan(1000);
  });

  it("throws a truncation error (not a gzip error) when a complete gzip stream holds a cut-off array", async () => {
    const gz = gzipSync(text('[\n{"a":1},\n{"a":'));
    const err = await failure(openRegisterBytes(Readable.from([gz])));
    expect(err.message).toMatch(/^Line 3: the file ends inside the record starting at line 3/);
  });

  it("refuses a record larger than the limit instead of buffering without bound", async () => {
    const big = `[{"a":"${"x".repeat(5000)}"}]`;
    const read = async () => {
      for await (const _ of splitJsonArray(chunked(text(big), 100), { maxRecordBytes: 1000 })) {
        // nothing: the first record is too large
      }
    };
    await expect(read()).rejects.toThrow(
      /^Line 1: the record starting here is larger than 1000 bytes: the file is probably not valid JSON$/,
    );
    expect(await collect(chunked(text(big), 100))).toHaveLength(1);
  });
});
