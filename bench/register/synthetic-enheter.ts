/**
 * Synthetic hovedenheter in the shape of Brreg's bulk download (`/enhetsregisteret/api/enheter/lastned`):
 * deterministic (a seeded PRNG), live entities only, valid and unique organisation numbers, and a
 * skew like the real register's: municipalities by a Zipf-like weight (Oslo largest), industries
 * from the real SN2025 subclasses with the common ones boosted, organisation forms (ENK ≈ 45 %,
 * AS ≈ 40 %, …), headcounts heavy-tailed (most none; 1–4 only as a flag, as in recent files).
 * Used by bench/register/generate.ts; reads the bundled reference data under data/register/.
 */
import fs from "node:fs";
import path from "node:path";

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks from weighted items with a cumulative table and binary search. */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  private readonly total: number;
  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i] as number;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }
  pick(rand: () => number): T {
    const x = rand() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo] as T;
  }
}

const WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** The mod-11 check digit of an 8-digit organisation number prefix, or null when it would be 10. */
export function orgnrCheckDigit(prefix: number): number | null {
  let sum = 0;
  let p = prefix;
  for (let i = 7; i >= 0; i--) {
    sum += (p % 10) * (WEIGHTS[i] as number);
    p = Math.floor(p / 10);
  }
  const r = 11 - (sum % 11);
  if (r === 11) return 0;
  if (r === 10) return null;
  return r;
}

/**
 * Unique, valid organisation numbers in a scattered order: prefixes 80 000 000–99 999 999 visited
 * by a full-period affine permutation (i·a + b mod 20 000 000, a coprime to the range), skipping
 * prefixes whose check digit would be 10. No set of seen numbers needed.
 */
export function* organisationNumbers(seed: number): Generator<string> {
  const RANGE = 20_000_000;
  const a = 12_345_679; // odd, not a multiple of 5: coprime to 2^8 · 5^7
  const b = seed % RANGE;
  for (let i = 0; i < RANGE; i++) {
    const prefix = 80_000_000 + ((i * a + b) % RANGE);
    const check = orgnrCheckDigit(prefix);
    if (check !== null) yield `${prefix}${check}`;
  }
}

export interface ReferenceData {
  municipalities: { code: string; name: string }[];
  nace: { code: string; name: string }[];
}

/** Today's municipalities (Klass 131) and the SN2025 subclasses, from the repository's data/register/. */
export function loadReferenceData(root: string): ReferenceData {
  const kommunerFile = path.join(root, "data/register/kommuner/klass131_codes_2026-01-01.json");
  const naceFile = path.join(root, "data/register/nace/sn2025_codes.csv");
  for (const f of [kommunerFile, naceFile]) {
    if (!fs.existsSync(f)) throw new Error(`missing reference data ${path.relative(root, f)}`);
  }
  const codes = (JSON.parse(fs.readFileSync(kommunerFile, "utf8")) as { codes: { code: string; name: string }[] }).codes;
  const municipalities = codes
    .filter((c) => c.code !== "9999")
    .map((c) => ({ code: c.code, name: (c.name.split(" - ")[0] ?? c.name).replace(/ \(.*\)$/, "").toUpperCase() }));
  const nace: { code: string; name: string }[] = [];
  const lines = fs.readFileSync(naceFile, "utf8").split(/\r?\n/).slice(1);
  for (const line of lines) {
    if (!line) continue;
    const f = splitCsvLine(line);
    if (f[2] === "5" && f[0] && f[3]) nace.push({ code: f[0], name: f[3] });
  }
  return { municipalities, nace };
}

