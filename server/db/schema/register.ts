import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { ImportJobOptions, ImportJobState, ImportSummary } from "../../../core/api/register-shapes.js";
import { users } from "./accounts.js";
import { timestamps } from "./columns.js";

/**
 * The register's snapshot tables (register_snapshots, register_rows and its partitions,
 * aggregates, changes, feed cursors) are written by hand in migration 0002_register.sql: drizzle
 * cannot declare partitioned tables. Upload import jobs are plain rows and live here.
 */

/**
 * One upload of a Brreg bulk file and its import: state and progress survive a restart, so the
 * Næringsstruktur page shows what ran, what failed and why. The uploaded file is kept in
 * DATA_DIR/uploads (`upload_path`) while the job can be resumed; null once it is removed.
 */
export const registerImportJobs = pgTable(
  "register_import_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    status: text("status").$type<ImportJobState>().notNull().default("queued"),
    fileName: text("file_name").notNull(),
    uploadPath: text("upload_path"),
    options: jsonb("options").$type<ImportJobOptions>().notNull().default({}),
    bytesRead: bigint("bytes_read", { mode: "number" }).notNull().default(0),
    totalBytes: bigint("total_bytes", { mode: "number" }).notNull().default(0),
    records: integer("records").notNull().default(0),
    summary: jsonb("summary").$type<ImportSummary>(),
    error: jsonb("error").$type<{ message: string; line: number | null }>(),
    createdBy: text("created_by").notNull(),
    createdById: uuid("created_by_id").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    check(
      "register_import_jobs_status_check",
      sql`${t.status} in ('queued', 'running', 'succeeded', 'failed', 'interrupted', 'discarded')`,
    ),
    index("register_import_jobs_created_idx").on(t.createdAt),
  ],
);
