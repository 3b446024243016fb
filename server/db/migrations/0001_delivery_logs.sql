CREATE TABLE "building_application_stops" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	"reason" text,
	CONSTRAINT "stops_order_check" CHECK ("building_application_stops"."to_date" is null or "building_application_stops"."to_date" >= "building_application_stops"."from_date")
);
--> statement-breakpoint
CREATE TABLE "building_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" text NOT NULL,
	"application_id" text NOT NULL,
	"application_type" text NOT NULL,
	"commercial" boolean NOT NULL,
	"building_kind" text,
	"address" text,
	"received_date" date NOT NULL,
	"complete_date" date,
	"decision_date" date,
	"neighbour_objections" boolean DEFAULT false NOT NULL,
	"dispensation_needed" boolean DEFAULT false NOT NULL,
	"other_authorities" boolean DEFAULT false NOT NULL,
	"batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "building_applications_case_app" UNIQUE("case_id","application_id"),
	CONSTRAINT "building_applications_type_check" CHECK ("building_applications"."application_type" in ('ett_trinn','rammetillatelse','igangsettingstillatelse','endringssoknad','dispensasjon','midlertidig_brukstillatelse','ferdigattest','tiltak_uten_ansvarsrett','annet')),
	CONSTRAINT "building_applications_dates_check" CHECK ("building_applications"."decision_date" is null or "building_applications"."complete_date" is null or "building_applications"."decision_date" >= "building_applications"."complete_date")
);
--> statement-breakpoint
CREATE TABLE "entrepreneur_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid,
	"orgnr" text,
	"sole_proprietorship" boolean DEFAULT false NOT NULL,
	"registered_date" date,
	"purge_after" date,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entrepreneur_links_orgnr_check" CHECK ("entrepreneur_links"."orgnr" is null or "entrepreneur_links"."orgnr" ~ '^[0-9]{9}$')
);
--> statement-breakpoint
CREATE TABLE "entrepreneur_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"participants" integer NOT NULL,
	"participants_growth_potential" integer DEFAULT 0 NOT NULL,
	"participants_foreign_background" integer DEFAULT 0 NOT NULL,
	"home_municipality" text NOT NULL,
	"batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entrepreneur_sessions_counts_check" CHECK ("entrepreneur_sessions"."participants" >= 0 and "entrepreneur_sessions"."participants_growth_potential" between 0 and "entrepreneur_sessions"."participants" and "entrepreneur_sessions"."participants_foreign_background" between 0 and "entrepreneur_sessions"."participants")
);
--> statement-breakpoint
CREATE TABLE "import_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"file_name" text,
	"encoding" text,
	"rows_read" integer NOT NULL,
	"inserted" integer NOT NULL,
	"updated" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"job" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL,
	"last_result" jsonb,
	"last_run_by" uuid
);
--> statement-breakpoint
CREATE TABLE "land_areas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"centre" text,
	"zoning" text,
	"total_m2" double precision,
	"available_m2" double precision,
	"planned_m2" double precision,
	"status" text,
	"geometry" jsonb,
	"source" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "land_areas_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "lia_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_year" text NOT NULL,
	"company_name" text NOT NULL,
	"orgnr" text,
	"sector" text NOT NULL,
	"school" text,
	"placements" integer NOT NULL,
	"batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lia_placements_count_check" CHECK ("lia_placements"."placements" > 0),
	CONSTRAINT "lia_placements_year_check" CHECK ("lia_placements"."school_year" ~ '^[0-9]{4}/[0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"established_date" date,
	"start_date" date,
	"end_date" date,
	"partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text,
	"measure_key" text,
	"batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "rezoning_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"land_area_id" uuid,
	"case_id" text NOT NULL,
	"title" text NOT NULL,
	"from_use" text NOT NULL,
	"to_use" text NOT NULL,
	"area_m2" double precision,
	"received_date" date NOT NULL,
	"decision_date" date,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rezoning_applications_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
ALTER TABLE "building_application_stops" ADD CONSTRAINT "building_application_stops_application_id_building_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."building_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "building_applications" ADD CONSTRAINT "building_applications_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entrepreneur_links" ADD CONSTRAINT "entrepreneur_links_session_id_entrepreneur_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."entrepreneur_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entrepreneur_sessions" ADD CONSTRAINT "entrepreneur_sessions_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_last_run_by_users_id_fk" FOREIGN KEY ("last_run_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lia_placements" ADD CONSTRAINT "lia_placements_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rezoning_applications" ADD CONSTRAINT "rezoning_applications_land_area_id_land_areas_id_fk" FOREIGN KEY ("land_area_id") REFERENCES "public"."land_areas"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "building_application_stops_app_idx" ON "building_application_stops" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "building_applications_decision_idx" ON "building_applications" USING btree ("decision_date");--> statement-breakpoint
CREATE INDEX "entrepreneur_sessions_date_idx" ON "entrepreneur_sessions" USING btree ("date");--> statement-breakpoint
CREATE INDEX "lia_placements_year_idx" ON "lia_placements" USING btree ("school_year");--> statement-breakpoint
CREATE INDEX "projects_kind_idx" ON "projects" USING btree ("kind","established_date");