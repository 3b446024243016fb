import fs from "node:fs";
import os from "node:os";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { formatIssue, parsePlanDocument } from "../core/plan/parse.js";
import { ConfigError, loadConfig, loadDotEnv } from "./config.js";
import { openDatabase } from "./db/client.js";
import { ROLES, type Role } from "./db/schema/index.js";
import { AppError } from "./errors.js";
import { generatePassword } from "./lib/password.js";
import type { Actor } from "./modules/audit/audit.service.js";
import { deleteUserSessions } from "./modules/auth/sessions.service.js";
import { exportPlanDocument } from "./modules/plans/plan-export.service.js";
import { importPlanDocument } from "./modules/plans/plan-import.service.js";
import { revisePlan, revisePlanSchema } from "./modules/plans/plan-revision.service.js";
import { findPlans } from "./modules/plans/plans.service.js";
import { createUser, findUserByEmail, findUsers, updateUser } from "./modules/users/users.service.js";

const USAGE = `Næringskompass CLI — npm run cli -- <command>

  plan list                                  plans in the database
  plan import <file.yaml|file.json>          load a plan document (all or nothing)
  plan export <plan-key> [--format yaml|json] [--out <file>]
  plan revise <plan-key> --key <new-key> --version <2.0>   start a draft revision with the same stable keys
  user add --email <e-mail> --name <name> --role admin|editor|contributor|reader [--password <pw>]
  user list
  user password <e-mail> [--password <pw>]    set a new password (generated when omitted); ends the user's sessions

Uses the same configuration as the server (DATA_DIR or DATABASE_URL). With the embedded
database, stop the server first: only one process may open it.`;

/** Runs one CLI command; returns the process exit code. Output goes to the given writers. */
export async function runCli(
  argv: string[],
  out: (s: string) => void = console.log,
  err: (s: string) => void = console.error,
): Promise<number> {
  const { values, positionals } = parseArgs({
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
    },
  });
  const [group, command, arg] = positionals;
  if (values.help || !group) {
    out(USAGE);
    return values.help ? 0 : 2;
  }
  const actor: Actor = { userId: null, label: `cli:${os.userInfo().username}`, role: "system" };

  // Validate before opening the database, so a bad file never touches it.
  let planText: string | undefined;
  if (group === "plan" && command === "import") {
    if (!arg) return fail(err, "plan import needs a file");
    planText = fs.readFileSync(arg, "utf8");
    const parsed = parsePlanDocument(planText);
    if (!parsed.ok) {
      err(`${arg} is not a valid plan document; nothing was imported:`);
      for (const issue of parsed.issues) err(`  ${arg}:${formatIssue(issue)}`);
      return 1;
    }
  }

  loadDotEnv();
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  try {
    const db = database.db;
    if (group === "plan" && command === "list") {
      for (const p of await findPlans(db, true))
        out(`${p.key}\t${p.status}\t${p.version}\t${p.municipality.name} (${p.municipality.code})\t${p.title}`);
      return 0;
    }
    if (group === "plan" && command === "import" && planText) {
      const parsed = parsePlanDocument(planText);
      if (!parsed.ok) return 1;
      const r = await importPlanDocument(db, actor, parsed.plan);
      out(`Imported plan ${r.key} (${r.planId}): ${JSON.stringify(r.counts)}`);
      return 0;
    }
    if (group === "plan" && command === "export") {
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
    if (group === "plan" && command === "revise") {
      if (!arg || !values.key || !values.version) return fail(err, "plan revise needs a plan key, --key and --version");
      const r = await revisePlan(db, actor, arg, revisePlanSchema.parse({ key: values.key, version: values.version }));
      out(`Started revision ${r.key} (draft) of ${arg}`);
      return 0;
    }
    if (group === "user" && command === "add") {
      const role = values.role as Role | undefined;
      if (!values.email || !values.name || !role || !ROLES.includes(role))
        return fail(err, `user add needs --email, --name and --role (${ROLES.join("|")})`);
      const password = values.password ?? generatePassword();
      if (password.length < 12) return fail(err, "--password must be at least 12 characters");
      const user = await db.transaction((tx) =>
        createUser(tx, actor, { email: values.email as string, name: values.name as string, role, password }),
      );
      out(`Created ${user.role} ${user.email}${values.password ? "" : ` with password ${password}`}`);
      return 0;
    }
    if (group === "user" && command === "password") {
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
    if (group === "user" && command === "list") {
      for (const u of await findUsers(db)) out(`${u.email}\t${u.role}\t${u.name}${u.disabled ? "\t(disabled)" : ""}`);
      return 0;
    }
    out(USAGE);
    return 2;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    err(e.message);
    return 1;
  } finally {
    await database.close();
  }
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
