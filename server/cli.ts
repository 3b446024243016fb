import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { stringify } from "yaml";
import { isOneOf } from "../core/guards.js";
import { formatIssue, parsePlanDocument } from "../core/plan/parse.js";
import type { NaceVersion, RegisterKind } from "../core/register/types.js";
import { type Config, ConfigError, loadConfig, loadDotEnv } from "./config.js";
import { type Database, type Db, openDatabase } from "./db/client.js";
import { queryRows } from "./db/rows.js";
import { ROLES } from "./db/schema/index.js";
import { AppError } from "./errors.js";
import { RegisterFileError } from "./importers/brreg/errors.js";
import { createBrregClient } from "./importers/brreg/feed/client.js";
import { generatePassword } from "./lib/password.js";
import type { Actor } from "./modules/audit/index.js";
import { deleteUserSessions } from "./modules/auth/index.js";
import { exportPlanDocument, findPlans, importPlanDocument, revisePlan, revisePlanSchema } from "./modules/plans/index.js";
import {
  findSyncableKinds,
  formatImportSummary,
  formatSyncSummary,
  importRegisterFile,
  syncRegisterFeed,
} from "./modules/register/index.js";
import { createUser, findUserByEmail, findUsers, updateUser } from "./modules/users/index.js";

const REGISTER_KINDS = ["enheter", "underenheter"] as const satisfies readonly RegisterKind[];
const NACE_VERSIONS = ["SN2007", "SN2025"] as const satisfies readonly NaceVersion[];

const USAGE = `Næringskompass CLI — npm run cli -- <command>

  plan list                                  plans in the database
  plan import <file.yaml|file.json>          load a plan document (all or nothing)
  plan export <plan-key> [--format yaml|json] [--out <file>]
  plan revise <plan-key> --key <new-key> --version <2.0>   start a draft revision with the same stable keys
  user add --email <e-mail> --name <name> --role admin|editor|contributor|reader [--password <pw>]
  user list
  user password <e-mail> [--password <pw>]    set a new password (generated when omitted); ends the user's sessions
  import brreg --file <path> [--kind enheter|underenheter] [--as-of <yyyy-mm-dd>] [--scope national|<kommunenr,…>] [--nace SN2007|SN2025]
                                             load a Brreg bulk file (JSON array, gzip'ed or not, or CSV) as a register snapshot
  register snapshots                         the register snapshots and their summaries
  sync brreg [--kind enheter|underenheter] [--base-url <url>]
                                             apply Brreg's update feed (oppdateringer) to the latest snapshot of each kind
                                             (default: every kind that has one) as a new snapshot; BRREG_BASE_URL by default

Uses the same configuration as the server (DATA_DIR or DATABASE_URL). With the embedded
database, stop the server first: only one process may open it.`;

type Writer = (s: string) => void;

function parseCliArgs(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: "string", default: "yaml" },
      out: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      help: { type: "boolean", short: "h" },
      key: { type: "string" },
      version: { type: "string" },
      file: { type: "string" },
      kind: { type: "string" },
      "as-of": { type: "string" },
      scope: { type: "string" },
      nace: { type: "string" },
      "base-url": { type: "string" },
    },
  });
}

type CliValues = ReturnType<typeof parseCliArgs>["values"];
type RegisterImportOptions = Exclude<ReturnType<typeof registerImportOptions>, string>;

/** What was read and checked before the database is opened. */
interface Checked {
  planText?: string;
  importOptions?: RegisterImportOptions;
}

/** What a command gets: its checked arguments and the open database. */
interface Run extends Checked {
  db: Db;
  config: Config;
  actor: Actor;
  arg: string | undefined;
  values: CliValues;
  out: Writer;
  err: Writer;
}

/** Runs one CLI command; returns the process exit code. Output goes to the given writers. */
export async function runCli(argv: string[], out: Writer = console.log, err: Writer = console.error): Promise<number> {
  const { values, positionals } = parseCliArgs(argv);
  const [group, command, arg] = positionals;
  if (values.help || !group) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  const actor: Actor = { userId: null, label: `cli:${os.userInfo().username}`, role: "system" };
  const name = `${group} ${command}`;

  // Validate before opening the database, so a bad file never touches it.
  const checked = checkBeforeOpening(name, arg, values, err);
  if (typeof checked === "number") return checked;

  loadDotEnv();
  const config = loadConfig();
  const database = await openCliDatabase(config, group, err);
  if (!database) return 1;
  try {
    const handler = COMMANDS.get(name);
    if (!handler) {
      out(USAGE);
      return 2;
    }
    return await handler({ ...checked, db: database.db, config, actor, arg, values, out, err });
  } catch (e) {
    if (e instanceof RegisterFileError) {
      err(`${checked.importOptions?.file ?? "file"}: ${e.message}`);
      err("Nothing was imported; the previous snapshots are unchanged.");
      return 1;
    }
    if (!(e instanceof AppError)) throw e;
    err(e.message);
    return 1;
  } finally {
    await database.close();
  }
}

