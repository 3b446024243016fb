import { buildApp } from "./app.js";
import { ConfigError, loadConfig, loadDotEnv } from "./config.js";
import { openDatabase } from "./db/client.js";
import { AppError } from "./errors.js";
import { registerJob, startScheduledJobs } from "./jobs/scheduler.js";
import { SYSTEM_ACTOR } from "./modules/audit/index.js";
import { loadBundledLandAreas } from "./modules/land/index.js";
import { loadBundledPlans } from "./modules/plans/index.js";
import { privacyJobs } from "./modules/privacy/index.js";
import { cleanupIncompleteSnapshots, loadBundledRegister, recoverImportJobs } from "./modules/register/index.js";
import { ensureInitialAdmin } from "./modules/users/index.js";

/** loadConfig → open the database (migrations run) → first-start data → buildApp → listen. */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : config.dataDir });
  // A register import killed mid-way left a detached partition: drop it (the data is unchanged).
  const cleaned = await cleanupIncompleteSnapshots(database.db);
  if (cleaned > 0) console.log(`Removed ${cleaned} interrupted register import(s); run them again.`);
  // Upload import jobs the stopped process left running are interrupted: resume or discard them.
  const interrupted = await recoverImportJobs(database.db);
  if (interrupted > 0) console.log(`${interrupted} register upload import(s) were interrupted; resume or discard them on Næringsstruktur.`);
  const admin = await database.db.transaction((tx) => ensureInitialAdmin(tx, SYSTEM_ACTOR, config.adminEmail, config.adminPassword));
  if (config.loadBundledPlan) {
    for (const r of await loadBundledPlans(database.db)) {
      console.log(
        `Loaded bundled plan ${r.key}: ${r.counts.focusAreas} focus areas, ${r.counts.goals} goals, ${r.counts.measures} measures, ${r.counts.targets} targets.`,
      );
    }
    for (const r of await loadBundledLandAreas(database.db))
      if (r.inserted.length > 0) console.log(`Loaded ${r.inserted.length} bundled land areas from ${r.file}.`);
    for (const r of await loadBundledRegister(database.db))
      console.log(`Loaded register demo extract: ${r.loaded} ${r.kind} as of ${r.asOf} (snapshot ${r.snapshotId}).`);
  }
  const app = await buildApp({ config, database });
  for (const job of privacyJobs) registerJob(job);
  const jobs = startScheduledJobs({ db: database.db, config, log: app.log });
  const close = async (signal: string) => {
    app.log.info(`${signal}: closing`);
    await jobs.stop();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void close("SIGINT"));
  process.once("SIGTERM", () => void close("SIGTERM"));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${config.port}`;
  console.log(`Næringskompass runs at ${url} (database: ${database.kind}, ${database.location})`);
  if (admin) {
    console.log(
      admin.generated
        ? `First start: created admin ${admin.email} with password ${admin.password}\nSign in at ${url}. To change it: stop the server and run \`npm run cli -- user password ${admin.email}\` (or set ADMIN_PASSWORD before the first start).`
        : `First start: created admin ${admin.email} with the password from ADMIN_PASSWORD.`,
    );
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof AppError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
