CREATE TABLE "school_business_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_year" text NOT NULL,
	"kind" text NOT NULL,
	"place" text NOT NULL,
	"grade" text,
	"programme" text,
	"trade" text,
	"count" integer NOT NULL,
	"batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_business_count_check" CHECK ("school_business_entries"."count" > 0),
	CONSTRAINT "school_business_year_check" CHECK ("school_business_entries"."school_year" ~ '^[0-9]{4}/[0-9]{2}$'),
	CONSTRAINT "school_business_kind_check" CHECK ("school_business_entries"."kind" in ('ue_programme','apprenticeship'))
);
--> statement-breakpoint
ALTER TABLE "school_business_entries" ADD CONSTRAINT "school_business_entries_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "school_business_year_idx" ON "school_business_entries" USING btree ("school_year","kind");