/** Checks the arguments (and reads a plan file) before the database is opened; an exit code when they are wrong. */
function checkBeforeOpening(name: string, arg: string | undefined, values: CliValues, err: Writer): Checked | number {
  if (name === "plan import") {
    if (!arg) return fail(err, "plan import needs a file");
    const planText = fs.readFileSync(arg, "utf8");
    const parsed = parsePlanDocument(planText);
    if (!parsed.ok) {
      err(`${arg} is not a valid plan document; nothing was imported:`);
      for (const issue of parsed.issues) err(`  ${arg}:${formatIssue(issue)}`);
      return 1;
    }
    return { planText };
  }
  if (name === "import brreg") {
    const importOptions = registerImportOptions(values);
    if (typeof importOptions === "string") return fail(err, importOptions);
    return { importOptions };
  }
  if (name === "sync brreg") {
    const kind = values.kind;
    if (kind !== undefined && !isOneOf(REGISTER_KINDS, kind)) return fail(err, "--kind must be enheter or underenheter");
    const baseUrl = values["base-url"];
    if (baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(baseUrl)) return fail(err, "--base-url must be an http(s) URL");
  }
  return {};
}

/** Opens the configured database; null (after saying why) when the embedded one is held by the server during an import. */
async function openCliDatabase(config: Config, group: string, err: Writer): Promise<Database | null> {
  try {
    return await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  } catch (e) {
    if (e instanceof AppError && e.code === "database_locked" && group === "import") {
      err(e.message);
      err(
        "The server has the embedded database open, and only one process may. Either stop the server and run this again, or let the running server do the import: upload the file on the page Næringsstruktur → Importer, or\n" +
          "  curl -X POST -H 'Content-Type: application/gzip' -H 'X-CSRF-Token: <token>' -b <session cookie> --data-binary @<file> 'http://localhost:3000/api/register/imports?fileName=<name>'",
      );
      return null;
    }
    throw e;
  }
}

/** The commands, by "group command". Each returns the exit code. */
const COMMANDS = new Map<string, (run: Run) => Promise<number>>([
  [
    "plan list",
    async ({ db, out }) => {
      for (const p of await findPlans(db, true))
        out(`${p.key}\t${p.status}\t${p.version}\t${p.municipality.name} (${p.municipality.code})\t${p.title}`);
      return 0;
    },
  ],
  ["plan import", planImport],
  ["plan export", planExport],
  ["plan revise", planRevise],
  ["user add", userAdd],
  ["user password", userPassword],
  [
    "user list",
    async ({ db, out }) => {
      for (const u of await findUsers(db)) out(`${u.email}\t${u.role}\t${u.name}${u.disabled ? "\t(disabled)" : ""}`);
      return 0;
    },
  ],
  ["import brreg", registerImport],
  ["sync brreg", registerSync],
  ["register snapshots", registerSnapshots],
]);

async function planImport({ db, actor, planText, out }: Run): Promise<number> {
  if (!planText) {
    out(USAGE);
    return 2;
  }
  const parsed = parsePlanDocument(planText);
  if (!parsed.ok) return 1;
  const r = await importPlanDocument(db, actor, parsed.plan);
  out(`Imported plan ${r.key} (${r.planId}): ${JSON.stringify(r.counts)}`);
  return 0;
}

async function planExport({ db, arg, values, out, err }: Run): Promise<number> {
  if (!arg) return fail(err, "plan export needs a plan key");
  const doc = await exportPlanDocument(db, arg);
  const text = values.format === "json" ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc, { lineWidth: 0 });
  if (values.out) {
    fs.writeFileSync(values.out, text);
    out(`Wrote ${values.out}`);
  } else {
    out(text);
  }
  return 0;
}

async function planRevise({ db, actor, arg, values, out, err }: Run): Promise<number> {
  if (!arg || !values.key || !values.version) return fail(err, "plan revise needs a plan key, --key and --version");
  const r = await revisePlan(db, actor, arg, revisePlanSchema.parse({ key: values.key, version: values.version }));
  out(`Started revision ${r.key} (draft) of ${arg}`);
  return 0;
}

