// `tsx bench/register/generate.ts [--count N] [--out FILE] [--seed S]`: writes a synthetic national
// hovedenheter file in the shape of Brreg's bulk download (a gzip'ed, pretty-printed JSON array),
// streaming (one record in memory at a time), gzip level 6. Deterministic: the same count and seed
// give the same bytes. Default: 1 100 000 live entities to bench/.data/enheter-national-1100000.json.gz.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createGzip } from "node:zlib";
import { createContext, loadReferenceData, organisationNumbers, prettyJson, syntheticEnhet } from "./synthetic-enheter.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEFAULT_COUNT = 1_100_000;
export const DEFAULT_SEED = 20_251_126;
/** The register date the synthetic data describes: no date in the file is later. */
export const SYNTHETIC_AS_OF = "2026-10-31";

export const defaultFile = (count: number) => path.join(ROOT, "bench/.data", `enheter-national-${count}.json.gz`);

export interface GenerateResult {
  file: string;
  records: number;
  bytes: number;
  rawBytes: number;
  seconds: number;
}

export async function generateRegisterFile(o: { count: number; out: string; seed?: number }): Promise<GenerateResult> {
  const started = performance.now();
  const seed = o.seed ?? DEFAULT_SEED;
  const ctx = createContext(loadReferenceData(ROOT), seed, SYNTHETIC_AS_OF);
  fs.mkdirSync(path.dirname(o.out), { recursive: true });
  const tmp = `${o.out}.partial`;
  const gzip = createGzip({ level: 6 });
  const sink = fs.createWriteStream(tmp);
  const done = new Promise<void>((resolve, reject) => {
    sink.on("finish", resolve);
    sink.on("error", reject);
    gzip.on("error", reject);
  });
  gzip.pipe(sink);
  let rawBytes = 0;
  const write = async (text: string) => {
    rawBytes += Buffer.byteLength(text);
    if (!gzip.write(text)) await new Promise<void>((resolve) => gzip.once("drain", resolve));
  };

  const numbers = organisationNumbers(seed);
  let chunk = "[\n";
  for (let i = 0; i < o.count; i++) {
    const next = numbers.next();
    if (next.done) throw new Error("ran out of organisation numbers");
    chunk += `${i > 0 ? ",\n" : ""}  ${prettyJson(syntheticEnhet(ctx, next.value), 0)}`;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = "";
    }
  }
  chunk += `${o.count > 0 ? "\n" : ""}]\n`;
  await write(chunk);
  gzip.end();
  await done;
  fs.renameSync(tmp, o.out);
  return { file: o.out, records: o.count, bytes: fs.statSync(o.out).size, rawBytes, seconds: (performance.now() - started) / 1000 };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main() {
  const args = process.argv.slice(2);
  const count = Number(argValue(args, "--count") ?? DEFAULT_COUNT);
  if (!Number.isInteger(count) || count < 0) throw new Error("--count must be a whole number");
  const out = path.resolve(argValue(args, "--out") ?? defaultFile(count));
  const seed = Number(argValue(args, "--seed") ?? DEFAULT_SEED);
  const r = await generateRegisterFile({ count, out, seed });
  const mb = (b: number) => (b / 1048576).toFixed(1);
  console.log(
    `${path.relative(process.cwd(), r.file)}: ${r.records.toLocaleString("en-US")} records, ${mb(r.bytes)} MiB gzip (${mb(r.rawBytes)} MiB JSON), ${r.seconds.toFixed(1)} s`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
