CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"label" text DEFAULT '' NOT NULL,
	"planned_tiyn" bigint NOT NULL,
	"allocated_tiyn" bigint,
	"spent_tiyn" bigint,
	"source" text NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "budget_lines_non_negative" CHECK ("budget_lines"."planned_tiyn" >= 0 and coalesce("budget_lines"."allocated_tiyn", 0) >= 0 and coalesce("budget_lines"."spent_tiyn", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_kind" text NOT NULL,
	"period_code" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" numeric NOT NULL,
	"source" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"figure_id" uuid,
	"entered_by_role" text NOT NULL,
	"entered_by_unit" text NOT NULL,
	"entered_by_user" uuid,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"unit_id" text DEFAULT 'city' NOT NULL,
	"name" jsonb NOT NULL,
	"measure" text NOT NULL,
	"direction" text NOT NULL,
	"baseline_period" text,
	"baseline_value" numeric,
	"target_kind" text DEFAULT 'value' NOT NULL,
	"target_value" numeric,
	"target_date" date,
	"thresholds" jsonb DEFAULT '{"green":100,"amber":90}'::jsonb NOT NULL,
	"data_source" text NOT NULL,
	"source_item" text,
	"note" text DEFAULT '' NOT NULL,
	"programme_id" uuid,
	"official_id" uuid,
	"recommendation_number" integer,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" text NOT NULL,
	"text" text NOT NULL,
	"executor" text NOT NULL,
	"deadline" date,
	"status" text DEFAULT 'planned' NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"source_item" text,
	"synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officials" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"position" jsonb NOT NULL,
	"unit_id" text NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"official_id" uuid,
	"unit_id" text DEFAULT 'city' NOT NULL,
	"recommendation_numbers" integer[] DEFAULT '{}' NOT NULL,
	"source_item" text,
	"declared_measure_count" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "trust_survey_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"context" text NOT NULL,
	"district_id" text,
	"month" date NOT NULL,
	"scale" text NOT NULL,
	"answers" jsonb NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trust_survey_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"context" text NOT NULL,
	"district_id" text,
	"issuer_key" text,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "population" integer;--> statement-breakpoint
ALTER TABLE "districts" ADD COLUMN "population_year" integer;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_lines_programme_year_label_idx" ON "budget_lines" USING btree ("programme_id","year","label");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_values_current_idx" ON "indicator_values" USING btree ("indicator_id","period_code") WHERE "indicator_values"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "indicator_values_indicator_period_idx" ON "indicator_values" USING btree ("indicator_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_code_unit_idx" ON "indicators" USING btree ("code","unit_id");--> statement-breakpoint
CREATE INDEX "indicators_programme_idx" ON "indicators" USING btree ("programme_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_programme_number_idx" ON "measures" USING btree ("programme_id","number");--> statement-breakpoint
CREATE INDEX "trust_responses_month_idx" ON "trust_survey_responses" USING btree ("month","district_id");--> statement-breakpoint
CREATE INDEX "trust_tokens_issuer_idx" ON "trust_survey_tokens" USING btree ("issuer_key","issued_at");