export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) throw new Error(`unterminated quote in ${line}`);
        v += line.slice(i, q);
        if (line[q + 1] === '"') {
          v += '"';
          i = q + 2;
        } else {
          i = q + 2; // past the quote and the comma
          break;
        }
      }
      out.push(v);
    } else {
      const c = line.indexOf(",", i);
      const end = c < 0 ? line.length : c;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

/** The largest municipalities by number of enterprises, in (approximate) order; the rest follow shuffled. */
// biome-ignore format: a list
const LARGEST = [
  "0301", "4601", "5001", "1103", "3201", "4204", "3203", "3205", "3301", "1108", "5501", "3107", "3207", "1804",
  "1508", "3105", "3905", "3909", "3907", "4003", "3411", "3403", "3103", "1106", "4203", "3209", "1149", "4001",
];

/** Organisation forms: code, description, share (%), sector code and description. */
const FORMS: [string, string, number, string | null, string | null][] = [
  ["ENK", "Enkeltpersonforetak", 45, "8200", "Personlig næringsdrivende"],
  ["AS", "Aksjeselskap", 40, "2100", "Private aksjeselskaper mv."],
  ["FLI", "Forening/lag/innretning", 6.5, "7000", "Ideelle organisasjoner"],
  ["NUF", "Norskregistrert utenlandsk foretak", 2.4, null, null],
  ["BRL", "Borettslag", 1.6, "8300", "Borettslag o.l."],
  ["DA", "Selskap med delt ansvar", 1.2, "2300", "Personlige foretak"],
  ["ANS", "Ansvarlig selskap", 0.7, "2300", "Personlige foretak"],
  ["SA", "Samvirkeforetak", 0.6, "2100", "Private aksjeselskaper mv."],
  ["STI", "Stiftelse", 0.6, "7000", "Ideelle organisasjoner"],
  ["ESEK", "Eierseksjonssameie", 1.0, null, null],
  ["SAM", "Tingsrettslig sameie", 0.3, null, null],
  ["ASA", "Allmennaksjeselskap", 0.02, "2100", "Private aksjeselskaper mv."],
  ["KOMM", "Kommune", 0.03, "6500", "Kommuneforvaltningen"],
  ["ORGL", "Organisasjonsledd", 0.1, "6500", "Kommuneforvaltningen"],
];

/** Industries boosted above the long tail (SN2025 codes; the SN2007 68.209 and 70.220 became 68.200 and 70.200). */
// biome-ignore format: a table
const COMMON_NACE: [string, number][] = [
  ["68.200", 80], ["64.220", 45], ["70.200", 45], ["62.100", 25], ["41.000", 25], ["90.310", 20], ["43.320", 18],
  ["96.210", 15], ["86.901", 12], ["49.320", 12], ["01.410", 10], ["43.340", 10], ["56.110", 12], ["74.120", 10],
  ["81.210", 10], ["47.110", 6], ["47.710", 8], ["47.780", 6], ["47.910", 10], ["69.202", 8], ["71.129", 8],
  ["43.210", 8], ["43.220", 6], ["85.510", 6], ["74.200", 6],
];

// biome-ignore format: data
const FIRST = ["OLE", "KARI", "ANNE", "PER", "LARS", "INGRID", "ÅSE", "BJØRN", "SIGRID", "JØRGEN", "MARIT", "ERIK", "NORA", "HÅKON", "LIV", "EMIL", "SOLVEIG", "ANDREAS", "TONE", "MOHAMMAD"];
// biome-ignore format: data
const LAST = ["HANSEN", "JOHANSEN", "OLSEN", "LARSEN", "ANDERSEN", "PEDERSEN", "NILSEN", "KRISTIANSEN", "JENSEN", "KARLSEN", "JOHNSEN", "PETTERSEN", "ERIKSEN", "BERG", "HAUGEN", "HAGEN", "JOHANNESSEN", "ANDREASSEN", "JACOBSEN", "DAHL", "LØKKEN", "SÆTHER", "BRÅTEN"];
// biome-ignore format: data
const WORDS = ["NORD", "FJORD", "BYGG", "DATA", "INVEST", "EIENDOM", "KONSULT", "HOLDING", "TRANSPORT", "ELEKTRO", "RØR", "DESIGN", "HELSE", "MEDIA", "TEKNIKK", "VEST", "ØST", "SKOG", "HAV", "FJELL", "LYS", "GRØNN", "SMÅ", "KRAFT", "MARIN", "BÆR", "SOL", "STEIN"];
// biome-ignore format: data
const STREETS = ["Storgata", "Kirkeveien", "Skolegata", "Industriveien", "Sandviksveien", "Strandveien", "Fjordveien", "Bjørkeveien", "Åsveien", "Grønland", "Kongens gate", "Løkkeveien", "Hasselveien", "Parkveien", "Sjøgata"];
const TRADES = ["", "", "", "FRISØR ", "SNEKKER ", "TAKST ", "RÅDGIVER ", "FOTO ", "MALER "];

export interface GenerationContext {
  rand: () => number;
  municipality: WeightedPicker<{ code: string; name: string; post: number }>;
  nace: WeightedPicker<{ code: string; name: string }>;
  form: WeightedPicker<(typeof FORMS)[number]>;
  /** YYYY-MM-DD: no date after it. */
  asOf: string;
  asOfMs: number;
}

export function createContext(ref: ReferenceData, seed: number, asOf: string): GenerationContext {
  const rand = mulberry32(seed);
  const shuffled = ref.municipalities.filter((m) => !LARGEST.includes(m.code));
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as (typeof shuffled)[number], shuffled[i] as (typeof shuffled)[number]];
  }
  const ordered = [...LARGEST.map((c) => ref.municipalities.find((m) => m.code === c)).filter((m) => m !== undefined), ...shuffled];
  const munis = ordered.map((m, i) => ({ ...m, post: 1000 + Math.floor(((i * 7919) % 8000) + rand() * 900) }));
  const municipality = new WeightedPicker(
    munis,
    munis.map((_m, i) => 1 / (i + 1) ** 1.05),
  );

  const tail = [...ref.nace];
  for (let i = tail.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [tail[i], tail[j]] = [tail[j] as (typeof tail)[number], tail[i] as (typeof tail)[number]];
  }
  const common = new Map(COMMON_NACE);
  // Long tail: Zipf-like over a shuffled order; the common codes on top (together ≈ 40 % of entities).
  const naceWeights = tail.map((c, i) => 0.28 / (i + 1) ** 0.7 + (common.get(c.code) ?? 0) / 100);
  const nace = new WeightedPicker(tail, naceWeights);
  const form = new WeightedPicker(
    FORMS,
    FORMS.map((f) => f[2]),
  );
  return { rand, municipality, nace, form, asOf, asOfMs: Date.parse(`${asOf}T00:00:00Z`) };
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const REGISTER_START = Date.parse("1995-02-01T00:00:00Z");

