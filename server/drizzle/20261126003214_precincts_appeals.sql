CREATE TABLE "appeal_categories" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"group_name" text NOT NULL,
	"keywords" text DEFAULT '' NOT NULL,
	"responsible_unit" text NOT NULL,
	"deadline_days" integer DEFAULT 15 NOT NULL,
	"needs_place" boolean DEFAULT true NOT NULL,
	"public_text" boolean DEFAULT true NOT NULL,
	"source_item" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"appeal_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"status" text,
	"unit" text,
	"public_note" text,
	"internal_note" text,
	"actor_role" text NOT NULL,
	"actor_user_id" uuid
);
--> statement-breakpoint
CREATE TABLE "appeal_photos" (
	"appeal_id" uuid NOT NULL,
	"sha256" text NOT NULL,
	"ord" smallint NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"evidence" boolean DEFAULT false NOT NULL,
	CONSTRAINT "appeal_photos_appeal_id_ord_pk" PRIMARY KEY("appeal_id","ord")
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"resident_key_hash" text NOT NULL,
	"category_code" text NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"public_description" text NOT NULL,
	"hidden" boolean DEFAULT false NOT NULL,
	"location" geometry(Point,4326),
	"address" text,
	"precinct_id" text,
	"district_id" text,
	"unit" text,
	"status" text NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone,
	"status_reason" text,
	"duplicate_of_id" uuid,
	"contested_at" timestamp with time zone,
	"contest_reason" text,
	"rating" smallint,
	"rated_at" timestamp with time zone,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"contact_lang" text DEFAULT 'ru' NOT NULL,
	"source" text NOT NULL,
	"api_key_id" uuid,
	"advert_kind" text,
	"advert_url" text,
	"removed_at" timestamp with time zone,
	"removal_evidence" text,
	"adopted_ref" jsonb,
	"support_count" integer DEFAULT 0 NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appeals_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "open311_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "open311_keys_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "proposal_supports" (
	"appeal_id" uuid NOT NULL,
	"supporter_key" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_supports_appeal_id_supporter_key_pk" PRIMARY KEY("appeal_id","supporter_key")
);
--> statement-breakpoint
CREATE TABLE "support_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"appeal_id" uuid NOT NULL,
	"supporter_key" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "app_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_overrides" (
	"date" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "address_register" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"street" text NOT NULL,
	"house" text NOT NULL,
	"street_key" text NOT NULL,
	"house_key" text NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"personnel_number" text NOT NULL,
	"name" jsonb NOT NULL,
	"rank" jsonb NOT NULL,
	"position" jsonb NOT NULL,
	"phone" text NOT NULL,
	"messengers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"photo_sha" text,
	"precinct_id" text,
	"reception_point_id" uuid,
	"user_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inspectors_personnel_number_unique" UNIQUE("personnel_number")
);
--> statement-breakpoint
CREATE TABLE "precincts" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"district_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"population" integer,
	"population_year" integer,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "precincts_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "reception_points" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"address" jsonb NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"district_id" text,
	"phone" text,
	"all_day" boolean DEFAULT false NOT NULL,
	"hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "appeal_events" ADD CONSTRAINT "appeal_events_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_events" ADD CONSTRAINT "appeal_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_photos" ADD CONSTRAINT "appeal_photos_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_category_code_appeal_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."appeal_categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_precinct_id_precincts_id_fk" FOREIGN KEY ("precinct_id") REFERENCES "public"."precincts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeals" ADD CONSTRAINT "appeals_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_supports" ADD CONSTRAINT "proposal_supports_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "support_challenges" ADD CONSTRAINT "support_challenges_appeal_id_appeals_id_fk" FOREIGN KEY ("appeal_id") REFERENCES "public"."appeals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_precinct_id_precincts_id_fk" FOREIGN KEY ("precinct_id") REFERENCES "public"."precincts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_reception_point_id_reception_points_id_fk" FOREIGN KEY ("reception_point_id") REFERENCES "public"."reception_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspectors" ADD CONSTRAINT "inspectors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "precincts" ADD CONSTRAINT "precincts_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reception_points" ADD CONSTRAINT "reception_points_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "appeal_events_appeal_idx" ON "appeal_events" USING btree ("appeal_id","at");--> statement-breakpoint
CREATE INDEX "appeals_unit_status_idx" ON "appeals" USING btree ("unit","status");--> statement-breakpoint
CREATE INDEX "appeals_district_status_idx" ON "appeals" USING btree ("district_id","status");--> statement-breakpoint
CREATE INDEX "appeals_created_idx" ON "appeals" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "appeals_category_created_idx" ON "appeals" USING btree ("category_code","created_at");--> statement-breakpoint
CREATE INDEX "appeals_location_idx" ON "appeals" USING gist ("location");--> statement-breakpoint
CREATE UNIQUE INDEX "address_register_key_idx" ON "address_register" USING btree ("street_key","house_key");--> statement-breakpoint
CREATE INDEX "address_register_street_idx" ON "address_register" USING btree ("street_key");--> statement-breakpoint
CREATE INDEX "inspectors_precinct_idx" ON "inspectors" USING btree ("precinct_id");--> statement-breakpoint
CREATE INDEX "precincts_geom_idx" ON "precincts" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "precincts_district_idx" ON "precincts" USING btree ("district_id");