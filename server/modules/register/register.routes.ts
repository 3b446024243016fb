import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryRows } from "../../db/rows.js";
import { AppError } from "../../errors.js";
import { errorSchema, type RoutePlugin } from "../../http.js";
import { actorOf, requireRole, requireUser } from "../auth/access.js";
import { analyseMunicipality, rankMunicipalities } from "./analysis.service.js";
import { findCompany, searchCompanies, topEmployers } from "./companies.service.js";
import { type ImportSummary, importRegisterFile } from "./import.service.js";

const tags = ["business register"];
const orgnrParams = z.object({ orgnr: z.string().regex(/^\d{9}$/) });
const dateString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const areaQuery = z.object({
  area: z
    .string()
    .regex(/^\d{4}$/)
    .default("3201")
    .describe("Municipality number (today's)"),
  asOf: dateString.optional().describe("Use the snapshots in effect on this date (default: today)"),
});

/** Content types a register upload may use; the body is streamed to disk, never buffered. */
export const REGISTER_UPLOAD_TYPES = ["application/gzip", "application/x-gzip", "application/vnd.naeringskompass.register"];
/** A national file is ~150 MB gzip'ed; plain JSON several GB. */
const UPLOAD_LIMIT = 8 * 1024 * 1024 * 1024;

interface ImportJob {
  id: string;
  status: "running" | "done" | "failed";
  fileName: string;
  bytesRead: number;
  totalBytes: number;
  records: number;
  startedAt: string;
  summary: ImportSummary | null;
  error: { message: string; line: number | null } | null;
}

/** Import jobs started by uploads in this process (the snapshot rows are the durable record). */
const jobs = new Map<string, ImportJob>();

const jobView = z.object({
  id: z.string(),
  status: z.enum(["running", "done", "failed"]),
  fileName: z.string(),
  bytesRead: z.number(),
  totalBytes: z.number(),
  records: z.number(),
  startedAt: z.string(),
  summary: z.any().nullable(),
  error: z.object({ message: z.string(), line: z.number().nullable() }).nullable(),
});