/** Headcount: none (most), 1–4 (a flag only), or ≥ 5 from a Pareto tail (a few thousands). */
function headcount(rand: () => number, form: string): { flag: boolean; count: number | null } {
  const [none, small] =
    form === "ENK" ? [0.92, 0.06] : form === "AS" || form === "ASA" ? [0.5, 0.28] : form === "KOMM" ? [0, 0] : [0.85, 0.09];
  const u = rand();
  if (u < none) return { flag: false, count: null };
  if (u < none + small) return { flag: true, count: null };
  const base = form === "KOMM" ? 300 : 5;
  return { flag: true, count: Math.min(60_000, Math.floor(base / (1 - rand()) ** (1 / 1.25))) };
}

function entityName(rand: () => number, form: string, muni: string): string {
  const person = `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
  if (rand() < 0.0005) return `${pick(rand, WORDS)} "${pick(rand, WORDS)}" ${form}`; // an escaped quote now and then
  switch (form) {
    case "ENK":
      return `${pick(rand, TRADES)}${person}`;
    case "FLI":
      return `${muni} ${pick(rand, ["IDRETTSLAG", "VELFORENING", "SKOLEKORPS", "HISTORIELAG", "JEGER- OG FISKEFORENING"])}`;
    case "BRL":
    case "ESEK":
    case "SAM":
      return `${pick(rand, STREETS).toUpperCase()} ${1 + Math.floor(rand() * 90)} ${form === "BRL" ? "BORETTSLAG" : "SAMEIE"}`;
    case "KOMM":
      return `${muni} KOMMUNE`;
    case "ORGL":
      return `${muni} KOMMUNE ${pick(rand, ["TEKNISK DRIFT", "BARNEHAGER", "HELSE OG OMSORG", "SKOLE"])}`;
    case "STI":
      return `STIFTELSEN ${pick(rand, WORDS)}${pick(rand, WORDS)}`;
    case "NUF":
      return `${pick(rand, WORDS)} ${pick(rand, ["LTD", "AB", "GMBH", "APS", "OY"])} NORWEGIAN BRANCH`;
    default:
      return `${rand() < 0.3 ? `${pick(rand, LAST)} ` : ""}${pick(rand, WORDS)}${pick(rand, WORDS)} ${form}`;
  }
}

function norwegianAddress(
  ctx: GenerationContext,
  m: { code: string; name: string; post: number },
  coLine: boolean,
): Record<string, unknown> {
  const r = ctx.rand;
  const street = `${pick(r, STREETS)} ${1 + Math.floor(r() * 120)}${r() < 0.15 ? ` ${pick(r, ["A", "B", "C"])}` : ""}`;
  return {
    land: "Norge",
    landkode: "NO",
    postnummer: String(m.post + Math.floor(r() * 20)).padStart(4, "0"),
    poststed: m.name,
    adresse: coLine ? [`c/o ${pick(r, FIRST)} ${pick(r, LAST)}`, street] : [street],
    kommune: m.name,
    kommunenummer: m.code,
  };
}

// biome-ignore format: data
const FOREIGN: [string, string, string][] = [["Sverige", "SE", "STOCKHOLM"], ["Danmark", "DK", "KØBENHAVN"], ["Storbritannia", "GB", "LONDON"], ["Tyskland", "DE", "HAMBURG"]];

/** One live hovedenhet as a plain object, with the keys in the bulk file's order. */
export function syntheticEnhet(ctx: GenerationContext, orgnr: string): Record<string, unknown> {
  const r = ctx.rand;
  const [formCode, formName, , sectorCode, sectorName] = ctx.form.pick(r);
  const m = ctx.municipality.pick(r);
  const e: Record<string, unknown> = {
    organisasjonsnummer: orgnr,
    navn: entityName(r, formCode, m.name),
    organisasjonsform: { kode: formCode, beskrivelse: formName, links: [] },
  };
  if (r() < 0.08) e.hjemmeside = `www.${orgnr}.no`;
  const foreign = formCode === "NUF" && r() < 0.6;
  const noBusinessAddress = !foreign && r() < 0.012;
  if (foreign || noBusinessAddress || r() < 0.12) e.postadresse = norwegianAddress(ctx, m, r() < 0.3);
  // Registered since 1995, skewed to recent years (live entities are young on average).
  const registered = ctx.asOfMs - Math.floor(((ctx.asOfMs - REGISTER_START) * r() ** 1.7) / DAY) * DAY;
  e.registreringsdatoEnhetsregisteret = isoDay(registered);
  e.registrertIMvaregisteret = formCode === "AS" ? r() < 0.6 : r() < 0.25;
  if (r() < 0.01) e.frivilligMvaRegistrertBeskrivelser = ["Utleier av bygg eller anlegg"];
  const naceRoll = r();
  const noNace = formCode === "FLI" || formCode === "ESEK" || formCode === "SAM" ? naceRoll < 0.35 : naceRoll < 0.02;
  if (!noNace) {
    const n = naceRoll > 0.995 ? { code: "00.000", name: "Uoppgitt" } : ctx.nace.pick(r);
    e.naeringskode1 = { beskrivelse: n.name, kode: n.code };
    if (r() < 0.02) {
      const n2 = ctx.nace.pick(r);
      e.naeringskode2 = { beskrivelse: n2.name, kode: n2.code };
    }
  }
  const size = headcount(r, formCode);
  if (size.count !== null) e.antallAnsatte = size.count;
  e.harRegistrertAntallAnsatte = size.flag;
  if (size.flag) e.registreringsdatoAntallAnsatteEnhetsregisteret = isoDay(Math.max(registered, ctx.asOfMs - Math.floor(r() * 900) * DAY));
  if (foreign) {
    const [land, landkode, poststed] = pick(r, FOREIGN);
    e.forretningsadresse = { land, landkode, poststed, adresse: [`${pick(r, WORDS)} ${1 + Math.floor(r() * 200)}`] };
  } else if (!noBusinessAddress) {
    e.forretningsadresse = norwegianAddress(ctx, m, r() < 0.05);
  }
  if (formCode !== "ENK" && formCode !== "FLI") e.stiftelsesdato = isoDay(registered - Math.floor(r() * 60) * DAY);
  if (sectorCode) e.institusjonellSektorkode = { kode: sectorCode, beskrivelse: sectorName };
  const foretak = ["AS", "ASA", "NUF", "DA", "ANS", "SA"].includes(formCode) || (formCode === "ENK" && r() < 0.3);
  e.registrertIForetaksregisteret = foretak;
  e.registrertIStiftelsesregisteret = formCode === "STI";
  e.registrertIFrivillighetsregisteret = formCode === "FLI" && r() < 0.5;
  if (formCode === "AS" || formCode === "ASA") {
    const year = Number(isoDay(registered).slice(0, 4));
    if (year < 2025) e.sisteInnsendteAarsregnskap = String(Math.max(year, 2024 - (r() < 0.1 ? 1 : 0)));
  }
  e.konkurs = r() < 0.004;
  e.underAvvikling = r() < 0.005;
  e.underTvangsavviklingEllerTvangsopplosning = r() < 0.002;
  e.maalform = r() < 0.93 ? "Bokmål" : "Nynorsk";
  e.links = [];
  return e;
}

/** Pretty-prints like Brreg's bulk file (Jackson's default printer): `"key" : value`, `[ "a", "b" ]`. */
export function prettyJson(v: unknown, indent: number): string {
  if (Array.isArray(v)) return v.length === 0 ? "[ ]" : `[ ${v.map((x) => prettyJson(x, indent)).join(", ")} ]`;
  if (v !== null && typeof v === "object") {
    const pad = " ".repeat(indent + 2);
    const parts: string[] = [];
    for (const [k, x] of Object.entries(v)) parts.push(`${pad}${JSON.stringify(k)} : ${prettyJson(x, indent + 2)}`);
    return `{\n${parts.join(",\n")}\n${" ".repeat(indent)}}`;
  }
  return JSON.stringify(v);
}
