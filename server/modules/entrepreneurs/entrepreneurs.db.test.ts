import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionView, YearlyCounts } from "../../../core/api/entrepreneurs.js";
import { createTestApp, type SignedIn, signInAs, type TestApp } from "../../../test/helpers/app.js";

let t: TestApp;
let editor: SignedIn;
let reader: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  editor = await signInAs(t, "editor");
  reader = await signInAs(t, "reader");
});
afterAll(async () => t?.close());

const post = (payload: object, headers: Record<string, string> = editor.headers) =>
  t.app.inject({ method: "POST", url: "/api/entrepreneurs/sessions", headers, payload });

const session = (over: object = {}) => ({ date: "2016-03-15", kind: "guidance", participants: 3, homeMunicipality: "3201", ...over });

describe("Etablerertjenesten's log", () => {
  it("logs, reads, edits and deletes a session, each write audited", async () => {
    const res = await post(session({ title: "Veiledning mars", participantsGrowthPotential: 1 }));
    expect(res.statusCode).toBe(201);
    const created = res.json() as SessionView;
    expect(created).toMatchObject({ kind: "guidance", participants: 3, participantsGrowthPotential: 1, participantsForeignBackground: 0 });

    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/entrepreneurs/sessions/${created.id}`,
      headers: editor.headers,
      payload: { participants: 4 },
    });
    expect(patched.statusCode).toBe(200);
    expect((patched.json() as SessionView).participants).toBe(4);

    const got = await t.app.inject({ url: `/api/entrepreneurs/sessions/${created.id}`, headers: { cookie: reader.cookie } });
    expect((got.json() as SessionView).participants).toBe(4);

    const del = await t.app.inject({ method: "DELETE", url: `/api/entrepreneurs/sessions/${created.id}`, headers: editor.headers });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/entrepreneurs/sessions/${created.id}`, headers: { cookie: reader.cookie } })).statusCode).toBe(
      404,
    );

    const audit = (await t.database.db.query.auditLog.findMany()).filter((a) => a.entityId === created.id).map((a) => a.action);
    expect(audit).toEqual(["entrepreneur_session.create", "entrepreneur_session.update", "entrepreneur_session.delete"]);
  });

  it("refuses sub-counts above the participants and sessions in the future, field by field", async () => {
    const res = await post(
      session({ participants: 2, participantsGrowthPotential: 3, participantsForeignBackground: 5, date: "2999-01-01" }),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json() as { code: string; details: { path: string }[] };
    expect(body.code).toBe("validation_failed");
    expect(body.details.map((d) => d.path).sort()).toEqual(["date", "participantsForeignBackground", "participantsGrowthPotential"]);
    expect((await post(session({ homeMunicipality: "Bærum" }))).statusCode).toBe(400);
    expect((await post(session({ kind: "meeting" }))).statusCode).toBe(400);
  });

  it("keeps raw lists and writes from anonymous users and writes from readers", async () => {
    expect((await t.app.inject({ url: "/api/entrepreneurs/sessions" })).statusCode).toBe(401);
    expect((await t.app.inject({ url: "/api/entrepreneurs/sessions.csv" })).statusCode).toBe(401);
    expect((await t.app.inject({ method: "POST", url: "/api/entrepreneurs/sessions", payload: session() })).statusCode).toBe(401);
    expect((await post(session(), reader.headers)).statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/entrepreneurs/sessions", headers: { cookie: reader.cookie } })).statusCode).toBe(200);
    const csvUpload = { "content-type": "text/csv" };
    expect(
      (await t.app.inject({ method: "POST", url: "/api/entrepreneurs/sessions/import", headers: csvUpload, payload: "x" })).statusCode,
    ).toBe(401);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/entrepreneurs/sessions/import",
          headers: { ...reader.headers, ...csvUpload },
          payload: "x",
        })
      ).statusCode,
    ).toBe(403);
  });

  it("counts per calendar year, per kind and per home municipality, with former numbers merged into today's", async () => {
    for (const s of [
      session({ date: "2014-12-31", participants: 5, homeMunicipality: "0219" }),
      session({ date: "2015-01-01", kind: "course", participants: 20, participantsGrowthPotential: 4, homeMunicipality: "3201" }),
      session({ date: "2015-06-01", participants: 2, participantsForeignBackground: 1, homeMunicipality: "0220" }),
      session({ date: "2015-12-31", kind: "event", participants: 40, homeMunicipality: "3024" }),
    ])
      expect((await post(s)).statusCode).toBe(201);
    const counts = (await t.app.inject({ url: "/api/entrepreneurs/counts?from=2014-01-01&to=2015-12-31" })).json() as YearlyCounts;
    expect(counts.map((c) => [c.year, c.sessions, c.participants])).toEqual([
      ["2014", 1, 5],
      ["2015", 3, 62],
    ]);
    const y2015 = counts[1];
    expect(y2015?.byKind.map((k) => [k.kind, k.participants])).toEqual([
      ["guidance", 2],
      ["course", 20],
      ["event", 40],
    ]);
    expect(y2015?.byMunicipality.map((m) => [m.homeMunicipality, m.participants, m.participantsGrowthPotential])).toEqual([
      ["3201", 60, 4],
      ["3203", 2, 0],
    ]);
    expect(counts[0]?.byMunicipality).toEqual([expect.objectContaining({ homeMunicipality: "3201", participants: 5 })]);
  });
});
