-- Enhetsregisteret (Brønnøysund business register): snapshots, their rows, pre-aggregated figures,
-- changes between snapshots and the update-feed cursor. Hand-written (drizzle-kit cannot express a
-- partitioned table); queried with SQL from server/modules/register. Works on PostgreSQL 15 and PGlite.

-- One import of one file (or one feed sync): dated by the data, with its scope.
CREATE TABLE "register_snapshots" (
	"id" serial PRIMARY KEY,
	-- 'enheter' (hovedenheter, legal units) or 'underenheter' (local units, establishments)
	"kind" text NOT NULL CHECK ("kind" IN ('enheter', 'underenheter')),
	-- the date the data describes (--as-of or the latest register date in the data), not the import day
	"as_of" date NOT NULL,
	-- 'national' or the sorted, comma-separated current municipality numbers the data covers
	"scope" text NOT NULL,
	-- where the rows came from: a file name, or 'feed' for an update-feed sync
	"source" text NOT NULL,
	"source_format" text NOT NULL,
	-- SHA-256 of the file's bytes (null for feed snapshots): the same file twice changes nothing
	"content_sha256" text,
	-- 'SN2007', 'SN2025' or 'mixed'
	"nace_version" text,
	"status" text NOT NULL DEFAULT 'loading' CHECK ("status" IN ('loading', 'complete', 'failed')),
	-- the snapshot a feed sync started from
	"based_on" integer REFERENCES "register_snapshots"("id") ON DELETE SET NULL,
	-- read, inserted, updated, unchanged, rejected, …
	"summary" jsonb,
	-- rejected rows: [{ line, orgnr, reason }] (the first 1000)
	"rejections" jsonb,
	"note" text,
	"created_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL DEFAULT now(),
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "register_snapshots_kind_scope_idx" ON "register_snapshots" ("kind", "scope", "as_of") WHERE "status" = 'complete';
--> statement-breakpoint
CREATE UNIQUE INDEX "register_snapshots_complete_key" ON "register_snapshots" ("kind", "scope", "as_of") WHERE "status" = 'complete';
--> statement-breakpoint

-- The entities of every snapshot, one partition per snapshot: a load fills a detached table with
-- COPY, indexes it and attaches it; a failed or killed load leaves only a detached table that the
-- next start drops. Removing a snapshot is dropping its partition.
CREATE TABLE "register_rows" (
	"snapshot_id" integer NOT NULL,
	"orgnr" text NOT NULL,
	"name" text NOT NULL,
	"org_form" text,
	-- the industry code as registered (e.g. '62.020') and the standard it belongs to
	"nace_code" text,
	"nace_version" text,
	-- section letter and two-digit division within that standard (never compared across standards)
	"nace_section" text,
	"nace_division" text,
	-- the knowledge-intensity group of the division (core/register/kis.ts), null when not classified
	"kis_group" text,
	-- municipality number as in the data, and today's number for it (null: abroad, missing or split)
	"municipality_raw" text,
	"area_code" text,
	-- which address placed the entity: forretningsadresse, postadresse or beliggenhetsadresse
	"address_rule" text,
	"address" text,
	"postal_code" text,
	"postal_place" text,
	-- exact headcount where published, else null; size class always when known ('1-4' from the flag)
	"employees" integer,
	"size_class" text,
	"registered_on" date,
	"started_on" date,
	"parent_orgnr" text,
	"sector_code" text,
	"bankrupt" boolean NOT NULL DEFAULT false,
	"liquidating" boolean NOT NULL DEFAULT false,
	"closed_on" date,
	-- fingerprint of the values above, to tell updated from unchanged between snapshots
	"row_hash" text NOT NULL
) PARTITION BY LIST ("snapshot_id");
--> statement-breakpoint

-- Figures per snapshot, municipality (today's number) and dimension, computed once after a load.
CREATE TABLE "register_aggregates" (
	"snapshot_id" integer NOT NULL REFERENCES "register_snapshots"("id") ON DELETE CASCADE,
	"area_code" text NOT NULL,
	-- total | section | division | kis | size | form | registered_year | new_firm_year
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"entities" integer NOT NULL,
	-- sum of exact headcounts of 5 or more (comparable across the 2015-ish change in publication)
	"employees_5plus" integer NOT NULL DEFAULT 0,
	-- entities in the 1–4 size class (exact or flagged)
	"units_1_4" integer NOT NULL DEFAULT 0,
	-- entities without any headcount information
	"units_unknown" integer NOT NULL DEFAULT 0,
	PRIMARY KEY ("snapshot_id", "dimension", "area_code", "key")
);
--> statement-breakpoint

-- What happened between two snapshots of the same kind and scope, or from the update feed.
CREATE TABLE "register_changes" (
	"id" bigserial PRIMARY KEY,
	"kind" text NOT NULL,
	"scope" text NOT NULL,
	"snapshot_id" integer REFERENCES "register_snapshots"("id") ON DELETE CASCADE,
	"previous_snapshot_id" integer REFERENCES "register_snapshots"("id") ON DELETE CASCADE,
	"orgnr" text NOT NULL,
	-- registered | deleted | moved_in | moved_out | bankrupt | employees
	"change" text NOT NULL,
	"area_code" text,
	"previous_area_code" text,
	"employees_before" integer,
	"employees_after" integer,
	-- when it happened as far as the data tells (feed time, register date, or the later snapshot's date)
	"occurred_on" date NOT NULL,
	"oppdateringsid" bigint
);
--> statement-breakpoint
CREATE INDEX "register_changes_area_idx" ON "register_changes" ("area_code", "change", "occurred_on");
--> statement-breakpoint
CREATE INDEX "register_changes_snapshot_idx" ON "register_changes" ("snapshot_id");
--> statement-breakpoint
CREATE INDEX "register_changes_orgnr_idx" ON "register_changes" ("orgnr");
--> statement-breakpoint

-- The update feed (/oppdateringer/enheter and /underenheter): one cursor per kind and the events seen.
CREATE TABLE "register_feed_cursors" (
	"kind" text PRIMARY KEY CHECK ("kind" IN ('enheter', 'underenheter')),
	"last_oppdateringsid" bigint NOT NULL,
	"last_dato" timestamp with time zone,
	"snapshot_id" integer REFERENCES "register_snapshots"("id") ON DELETE SET NULL,
	"updated_at" timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "register_feed_events" (
	"kind" text NOT NULL,
	"oppdateringsid" bigint NOT NULL,
	"orgnr" text NOT NULL,
	-- Ny | Endring | Sletting | Fjernet | Ukjent (Fjernet: the orgnr is blanked after removal)
	"endringstype" text NOT NULL,
	"dato" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone NOT NULL DEFAULT now(),
	PRIMARY KEY ("kind", "oppdateringsid")
);
