CREATE TABLE "register_import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"file_name" text NOT NULL,
	"upload_path" text,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"total_bytes" bigint DEFAULT 0 NOT NULL,
	"records" integer DEFAULT 0 NOT NULL,
	"summary" jsonb,
	"error" jsonb,
	"created_by" text NOT NULL,
	"created_by_id" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "register_import_jobs_status_check" CHECK ("register_import_jobs"."status" in ('queued', 'running', 'succeeded', 'failed', 'interrupted', 'discarded'))
);
--> statement-breakpoint
ALTER TABLE "register_import_jobs" ADD CONSTRAINT "register_import_jobs_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "register_import_jobs_created_idx" ON "register_import_jobs" USING btree ("created_at");