import type { Readable } from "node:stream";
import { registerRoutes as routes, REGISTER_UPLOAD_TYPES as UPLOAD_TYPES } from "../../../core/api/register.js";
import { AppError } from "../../errors.js";
import { errorSchema, type RoutePlugin, serve } from "../../http.js";
import type { Actor } from "../audit/index.js";
import { actorOf, requireRole, requireUser } from "../auth/index.js";
import { analyseMunicipality, rankMunicipalities } from "./analysis.service.js";
import { findCompany, searchCompanies, topEmployers } from "./companies.service.js";
import { createImportJob, discardImportJob, findImportJobs, getImportJob, resumeImportJob, runImportJob } from "./import-jobs.service.js";
import { findSnapshotRows } from "./snapshot-store.js";

/** Content types a register upload may use (app.ts streams them instead of parsing). */
export const REGISTER_UPLOAD_TYPES: string[] = [...UPLOAD_TYPES];

/** A national file is ~150 MB gzip'ed; plain JSON several GB. */
const UPLOAD_LIMIT = 8 * 1024 * 1024 * 1024;
const EDITORS: ("admin" | "editor")[] = ["admin", "editor"];
const today = () => new Date().toISOString().slice(0, 10);

function isReadable(body: unknown): body is Readable {
  return typeof body === "object" && body !== null && "pipe" in body && typeof body.pipe === "function";
}

/** The business register: public analysis and lookups (open data, NLOD); imports for editors. */
export const registerRoutes: RoutePlugin = (app, ctx) => {
  const { db, config } = ctx;
  /** Runs a queued job in the background; its row records how it ends. */
  const runInBackground = (id: string, actor: Actor, log: { warn: (o: object, m: string) => void }) => {
    void runImportJob(db, id, actor)
      .then((job) => {
        if (job.status === "failed") log.warn({ job: job.id, error: job.error }, "register import failed");
      })
      .catch((err: unknown) => log.warn({ err }, "register import job could not run"));
  };

  serve(app, routes.analysis, async (req) =>
    analyseMunicipality(db, { areaCode: req.query.area, asOf: req.query.asOf, topN: req.query.top }),
  );

  serve(app, routes.ranking, async (req) => rankMunicipalities(db, { metric: req.query.metric, asOf: req.query.asOf }));

  serve(app, routes.topEmployers, async (req) => {
    const r = await topEmployers(db, { areaCode: req.query.area, asOf: req.query.asOf ?? today(), limit: req.query.limit });
    if (!r) throw new AppError("not_found", "No local-unit (underenheter) snapshot covers this municipality");
    return r;
  });

  serve(app, routes.search, async (req) => searchCompanies(db, req.query.q, req.query.limit));

  serve(app, routes.company, async (req) => {
    const c = await findCompany(db, req.params.orgnr);
    if (!c) throw new AppError("not_found", `No company ${req.params.orgnr} in the register snapshots`);
    return c;
  });

  serve(app, routes.snapshots, async (req) => {
    requireUser(req.user);
    return findSnapshotRows(db);
  });

  // The upload streams its body to disk, so it needs its own body limit: registered from the
  // contract's schemas without `serve`.
  const upload = routes.upload;
  app.post(
    upload.path,
    {
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags: [...upload.tags],
        summary: upload.summary,
        consumes: [...upload.consumes],
        querystring: upload.query,
        response: { 202: upload.response, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      const user = requireRole(req.user, EDITORS);
      const body: unknown = req.body;
      if (!isReadable(body))
        throw new AppError("validation_failed", `Send the file's bytes with Content-Type ${REGISTER_UPLOAD_TYPES.join(" or ")}`);
      const { fileName, ...options } = req.query;
      const actor = actorOf(user);
      const job = await createImportJob(db, { dataDir: config.dataDir, body, fileName, options, actor });
      runInBackground(job.id, actor, req.log);
      return reply.code(202).send(job);
    },
  );

  serve(app, routes.jobs, async (req) => {
    requireRole(req.user, EDITORS);
    return findImportJobs(db);
  });

  serve(app, routes.job, async (req) => {
    requireRole(req.user, EDITORS);
    return getImportJob(db, req.params.id);
  });

  serve(app, routes.resume, async (req) => {
    const actor = actorOf(requireRole(req.user, EDITORS));
    const job = await resumeImportJob(db, req.params.id);
    runInBackground(job.id, actor, req.log);
    return job;
  });

  serve(app, routes.discard, async (req) => {
    requireRole(req.user, EDITORS);
    return discardImportJob(db, req.params.id);
  });
};
