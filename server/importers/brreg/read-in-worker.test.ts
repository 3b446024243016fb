import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { type LoaderBatch, readRegisterFileInWorkers } from "./read-in-worker.js";

const ENHETER = path.resolve("data/register/demo/enheter_2022-06_utvalg_10288.json.gz");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "nk-readers-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function readAll(file: string, readers: number) {
  const reader = readRegisterFileInWorkers(file, { batchSize: 700 }, readers);
  const batches: LoaderBatch[] = [];
  for await (const b of reader) batches.push(b);
  const lines = batches.flatMap((b) => b.csv.split("\n").filter((l) => l !== "")).sort();
  const problems = batches.flatMap((b) => b.problems);
  const aggregates = reader.aggregates?.map((a) => JSON.stringify(a)).sort() ?? null;
  return { lines, problems, aggregates, summary: reader.summary };
}

// Each case starts worker threads that load TypeScript and read 10 288 records, several times:
// seconds on a busy two-core machine, so not the unit suite's 5 s default.
describe("reading a register file with several reader threads", { timeout: 60_000 }, () => {
  it("gives the same rows, problems and figures as one reader", async () => {
    const one = await readAll(ENHETER, 1);
    const three = await readAll(ENHETER, 3);
    expect(one.lines).toHaveLength(10_288);
    expect(three.lines).toEqual(one.lines);
    expect(three.aggregates).toEqual(one.aggregates);
    expect(three.problems.map((p) => `${p.line}:${p.code}`).sort()).toEqual(one.problems.map((p) => `${p.line}:${p.code}`).sort());
    expect(three.summary).toMatchObject({ read: 10_288, rows: 10_288, rejected: 0, kind: "enheter", naceVersion: "SN2007" });
  });

  it("drops an organisation number repeated in another reader's share, with its line, and leaves the figures to SQL", async () => {
    // Record 700 (block 1 with blocks of 700: the second reader's) again at the end of the file
    // (block 14: the first reader's).
    const records = JSON.parse(gunzipSync(fs.readFileSync(ENHETER)).toString("utf8")) as { organisasjonsnummer: string }[];
    const again = records[700] as { organisasjonsnummer: string };
    const doubled = JSON.stringify([...records, again], null, 2);
    const file = path.join(tmp, "dup.json");
    fs.writeFileSync(file, doubled);
    const lineOf = (i: number) => doubled.slice(0, i).split("\n").length;
    const key = `"organisasjonsnummer": "${again.organisasjonsnummer}"`;
    // The record starts on the line before its first key.
    const lines = [lineOf(doubled.indexOf(key)) - 1, lineOf(doubled.lastIndexOf(key)) - 1];
    const r = await readAll(file, 2);
    expect(r.lines).toHaveLength(10_288);
    expect(r.summary).toMatchObject({ read: 10_289, rows: 10_288, rejected: 1 });
    const dup = r.problems.filter((p) => p.code === "duplicate_orgnr");
    expect(dup).toHaveLength(1);
    expect(lines).toContain(dup[0]?.line);
    expect(r.aggregates).toBeNull();
  });
});
