CREATE TABLE "company_welcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"orgnr" text,
	"name" text,
	"area_code" text NOT NULL,
	"reason" text NOT NULL,
	"occurred_on" date,
	"welcomed_on" date NOT NULL,
	"engagement_id" uuid,
	"sole_proprietorship" boolean DEFAULT false NOT NULL,
	"purge_after" date,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_welcomes_org_area" UNIQUE("orgnr","area_code"),
	CONSTRAINT "company_welcomes_reason_check" CHECK ("company_welcomes"."reason" in ('new','moved_in'))
);
--> statement-breakpoint
CREATE TABLE "contact_meeting_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"area_code" text NOT NULL,
	"orgnr" text NOT NULL,
	"name" text NOT NULL,
	"rank" integer,
	"employees" integer,
	"ranked_as_of" date,
	"in_ranking" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"offered_on" date,
	"held_on" date,
	"declined_on" date,
	"engagement_id" uuid,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_meeting_offers_year_org" UNIQUE("year","area_code","orgnr"),
	CONSTRAINT "contact_meeting_offers_status_check" CHECK ("contact_meeting_offers"."status" in ('pending','offered','held','declined')),
	CONSTRAINT "contact_meeting_offers_dates_check" CHECK (("contact_meeting_offers"."status" = 'pending' or "contact_meeting_offers"."offered_on" is not null) and ("contact_meeting_offers"."status" <> 'held' or "contact_meeting_offers"."held_on" is not null) and ("contact_meeting_offers"."status" <> 'declined' or "contact_meeting_offers"."declined_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "engagement_companies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"orgnr" text,
	"name" text,
	"found_in_register" boolean DEFAULT false NOT NULL,
	"sole_proprietorship" boolean DEFAULT false NOT NULL,
	"purged_at" timestamp with time zone,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "engagement_companies_orgnr_check" CHECK ("engagement_companies"."orgnr" is null or "engagement_companies"."orgnr" ~ '^[0-9]{9}$')
);
--> statement-breakpoint
CREATE TABLE "engagement_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" text,
	"email" text,
	"phone" text,
	"company_orgnr" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"task" text NOT NULL,
	"owner" text,
	"department" text,
	"due_date" date,
	"done_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "engagement_organisations" (
	"engagement_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	CONSTRAINT "engagement_organisations_engagement_id_organisation_id_pk" PRIMARY KEY("engagement_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "engagement_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"engagement_id" uuid NOT NULL,
	"role" text NOT NULL,
	"name" text,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "engagement_participants_role_check" CHECK ("engagement_participants"."role" in ('political_leadership','administrative_leadership','business_development_staff','other'))
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"area_code" text NOT NULL,
	"topics" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"measure_keys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"notes_exempt" boolean DEFAULT false NOT NULL,
	"notes_exemption_basis" text,
	"purge_after" date,
	"personal_data_purged_at" timestamp with time zone,
	"created_by" uuid,
	"batch_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagements_kind_check" CHECK ("engagements"."kind" in ('company_visit','contact_meeting','dialogue_meeting','event','advocacy','welcome')),
	CONSTRAINT "engagements_area_check" CHECK ("engagements"."area_code" ~ '^[0-9]{4}$'),
	CONSTRAINT "engagements_exemption_check" CHECK (not "engagements"."notes_exempt" or ("engagements"."notes_exemption_basis" is not null and length(trim("engagements"."notes_exemption_basis")) > 0))
);
--> statement-breakpoint
CREATE TABLE "partner_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"orgnr" text,
	"source" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partner_organisations_key_unique" UNIQUE("key"),
	CONSTRAINT "partner_organisations_kind_check" CHECK ("partner_organisations"."kind" in ('business_organisation','network','cluster','regional_cooperation','municipality','county','state_agency','other'))
);
--> statement-breakpoint
ALTER TABLE "company_welcomes" ADD CONSTRAINT "company_welcomes_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_meeting_offers" ADD CONSTRAINT "contact_meeting_offers_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_companies" ADD CONSTRAINT "engagement_companies_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_contacts" ADD CONSTRAINT "engagement_contacts_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_follow_ups" ADD CONSTRAINT "engagement_follow_ups_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_organisations" ADD CONSTRAINT "engagement_organisations_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_organisations" ADD CONSTRAINT "engagement_organisations_organisation_id_partner_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."partner_organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagement_participants" ADD CONSTRAINT "engagement_participants_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_batch_id_import_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."import_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "company_welcomes_welcomed_idx" ON "company_welcomes" USING btree ("welcomed_on");--> statement-breakpoint
CREATE INDEX "engagement_companies_engagement_idx" ON "engagement_companies" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "engagement_companies_orgnr_idx" ON "engagement_companies" USING btree ("orgnr");--> statement-breakpoint
CREATE INDEX "engagement_contacts_engagement_idx" ON "engagement_contacts" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "engagement_follow_ups_due_idx" ON "engagement_follow_ups" USING btree ("due_date");--> statement-breakpoint
CREATE INDEX "engagement_follow_ups_engagement_idx" ON "engagement_follow_ups" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "engagement_organisations_org_idx" ON "engagement_organisations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "engagement_participants_engagement_idx" ON "engagement_participants" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "engagements_date_idx" ON "engagements" USING btree ("date");--> statement-breakpoint
CREATE INDEX "engagements_kind_date_idx" ON "engagements" USING btree ("kind","date");--> statement-breakpoint
-- Partner organisations and authorities the Bærum plan (Strategisk næringsplan 2015, v. 1.1) names;
-- "source" says where. Hand-added to the generated migration; editors add others through the API.
INSERT INTO "partner_organisations" ("key", "name", "kind", "source") VALUES
	('baerum-naeringsrad', 'Bærum Næringsråd', 'business_organisation', 'Satsingsområde 2 (ordførers bedriftsbesøk) og 3, Fakta'),
	('asker-baerum-handels-og-servicebedrifters-forening', 'Asker og Bærum Handels- og Servicebedrifters Forening', 'business_organisation', 'Satsingsområde 3, Fakta'),
	('kvinner-i-business', 'Kvinner i Business (KiB i Asker og Bærum)', 'network', 'Satsingsområde 3, Fakta'),
	('vestregionen', 'Vestregionen', 'regional_cooperation', 'Satsingsområde 3, Fakta'),
	('osloregionen', 'Samarbeidsalliansen Osloregionen', 'regional_cooperation', 'Satsingsområde 3, Fakta'),
	('oslo-business-region', 'Oslo Business Region AS', 'other', 'Satsingsområde 3, Fakta og tiltak'),
	('asker-kommune', 'Asker kommune', 'municipality', 'Satsingsområde 2 og 3, tiltak'),
	('oslo-kommune', 'Oslo kommune', 'municipality', 'Satsingsområde 3 (regional innovasjonsstrategi)'),
	('akershus-fylkeskommune', 'Akershus fylkeskommune', 'county', 'Satsingsområde 3, 4 og 7 (Viken fylkeskommune 2020–2023)'),
	('statens-vegvesen', 'Statens vegvesen', 'state_agency', 'Satsingsområde 7 (E18, E16)'),
	('ruter', 'Ruter', 'other', 'Satsingsområde 7 (kollektivtilbud, Fornebubanen)'),
	('nsb', 'NSB (Vy)', 'other', 'Satsingsområde 7'),
	('smartcity-baerum', 'SmartCity Bærum', 'network', 'Satsingsområde 2 og 7'),
	('subsea-valley', 'Subsea Valley', 'cluster', 'Satsingsområde 4, Fakta'),
	('maritimt-forum-oslofjorden', 'Maritimt Forum Oslofjorden', 'cluster', 'Satsingsområde 4, Fakta'),
	('oslofjorden-offshore-forum', 'Oslofjorden Offshore Forum', 'cluster', 'Satsingsområde 4, Fakta'),
	('oslo-ikt-nettverk', 'Oslo IKT Nettverk', 'cluster', 'Satsingsområde 4, Fakta'),
	('oreec', 'OREEC', 'cluster', 'Satsingsområde 4'),
	('forskningsradet', 'Norges forskningsråd', 'state_agency', 'Satsingsområde 4, Fakta'),
	('ungt-entreprenorskap', 'Ungt Entreprenørskap', 'other', 'Satsingsområde 4, Fakta'),
	('akershus-reiselivsrad', 'Akershus Reiselivsråd', 'business_organisation', 'Satsingsområde 5'),
	('nho', 'NHO', 'business_organisation', 'Satsingsområde 2, Fakta (Kommune-NM)');
