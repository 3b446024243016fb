import { DAY_MS, type ScheduledJob } from "../../jobs/scheduler.js";
import { PURGE_JOB, purgePersonalData } from "./purge.service.js";

/** The daily personal-data purge (docs/privacy.md). */
export const purgeJob: ScheduledJob = { name: PURGE_JOB, everyMs: DAY_MS, run: (db, now) => purgePersonalData(db, now) };

/** The privacy module's scheduled jobs, registered in server/jobs by main.ts. */
export const privacyJobs: readonly ScheduledJob[] = [purgeJob];