/** The business register: public analysis and lookups (open data, NLOD); imports for editors. */
export const registerRoutes: RoutePlugin = (app, ctx) => {
  const { db } = ctx;

  app.get(
    "/api/register/analysis",
    {
      schema: {
        tags,
        summary: "Business structure of a municipality: firms, employment, size classes, top employers, registrations, survival, peers",
        querystring: areaQuery.extend({ top: z.coerce.number().int().min(1).max(100).default(10) }),
        response: { 200: z.any() },
      },
    },
    async (req) => analyseMunicipality(db, { areaCode: req.query.area, asOf: req.query.asOf, topN: req.query.top }),
  );

  app.get(
    "/api/register/ranking",
    {
      schema: {
        tags,
        summary: "One figure for every municipality in the national snapshot, ranked",
        querystring: z.object({
          metric: z.enum(["firms", "knowledge_intensive_share", "units", "employees5plus", "over100", "over250"]).default("firms"),
          asOf: dateString.optional(),
        }),
        response: { 200: z.any() },
      },
    },
    async (req) => rankMunicipalities(db, { metric: req.query.metric, asOf: req.query.asOf }),
  );

  app.get(
    "/api/register/top-employers",
    {
      schema: {
        tags,
        summary: "Largest employers by employees at their local units in the municipality (public administration excluded)",
        querystring: areaQuery.extend({ limit: z.coerce.number().int().min(1).max(200).default(10) }),
        response: { 200: z.any(), 404: errorSchema },
      },
    },
    async (req) => {
      const r = await topEmployers(db, {
        areaCode: req.query.area,
        asOf: req.query.asOf ?? new Date().toISOString().slice(0, 10),
        limit: req.query.limit,
      });
      if (!r) throw new AppError("not_found", "No local-unit (underenheter) snapshot covers this municipality");
      return r;
    },
  );

  app.get(
    "/api/register/companies",
    {
      schema: {
        tags,
        summary: "Find companies and units by organisation number or name",
        querystring: z.object({ q: z.string().min(1).max(200), limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.any() },
      },
    },
    async (req) => searchCompanies(db, req.query.q, req.query.limit),
  );

  app.get(
    "/api/register/companies/:orgnr",
    {
      schema: {
        tags,
        summary: "Register facts of one company (or unit): latest snapshot, local units, history",
        params: orgnrParams,
        response: { 200: z.any(), 404: errorSchema },
      },
    },
    async (req) => {
      const c = await findCompany(db, req.params.orgnr);
      if (!c) throw new AppError("not_found", `No company ${req.params.orgnr} in the register snapshots`);
      return c;
    },
  );

  app.get(
    "/api/register/snapshots",
    {
      schema: {
        tags,
        summary: "Register snapshots (imports and feed syncs) with their summaries (signed-in users)",
        response: { 200: z.any() },
      },
    },
    async (req) => {
      requireUser(req.user);
      return await queryRows<Record<string, unknown>>(
        db,
        sql`
          select id, kind, as_of::text as "asOf", scope, source, source_format as "sourceFormat", nace_version as "naceVersion", status,
            based_on as "basedOn", summary, rejections, note, created_by as "createdBy", started_at as "startedAt", completed_at as "completedAt"
          from register_snapshots order by started_at desc, id desc limit 200`,
      );
    },
  );

  app.post(
    "/api/register/imports",
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary:
          "Upload a Brreg bulk file (hovedenheter or underenheter; JSON array, gzip'ed or not, or CSV) as a new snapshot. Send the bytes with Content-Type application/gzip or application/vnd.naeringskompass.register. Runs in the background: poll GET /api/register/imports/{id}.",
        querystring: z.object({
          kind: z.enum(["enheter", "underenheter"]).optional(),
          asOf: dateString.optional(),
          scope: z
            .string()
            .regex(/^(national|\d{4}(,\d{4})*)$/)
            .optional(),
          nace: z.enum(["SN2007", "SN2025"]).optional(),
          fileName: z.string().max(200).optional(),
        }),
        response: { 202: jobView, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, ["admin", "editor"]);
      const body = req.body as Readable | undefined;
      if (!body || typeof (body as Readable).pipe !== "function")
        throw new AppError("validation_failed", `Send the file's bytes with Content-Type ${REGISTER_UPLOAD_TYPES.join(" or ")}`);
      const id = randomUUID();
      const file = path.join(os.tmpdir(), `naeringskompass-register-${id}`);
      await pipeline(body, fs.createWriteStream(file));
      const fileName = (req.query.fileName ?? "upload").replace(/[^\w.\-æøåÆØÅ ]/g, "_");
      const job: ImportJob = {
        id,
        status: "running",
        fileName,
        bytesRead: 0,
        totalBytes: fs.statSync(file).size,
        records: 0,
        startedAt: new Date().toISOString(),
        summary: null,
        error: null,
      };
      jobs.set(id, job);
      void importRegisterFile(db, file, {
        kind: req.query.kind,
        asOf: req.query.asOf,
        scope: req.query.scope,
        naceVersion: req.query.nace,
        actor: actorOf(user),
        sourceName: fileName,
        onProgress: (p) => {
          job.bytesRead = p.bytesRead;
          job.records = p.records;
        },
      })
        .then((summary) => {
          job.status = "done";
          job.bytesRead = job.totalBytes;
          job.summary = { ...summary, problems: summary.problems.slice(0, 200) };
        })
        .catch((err: unknown) => {
          job.status = "failed";
          const e = err as { message?: string; line?: number | null };
          job.error = { message: e.message ?? String(err), line: typeof e.line === "number" ? e.line : null };
          req.log.warn({ err }, "register import failed");
        })
        .finally(() => fs.rmSync(file, { force: true }));
      return reply.code(202).send(job);
    },
  );

  app.get(
    "/api/register/imports/:id",
    {
      schema: {
        tags,
        summary: "Progress and result of an upload's import",
        params: z.object({ id: z.string() }),
        response: { 200: jobView, 404: errorSchema },
      },
    },
    async (req) => {
      requireRole(req.user, ["admin", "editor"]);
      const job = jobs.get(req.params.id);
      if (!job) throw new AppError("not_found", "No such import in this server process");
      return job;
    },
  );
};
