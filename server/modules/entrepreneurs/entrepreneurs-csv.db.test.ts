import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionView } from "../../../core/api/entrepreneurs.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());

const upload = (body: Buffer | string, fileName = "logg.csv") =>
  t.app.inject({
    method: "POST",
    url: `/api/entrepreneurs/sessions/import?fileName=${encodeURIComponent(fileName)}`,
    headers: { ...editor.headers, "content-type": "text/csv" },
    payload: body,
  });
const list = async () =>
  (await t.app.inject({ url: "/api/entrepreneurs/sessions", headers: { cookie: editor.cookie } })).json() as SessionView[];
const exportCsv = async () =>
  (await t.app.inject({ url: "/api/entrepreneurs/sessions.csv", headers: { cookie: editor.cookie } })).rawPayload;

const HEADER = "Dato;Type;Tittel;Deltakere;Med vekstpotensial;Med innvandrerbakgrunn;Hjemkommune";

describe("CSV import and export of the entrepreneur log", () => {
  it("rejects a file with bad rows, naming each line, and writes nothing", async () => {
    const file = [
      HEADER,
      "15.03.2016;veiledning;Første time;3;1;0;3201",
      "31.02.2016;kurs;Ugyldig dato;10;0;0;3201",
      "01.04.2016;møte;Feil type;2;0;0;3201",
      "02.04.2016;kurs;For mange;2;5;0;3201",
      "15.03.2016;Veiledning;første time;1;0;0;3201",
    ].join("\r\n");
    const res = await upload(file);
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; message: string; details: { line: number; path: string; message: string }[] };
    expect(body.code).toBe("validation_failed");
    expect(body.message).toContain("nothing was imported");
    expect(body.details.map((d) => [d.line, d.path])).toEqual([
      [3, "Dato"],
      [4, "Type"],
      [5, "Med vekstpotensial"],
      [6, "row"],
    ]);
    expect(body.details[3]?.message).toContain("line 2");
    expect(await list()).toEqual([]);
    expect(await t.database.db.query.importBatches.findMany()).toEqual([]);
  });

  it("imports UTF-8, records the batch, and a re-import changes nothing", async () => {
    const file = `\ufeff${HEADER}\r\n15.03.2016;veiledning;Første time;3;1;0;3201\r\n20.04.2016;kurs;"Kurs; økonomi";12;2;3;3203\r\n`;
    const first = await upload(file);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ encoding: "utf-8", rowsRead: 2, inserted: 2, updated: 0, unchanged: 0 });
    const before = await list();
    expect(before.map((s) => [s.date, s.kind, s.title, s.participants])).toEqual([
      ["2016-03-15", "guidance", "Første time", 3],
      ["2016-04-20", "course", "Kurs; økonomi", 12],
    ]);
    const again = await upload(file);
    expect(again.json()).toMatchObject({ rowsRead: 2, inserted: 0, updated: 0, unchanged: 2 });
    expect(await list()).toEqual(before);
    const batches = await t.database.db.query.importBatches.findMany();
    expect(batches.map((b) => [b.kind, b.fileName, b.inserted, b.unchanged])).toEqual([
      ["entrepreneur_sessions", "logg.csv", 2, 0],
      ["entrepreneur_sessions", "logg.csv", 0, 2],
    ]);
  });

  it("updates a row matched by its key fields and reports it", async () => {
    const res = await upload(`${HEADER}\r\n15.03.2016;veiledning;Første time;4;1;0;3201\r\n`);
    expect(res.json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 0 });
    expect((await list()).find((s) => s.title === "Første time")?.participants).toBe(4);
  });

  it("imports Windows-1252 (Excel's «CSV (semikolondelt)»)", async () => {
    const text = `${HEADER}\r\n05.05.2016;arrangement;Gründerkveld på Fornebu – åpen;25;0;4;0219\r\n`;
    // Latin-1 bytes, with "–" as its Windows-1252 byte 0x96.
    const bytes = Buffer.from(text.replace("\u2013", "\u0096"), "latin1");
    expect(bytes.includes(0x96)).toBe(true);
    const res = await upload(bytes, "excel.csv");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ encoding: "windows-1252", inserted: 1 });
    expect((await list()).find((s) => s.kind === "event")).toMatchObject({
      title: "Gründerkveld på Fornebu – åpen",
      homeMunicipality: "0219",
    });
  });

  it("exports UTF-8 with BOM that round-trips: re-importing the export changes nothing", async () => {
    const csv = await exportCsv();
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString("utf8");
    expect(text.split("\r\n")[0]).toBe(`\ufeffID;${HEADER}`);
    expect(text).toContain(';20.04.2016;kurs;"Kurs; økonomi";12;2;3;3203');
    const before = await list();
    const res = await upload(csv, "export.csv");
    expect(res.json()).toMatchObject({ rowsRead: 3, inserted: 0, updated: 0, unchanged: 3 });
    expect(await list()).toEqual(before);
  });

  it("round-trips into an empty log, keeping ids", async () => {
    const csv = await exportCsv();
    const other = await createTestApp();
    try {
      const admin = await signInAs(other, "admin");
      const res = await other.app.inject({
        method: "POST",
        url: "/api/entrepreneurs/sessions/import",
        headers: { ...admin.headers, "content-type": "text/csv" },
        payload: csv,
      });
      expect(res.json()).toMatchObject({ inserted: 3 });
      const copied = (
        await other.app.inject({ url: "/api/entrepreneurs/sessions", headers: { cookie: admin.cookie } })
      ).json() as SessionView[];
      const strip = (s: SessionView) => ({ ...s, batchId: null, createdAt: "", updatedAt: "" });
      expect(copied.map(strip).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        (await list()).map(strip).sort((a, b) => a.id.localeCompare(b.id)),
      );
    } finally {
      await other.close();
    }
  });

  it("refuses a UTF-16 file with a line number", async () => {
    const res = await upload(Buffer.from([0xff, 0xfe, 0x44, 0x00]));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: "validation_failed", details: [{ line: 1 }] });
  });
});
