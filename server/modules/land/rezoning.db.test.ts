import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RezoningView } from "../../../core/api/land.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";

let t: TestApp;
let editor: SignedIn;
let reader: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
  reader = await signInAs(t, "reader");
  await t.app.inject({
    method: "POST",
    url: "/api/land-bank/areas",
    headers: editor.headers,
    payload: { key: "rz-grini", name: "Grini testområde" },
  });
});
afterAll(async () => t?.close());

const create = (payload: object) =>
  t.app.inject({ method: "POST", url: "/api/land-bank/rezoning-applications", headers: editor.headers, payload });
const list = async (query = "") =>
  (await t.app.inject({ url: `/api/land-bank/rezoning-applications${query}`, headers: reader.headers })).json() as RezoningView[];

describe("rezoning applications (business → housing)", () => {
  it("registers an application linked to a land area, with the defaults næringsformål → boligformål", async () => {
    const res = await create({
      caseId: "16/04711",
      title: "Omregulering av Gamleveien 1",
      areaM2: 4_200,
      receivedDate: "2016-09-01",
      landAreaKey: "rz-grini",
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      caseId: "16/04711",
      fromUse: "næringsformål",
      toUse: "boligformål",
      areaM2: 4_200,
      status: "received",
      decisionDate: null,
      landArea: { key: "rz-grini", name: "Grini testområde" },
    });
  });

  it("records the decision, filters by status and land area, and deletes", async () => {
    const created = (
      await create({ caseId: "17/00012", title: "Boliger ved næringspark", receivedDate: "2017-01-10" })
    ).json() as RezoningView;
    expect(created.landArea).toBeNull();
    const upd = await t.app.inject({
      method: "PATCH",
      url: `/api/land-bank/rezoning-applications/${created.id}`,
      headers: editor.headers,
      payload: { status: "rejected", decisionDate: "2017-06-20", landAreaKey: "rz-grini" },
    });
    expect(upd.json()).toMatchObject({ status: "rejected", decisionDate: "2017-06-20", landArea: { key: "rz-grini" } });
    expect((await list("?status=rejected")).map((r) => r.caseId)).toEqual(["17/00012"]);
    expect((await list("?landArea=rz-grini")).map((r) => r.caseId)).toEqual(["17/00012", "16/04711"]);
    const del = await t.app.inject({
      method: "DELETE",
      url: `/api/land-bank/rezoning-applications/${created.id}`,
      headers: editor.headers,
    });
    expect(del.statusCode).toBe(204);
    expect((await list()).map((r) => r.caseId)).not.toContain("17/00012");
  });

  it.each([
    [
      "a decision before it was received",
      { caseId: "18/1", title: "x", receivedDate: "2018-05-01", decisionDate: "2018-04-01" },
      400,
      "decisionDate",
    ],
    ["an unknown land area", { caseId: "18/2", title: "x", receivedDate: "2018-05-01", landAreaKey: "finnes-ikke" }, 400, "landAreaKey"],
    ["a date that is not a date", { caseId: "18/3", title: "x", receivedDate: "1.5.2018" }, 400, "body.receivedDate"],
    ["an unknown status", { caseId: "18/4", title: "x", receivedDate: "2018-05-01", status: "maybe" }, 400, "body.status"],
  ])("refuses %s", async (_name, payload, status, path) => {
    const res = await create(payload);
    expect(res.statusCode).toBe(status);
    expect((res.json() as { details: { path: string }[] }).details[0]?.path).toBe(path);
  });

  it("refuses a case number that is already registered", async () => {
    expect((await create({ caseId: "19/100", title: "a", receivedDate: "2019-01-01" })).statusCode).toBe(201);
    expect((await create({ caseId: "19/100", title: "b", receivedDate: "2019-01-02" })).statusCode).toBe(409);
  });

  it("answers 404 for an id that does not exist", async () => {
    const res = await t.app.inject({
      url: "/api/land-bank/rezoning-applications/00000000-0000-0000-0000-000000000000",
      headers: reader.headers,
    });
    expect(res.statusCode).toBe(404);
  });
});