async function userAdd({ db, actor, values, out, err }: Run): Promise<number> {
  const { email, name, role } = values;
  if (!email || !name || !isOneOf(ROLES, role)) return fail(err, `user add needs --email, --name and --role (${ROLES.join("|")})`);
  const password = values.password ?? generatePassword();
  if (password.length < 12) return fail(err, "--password must be at least 12 characters");
  const user = await db.transaction((tx) => createUser(tx, actor, { email, name, role, password }));
  out(`Created ${user.role} ${user.email}${values.password ? "" : ` with password ${password}`}`);
  return 0;
}

async function userPassword({ db, actor, arg, values, out, err }: Run): Promise<number> {
  if (!arg) return fail(err, "user password needs an e-mail");
  const password = values.password ?? generatePassword();
  if (password.length < 12) return fail(err, "--password must be at least 12 characters");
  const found = await findUserByEmail(db, arg);
  if (!found) return fail(err, `No user with e-mail ${arg}`);
  await db.transaction(async (tx) => {
    await updateUser(tx, actor, found.id, { password });
    await deleteUserSessions(tx, found.id);
  });
  out(`New password for ${found.email}${values.password ? "" : `: ${password}`}`);
  return 0;
}

async function registerImport({ db, actor, importOptions, out }: Run): Promise<number> {
  if (!importOptions) {
    out(USAGE);
    return 2;
  }
  const progress = progressBar();
  const s = await importRegisterFile(db, importOptions.file, { ...importOptions, actor, onProgress: progress.update });
  progress.done();
  for (const line of formatImportSummary(s)) out(line);
  return s.loaded > 0 || s.alreadyImported ? 0 : 1;
}

async function registerSync({ db, config, actor, values, out, err }: Run): Promise<number> {
  const client = createBrregClient({ baseUrl: values["base-url"] ?? config.brregBaseUrl });
  const kind = values.kind;
  const kinds: RegisterKind[] = isOneOf(REGISTER_KINDS, kind) ? [kind] : await findSyncableKinds(db);
  if (kinds.length === 0)
    return fail(
      err,
      "There is no register snapshot to apply Brreg's update feed to: import a bulk file first (import brreg --file <file>).",
    );
  for (const kind of kinds) {
    const s = await syncRegisterFeed(db, { kind, client, actor });
    for (const line of formatSyncSummary(s)) out(line);
  }
  return 0;
}

async function registerSnapshots({ db, out }: Run): Promise<number> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`
        select id, kind, as_of::text as as_of, scope, status, source, summary->>'loaded' as loaded from register_snapshots order by as_of, id`,
  );
  for (const r of rows) out(`${r.id}\t${r.kind}\t${r.as_of}\t${r.status}\t${String(r.scope).slice(0, 40)}\t${r.loaded ?? ""}\t${r.source}`);
  return 0;
}

function registerImportOptions(values: CliValues) {
  const file = values.file;
  if (typeof file !== "string") return "import brreg needs --file <path>";
  if (!fs.existsSync(file)) return `No such file: ${file}`;
  const kind = values.kind;
  if (kind !== undefined && !isOneOf(REGISTER_KINDS, kind)) return "--kind must be enheter or underenheter";
  const asOf = values["as-of"];
  if (asOf !== undefined && (typeof asOf !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))) return "--as-of must be a date yyyy-mm-dd";
  const scope = values.scope;
  if (scope !== undefined && (typeof scope !== "string" || !/^(national|\d{4}(,\d{4})*)$/.test(scope)))
    return "--scope must be national or comma-separated municipality numbers";
  const nace = values.nace;
  if (nace !== undefined && !isOneOf(NACE_VERSIONS, nace)) return "--nace must be SN2007 or SN2025";
  return {
    file,
    kind,
    asOf,
    scope,
    naceVersion: nace,
  };
}

/** A one-line progress bar on a terminal (stderr); silent when stderr is not a terminal. */
function progressBar() {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update: (p: { bytesRead: number; totalBytes: number; records: number }) => {
      const now = Date.now();
      if (!tty || now - last < 200) return;
      last = now;
      const share = p.totalBytes > 0 ? Math.min(1, p.bytesRead / p.totalBytes) : 0;
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(
        `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)} %  ${p.records.toLocaleString("nb-NO")} poster`,
      );
    },
    done: () => {
      if (tty) process.stderr.write("\n");
    },
  };
}

function fail(err: (s: string) => void, message: string): number {
  err(message);
  return 2;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  runCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((e: unknown) => {
      console.error(e instanceof AppError || e instanceof ConfigError ? e.message : e);
      process.exit(1);
    });
}
