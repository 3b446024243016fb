/**
 * The layer rules of the code base, checked by `npm run lint`
 * (depcruise core server web --config .dependency-cruiser.cjs). See ARCHITECTURE.md.
 *
 *   core/      pure TypeScript shared by server and web: imports neither server/ nor web/, no node builtins
 *   web/       the browser app: imports core/, never server/
 *   server/    lib/, jobs/ (no module) ← modules/<name>/ ← app.ts, main.ts, cli.ts
 *
 * A module is server/modules/<name>/. Its index.ts is its public face: another module (or any
 * server file outside the modules) imports server/modules/<name>/index.ts, never a file behind it.
 * Inside a module files import each other freely. Tests (*.test.ts) may reach anywhere.
 * scripts/dependency-rules.test.ts shows each rule catching a planted violation.
 */

/** Test files and their helpers are exempt from the layering rules (not from cycles). */
const TESTS = "\\.test\\.tsx?$";

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "No import cycles: between modules the cycle runs through their index.ts faces.",
      from: {},
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import the checker cannot resolve would hide its edges from every other rule.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "web-not-to-server",
      severity: "error",
      comment: "The browser code depends on the contract in core/api, never on the server's internals.",
      from: { path: "^web/" },
      to: { path: "^server/" },
    },
    {
      name: "core-not-to-server-or-web",
      severity: "error",
      comment: "core/ is shared by server and web and depends on neither.",
      from: { path: "^core/" },
      to: { path: "^(server|web)/" },
    },
    {
      name: "core-no-node-builtins",
      severity: "error",
      comment:
        "core/ does no I/O and runs in the browser too: no node builtins (fs, net, http, child_process, crypto, …). " +
        "Its tests may read fixtures.",
      from: { path: "^core/", pathNot: TESTS },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "lib-not-to-modules",
      severity: "error",
      comment: "server/lib holds generic helpers that modules build on; it imports no module.",
      from: { path: "^server/lib/", pathNot: TESTS },
      to: { path: "^server/modules/" },
    },
    {
      name: "module-face",
      severity: "error",
      comment:
        "A module uses another only through its public face, server/modules/<name>/index.ts; inside a module files import each other freely. " +
        "`node scripts/module-faces.mjs` lists the deep imports (and --write rewrites them).",
      from: { path: "^server/modules/([^/]+)/", pathNot: TESTS },
      to: { path: "^server/modules/[^/]+/", pathNot: ["^server/modules/$1/", "^server/modules/[^/]+/index\\.ts$"] },
    },
    {
      name: "module-face-from-outside",
      severity: "error",
      comment: "Server files outside the modules (app.ts, main.ts, cli.ts, importers, …) import a module through its index.ts too.",
      from: { path: "^server/", pathNot: ["^server/modules/", TESTS] },
      to: { path: "^server/modules/[^/]+/", pathNot: "^server/modules/[^/]+/index\\.ts$" },
    },
    {
      name: "jobs-not-to-modules",
      severity: "error",
      comment: "server/jobs is the scheduler and its job_runs store; modules register their jobs with it (main.ts), it imports none.",
      from: { path: "^server/jobs/", pathNot: TESTS },
      to: { path: "^server/modules/" },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)node_modules/|^server/db/migrations/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
