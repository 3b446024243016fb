import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";
import { BUNDLED_REGISTER_DIR } from "./bundled-register.js";

let t: TestApp;
let editor: SignedIn;
let reader: SignedIn;
const UNDERENHETER = fs.readFileSync(path.join(BUNDLED_REGISTER_DIR, "underenheter_utvalg_20000.csv.gz"));

beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
  reader = await signInAs(t, "reader");
});
afterAll(async () => {
  await t?.close();
});

const upload = (headers: Record<string, string>, body: Buffer, query = "fileName=underenheter.csv.gz") =>
  t.app.inject({
    method: "POST",
    url: `/api/register/imports?${query}`,
    headers: { ...headers, "content-type": "application/gzip" },
    payload: body,
  });

async function waitForJob(id: string): Promise<Record<string, unknown>> {
  for (let i = 0; i < 600; i++) {
    const res = await t.app.inject({ url: `/api/register/imports/${id}`, headers: editor.headers });
    const job = res.json() as { status: string };
    if (job.status !== "running" && job.status !== "queued") return job as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("import did not finish");
}

describe("register routes", () => {
  it("lets only editors and admins upload a register file", async () => {
    expect((await upload({}, UNDERENHETER)).statusCode).toBe(401);
    expect((await upload(reader.headers, UNDERENHETER)).statusCode).toBe(403);
  });

  it("imports an uploaded file in the background and reports progress and the summary", async () => {
    const res = await upload(editor.headers, UNDERENHETER);
    expect(res.statusCode).toBe(202);
    const job = await waitForJob((res.json() as { id: string }).id);
    expect(job.status).toBe("succeeded");
    expect(job.summary).toMatchObject({ kind: "underenheter", read: 20_000, alreadyImported: false });
    expect(job.bytesRead).toBe(UNDERENHETER.length);
  });

  it("reports an unreadable upload with its line number", async () => {
    const res = await upload(editor.headers, UNDERENHETER.subarray(0, 40_000), "fileName=cut.csv.gz&asOf=2026-01-01");
    const job = await waitForJob((res.json() as { id: string }).id);
    expect(job.status).toBe("failed");
    expect((job.error as { line: number | null }).line).toBeGreaterThan(1);
  });

  it("serves the municipality's analysis to everyone", async () => {
    const a = await t.app.inject({ url: "/api/register/analysis?area=3201" });
    expect(a.statusCode).toBe(200);
    expect((a.json() as { employment: { units: number } }).employment.units).toBe(459);
  });

  it("serves the top employers to everyone", async () => {
    const top = await t.app.inject({ url: "/api/register/top-employers?area=3201&limit=1" });
    expect((top.json() as { rows: { orgnr: string }[] }).rows[0]?.orgnr).toBe("996345734");
  });

  it("serves a company's register facts to everyone", async () => {
    const c = await t.app.inject({ url: "/api/register/companies/811553662" });
    expect(c.json()).toMatchObject({ orgnr: "811553662", parentOrgnr: "996345734", areaCode: "3201" });
    expect(c.json()).toMatchObject({ naceCode: "62.200", naceName: expect.any(String) });
  });

  it("answers for a parent known only from its units in this extract", async () => {
    const parent = await t.app.inject({ url: "/api/register/companies/996345734" });
    expect(parent.json()).toMatchObject({ orgnr: "996345734", inRegister: false, name: "NETS DENMARK A/S NUF" });
    expect((parent.json() as { units: unknown[] }).units).toHaveLength(1);
  });

  it("answers 404 for an organisation number it does not know", async () => {
    expect((await t.app.inject({ url: "/api/register/companies/123456789" })).statusCode).toBe(404);
  });

  it("finds companies by name", async () => {
    const search = await t.app.inject({ url: `/api/register/companies?q=${encodeURIComponent("nets denmark")}` });
    expect((search.json() as { orgnr: string }[]).map((r) => r.orgnr)).toContain("811553662");
  });

  it("keeps the snapshot list (with who imported) for signed-in users", async () => {
    expect((await t.app.inject({ url: "/api/register/snapshots" })).statusCode).toBe(401);
    const list = (await t.app.inject({ url: "/api/register/snapshots", headers: reader.headers })).json() as { status: string }[];
    expect(list.map((s) => s.status).sort()).toEqual(["complete", "failed"]);
  });

  it("documents the register routes in the OpenAPI document", async () => {
    const doc = (await t.app.inject({ url: "/api/openapi.json" })).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/register/analysis", "/api/register/imports", "/api/register/companies/{orgnr}"]),
    );
  });
});
