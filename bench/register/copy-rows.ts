/**
 * The raw COPY floor's input: each record of a bulk file mapped to the columns the import stores
 * (register_rows, REGISTER_ROW_COLUMNS order, row hash last) and encoded as COPY CSV with the
 * project's own encoder. A plain mapping, not the product's normaliser: the floor must not depend
 * on the code it measures, only carry the same columns and about the same bytes per row.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createGunzip } from "node:zlib";
import { encodeRowFields } from "../../core/register/copy-row.js";
import type { RegisterRow, SizeClass } from "../../core/register/types.js";
import { splitJsonArray } from "../../server/importers/brreg/json-array-stream.js";
import { splitCsvLine } from "./synthetic-enheter.js";

type Obj = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const obj = (v: unknown): Obj | null => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : null);

/** Knowledge-intensive services divisions (Eurostat KIS, roughly): only the bytes matter here. */
// biome-ignore format: data
const KIS_DIVISIONS = new Set(["50", "51", "58", "59", "60", "61", "62", "63", "64", "65", "66", "69", "70", "71", "72", "73", "74", "75", "78", "80", "84", "85", "86", "87", "88", "90", "91", "92", "93"]);

function sizeClass(employees: number | null, flag: boolean): SizeClass {
  if (employees === null) return flag ? "1-4" : "0";
  if (employees < 5) return employees === 0 ? "0" : "1-4";
  if (employees < 10) return "5-9";
  if (employees < 20) return "10-19";
  if (employees < 50) return "20-49";
  if (employees < 100) return "50-99";
  if (employees < 250) return "100-249";
  return "250+";
}

export function divisionSections(root: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of fs.readFileSync(path.join(root, "data/register/nace/sn2025_codes.csv"), "utf8").split(/\r?\n/).slice(1)) {
    const f = splitCsvLine(line || ",,");
    if (f[2] === "2" && f[0] && f[1]) m.set(f[0], f[1]);
  }
  return m;
}

export function toRegisterRow(e: Obj, sections: Map<string, string>): RegisterRow {
  const business = obj(e.forretningsadresse);
  const abroad = business !== null && str(business.landkode) !== "NO";
  const addr = business ?? obj(e.postadresse);
  const code = str(obj(e.naeringskode1)?.kode);
  const division = code && code !== "00.000" ? code.slice(0, 2) : null;
  const employees = typeof e.antallAnsatte === "number" ? e.antallAnsatte : null;
  const muni = abroad ? null : str(addr?.kommunenummer);
  return {
    orgnr: String(e.organisasjonsnummer),
    name: String(e.navn),
    orgForm: str(obj(e.organisasjonsform)?.kode),
    naceCode: code,
    naceVersion: code ? "SN2025" : null,
    naceSection: division ? (sections.get(division) ?? null) : null,
    naceDivision: division,
    kisGroup: division && KIS_DIVISIONS.has(division) ? "KIS" : null,
    municipalityRaw: muni,
    areaCode: muni,
    addressRule: addr ? (business ? "forretningsadresse" : "postadresse") : null,
    address: Array.isArray(addr?.adresse) ? (addr.adresse as string[]).join(", ") : null,
    postalCode: str(addr?.postnummer),
    postalPlace: str(addr?.poststed),
    employees,
    sizeClass: sizeClass(employees, e.harRegistrertAntallAnsatte === true),
    registeredOn: str(e.registreringsdatoEnhetsregisteret),
    startedOn: str(e.stiftelsesdato),
    parentOrgnr: str(e.overordnetEnhet),
    sectorCode: str(obj(e.institusjonellSektorkode)?.kode),
    bankrupt: e.konkurs === true,
    liquidating: e.underAvvikling === true || e.underTvangsavviklingEllerTvangsopplosning === true,
    closedOn: null,
  };
}

/** Writes the file's records as COPY CSV lines to `out`; returns the row count. */
export async function writeCopyCsv(root: string, file: string, out: string): Promise<number> {
  const sections = divisionSections(root);
  const sink = fs.createWriteStream(out);
  const bytes = fs.createReadStream(file, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 20 }));
  let rows = 0;
  for await (const items of splitJsonArray(bytes)) {
    let text = "";
    for (const item of items) {
      if (!item.value) continue;
      const fields = encodeRowFields(toRegisterRow(item.value, sections));
      text += `${fields},"${createHash("md5").update(fields).digest("base64")}"\n`;
      rows++;
    }
    if (!sink.write(text)) await new Promise<void>((resolve) => sink.once("drain", resolve));
  }
  await new Promise<void>((resolve, reject) => sink.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return rows;
}
