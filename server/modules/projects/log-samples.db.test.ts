import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { loadBundledPlans } from "../plans/bundled-plans.js";

/** The sample files in test/fixtures/logs import cleanly, and a second import changes nothing. */

let t: TestApp;
let editor: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  await loadBundledPlans(t.database.db);
  editor = await signInAs(t, "editor");
});
afterAll(async () => t?.close());

const sample = (name: string) => fs.readFileSync(new URL(`../../../test/fixtures/logs/${name}`, import.meta.url));
const upload = (url: string, body: Buffer) =>
  t.app.inject({ method: "POST", url, headers: { ...editor.headers, "content-type": "text/csv" }, payload: body });

describe("sample log files", () => {
  it.each([
    ["/api/entrepreneurs/sessions/import", "etablerertjenesten.csv", "utf-8", 5],
    ["/api/placements/import", "lia-praksisplasser-windows-1252.csv", "windows-1252", 5],
    ["/api/projects/import", "prosjekter.csv", "utf-8", 4],
  ])("%s takes %s", async (url, file, encoding, rows) => {
    const first = await upload(url, sample(file));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ encoding, rowsRead: rows, inserted: rows });
    expect((await upload(url, sample(file))).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: rows });
  });
});
