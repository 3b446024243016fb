import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { LandAreaView } from "../../../core/api/land.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { landAreas } from "../../db/schema/index.js";

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());
beforeEach(async () => {
  await t.database.db.delete(landAreas);
});

const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
function toWindows1252(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((c) => {
      const high = CP1252_HIGH.indexOf(c);
      if (high >= 0) return 0x80 + high;
      const code = c.charCodeAt(0);
      if (code > 0xff || (code >= 0x80 && code <= 0x9f)) throw new Error(`not in Windows-1252: ${c}`);
      return code;
    }),
  );
}

const importCsv = (body: string | Uint8Array) =>
  t.app.inject({
    method: "POST",
    url: "/api/land-bank/areas.csv?fileName=areas.csv",
    headers: { ...editor.headers, "content-type": "text/csv" },
    payload: typeof body === "string" ? Buffer.from(body, "utf8") : Buffer.from(body),
  });
const areas = async () =>
  ((await t.app.inject({ url: "/api/land-bank/areas" })).json() as LandAreaView[]).map(
    ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }) => rest,
  );
const exportCsv = async () => (await t.app.inject({ url: "/api/land-bank/areas.csv" })).rawPayload;

async function seed(): Promise<void> {
  const payloads = [
    {
      key: "csv-hamang",
      name: "Hamangsletta «øst» – Bærum",
      centre: "Sandvika",
      zoning: 'Næring; kontor "K2"',
      totalM2: 20_000.5,
      availableM2: 12_000,
      plannedM2: 3_000.25,
      status: "partly_available",
      geometry: {
        type: "Polygon",
        coordinates: [
          [
            [585_000, 6_640_000],
            [585_200, 6_640_000],
            [585_200, 6_640_150],
            [585_000, 6_640_000],
          ],
        ],
      },
      crs: "EPSG:25832",
      note: "To linjer:\nÆØÅ æøå ²",
    },
    { key: "csv-grini", name: "Grini næringspark", status: "built_out", availableM2: 0 },
  ];
  for (const payload of payloads)
    expect((await t.app.inject({ method: "POST", url: "/api/land-bank/areas", headers: editor.headers, payload })).statusCode).toBe(201);
}

describe("land areas as CSV", () => {
  it("exports Excel-friendly CSV and reads it back unchanged, then recreates the areas from it", async () => {
    await seed();
    const before = await areas();
    const bytes = await exportCsv();
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain(
      "Nøkkel;Navn;Senter;Regulering;Totalt m² BRA;Ledig m² BRA;Planlagt m² BRA;Status;Geometri (GeoJSON);Koordinatsystem",
    );
    expect(text).toContain("20000,5;12000;3000,25;partly_available;");
    expect(text).toContain(";EPSG:4326;");

    const same = await importCsv(bytes);
    expect(same.json()).toMatchObject({ encoding: "utf-8", rowsRead: 2, inserted: 0, updated: 0, unchanged: 2 });

    await t.database.db.delete(landAreas);
    expect(await areas()).toEqual([]);
    expect((await importCsv(bytes)).json()).toMatchObject({ rowsRead: 2, inserted: 2, updated: 0, unchanged: 0 });
    expect(await areas()).toEqual(before);
  });

  it("reads Windows-1252 (Excel's CSV (semikolondelt)) with æøå, « » – and ²", async () => {
    await seed();
    const before = await areas();
    const text = (await exportCsv()).toString("utf8").replace(/^\ufeff/, "");
    await t.database.db.delete(landAreas);
    const res = await importCsv(toWindows1252(text));
    expect(res.json()).toMatchObject({ encoding: "windows-1252", inserted: 2 });
    expect(await areas()).toEqual(before);
  });

  it("converts UTM geometry given with a Koordinatsystem column, and leaves out columns the file does not have", async () => {
    await seed();
    const geo = JSON.stringify({ type: "Point", coordinates: [249_612.785, 6_647_595.186] }).replace(/"/g, '""');
    const res = await importCsv(`Nøkkel;Navn;Geometri (GeoJSON);Koordinatsystem\ncsv-ny;Ny tomt;"${geo}";EPSG:25833\n`);
    expect(res.json()).toMatchObject({ inserted: 1 });
    const ny = (await areas()).find((a) => a.key === "csv-ny");
    expect(ny?.geometry?.coordinates[0]).toBeCloseTo(10.5236, 4);
    expect(ny?.geometry?.coordinates[1]).toBeCloseTo(59.8897, 4);

    const upd = await importCsv("Nøkkel;Navn;Ledig m² BRA\ncsv-hamang;Hamangsletta;11 500\n");
    expect(upd.json()).toMatchObject({ updated: 1 });
    const hamang = (await areas()).find((a) => a.key === "csv-hamang");
    expect(hamang).toMatchObject({ name: "Hamangsletta", availableM2: 11_500, plannedM2: 3_000.25, centre: "Sandvika" });
    expect(hamang?.geometry?.type).toBe("Polygon");
  });

  it("imports nothing when a row is bad, naming every bad line", async () => {
    await seed();
    const before = await areas();
    const ring = JSON.stringify({
      type: "Polygon",
      coordinates: [
        [
          [10.5, 59.9],
          [10.6, 59.9],
          [10.6, 60],
          [10.5, 60],
        ],
      ],
    }).replace(/"/g, '""');
    const csv = [
      "Nøkkel;Navn;Ledig m² BRA;Status;Geometri (GeoJSON);Koordinatsystem",
      "csv-ok;Fin rad;1000;ledig;;",
      "csv-tall;Dårlig tall;mange;;;",
      `csv-ring;Åpen ring;;;"${ring}";EPSG:4326`,
      "csv-ok;Samme nøkkel;;;;",
      "csv-status;Rar status;;kanskje;;",
      `csv-crs;Feil system;;;"{""type"":""Point"",""coordinates"":[1,2]}";EPSG:3857`,
      "Store Bokstaver;Ugyldig nøkkel;;;;",
      "csv-minus;Negativ;-5;;;",
    ].join("\r\n");
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; message: string; details: { line: number; path: string; message: string }[] };
    expect(body.code).toBe("validation_failed");
    expect(body.message).toBe("7 line(s) have errors; nothing was imported");
    expect(body.details.map((d) => [d.line, d.path])).toEqual([
      [3, "Ledig m² BRA"],
      [4, "Geometri (GeoJSON)"],
      [5, "Nøkkel"],
      [6, "Status"],
      [7, "Koordinatsystem"],
      [8, "Nøkkel"],
      [9, "Ledig m² BRA"],
    ]);
    expect(body.details[6]?.message).toMatch(/cannot be negative/);
    expect(body.details[1]?.message).toMatch(/not closed/);
    expect(body.details[4]?.message).toMatch(/EPSG:3857.*not supported/);
    expect(await areas()).toEqual(before);
  });

  it("refuses a UTF-16 file with its line, and a body that is not CSV", async () => {
    const utf16 = await importCsv(Uint8Array.from([0xff, 0xfe, 0x4e, 0x00]));
    expect(utf16.statusCode).toBe(400);
    expect(utf16.json()).toMatchObject({ details: [{ line: 1, message: expect.stringMatching(/UTF-16/) }] });
    const json = await t.app.inject({ method: "POST", url: "/api/land-bank/areas.csv", headers: editor.headers, payload: { a: 1 } });
    expect(json.statusCode).toBe(400);
  });
});
