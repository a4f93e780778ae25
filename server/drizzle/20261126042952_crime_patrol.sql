CREATE TABLE "backtests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" text NOT NULL,
	"task_id" uuid,
	"params" jsonb NOT NULL,
	"result" jsonb,
	"status" text DEFAULT 'queued' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crime_category_map" (
	"dataset_id" text NOT NULL,
	"source_category" text NOT NULL,
	"line_code" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "crime_category_map_dataset_id_source_category_pk" PRIMARY KEY("dataset_id","source_category")
);
--> statement-breakpoint
CREATE TABLE "crime_datasets" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"public" boolean DEFAULT false NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"time_zone" text DEFAULT 'Asia/Almaty' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crime_lines" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"against_person" boolean DEFAULT false NOT NULL,
	"programme_code" text,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forecast_cells" (
	"run_id" uuid NOT NULL,
	"cell" integer NOT NULL,
	"score" double precision NOT NULL,
	"rank" integer NOT NULL,
	CONSTRAINT "forecast_cells_run_id_cell_pk" PRIMARY KEY("run_id","cell")
);
--> statement-breakpoint
CREATE TABLE "forecast_method_choices" (
	"dataset_id" text NOT NULL,
	"line_code" text NOT NULL,
	"method" text NOT NULL,
	"params" jsonb NOT NULL,
	"backtest_id" uuid,
	"chosen_by" uuid,
	"chosen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "forecast_method_choices_dataset_id_line_code_pk" PRIMARY KEY("dataset_id","line_code")
);
--> statement-breakpoint
CREATE TABLE "forecast_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" text NOT NULL,
	"task_id" uuid,
	"method" text NOT NULL,
	"params" jsonb NOT NULL,
	"lines" text[] NOT NULL,
	"origin" timestamp with time zone NOT NULL,
	"horizon_days" double precision NOT NULL,
	"lookback_days" double precision,
	"grid" jsonb,
	"fit" jsonb,
	"incidents_used" integer,
	"status" text DEFAULT 'queued' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_import_mappings_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "incident_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" text NOT NULL,
	"task_id" uuid,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"file_bytes" bigint NOT NULL,
	"mapping" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"inserted" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" integer DEFAULT 0 NOT NULL,
	"rejects_by_reason" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reject_examples" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "incidents_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"dataset_id" text NOT NULL,
	"external_id" text NOT NULL,
	"source_category" text NOT NULL,
	"line_code" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"time_known" boolean DEFAULT true NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"source_district" text,
	"cleared" boolean,
	"import_id" uuid,
	"synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deployment_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"shift_code" text NOT NULL,
	"date" text NOT NULL,
	"forecast_run_id" uuid,
	"task_id" uuid,
	"constraints" jsonb NOT NULL,
	"result" jsonb,
	"status" text DEFAULT 'queued' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrol_routes" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"sector_id" text NOT NULL,
	"kind" text NOT NULL,
	"geom" geometry(Geometry,4326) NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "patrol_routes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "patrol_sectors" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"district_id" text NOT NULL,
	"name" jsonb NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "patrol_sectors_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "patrol_shifts" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"starts" text NOT NULL,
	"ends" text NOT NULL,
	"car_crews" integer NOT NULL,
	"foot_crews" integer NOT NULL,
	"risk_weight" double precision DEFAULT 1 NOT NULL,
	"min_foot_share" double precision DEFAULT 0 NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"stage" text,
	"input" jsonb,
	"result" jsonb,
	"error" jsonb,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_dataset_id_crime_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."crime_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "backtests" ADD CONSTRAINT "backtests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_category_map" ADD CONSTRAINT "crime_category_map_dataset_id_crime_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."crime_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crime_category_map" ADD CONSTRAINT "crime_category_map_line_code_crime_lines_code_fk" FOREIGN KEY ("line_code") REFERENCES "public"."crime_lines"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_cells" ADD CONSTRAINT "forecast_cells_run_id_forecast_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."forecast_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_method_choices" ADD CONSTRAINT "forecast_method_choices_dataset_id_crime_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."crime_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_method_choices" ADD CONSTRAINT "forecast_method_choices_backtest_id_backtests_id_fk" FOREIGN KEY ("backtest_id") REFERENCES "public"."backtests"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_method_choices" ADD CONSTRAINT "forecast_method_choices_chosen_by_users_id_fk" FOREIGN KEY ("chosen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_runs" ADD CONSTRAINT "forecast_runs_dataset_id_crime_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."crime_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_runs" ADD CONSTRAINT "forecast_runs_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "forecast_runs" ADD CONSTRAINT "forecast_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_import_mappings" ADD CONSTRAINT "incident_import_mappings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_imports" ADD CONSTRAINT "incident_imports_dataset_id_crime_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."crime_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_imports" ADD CONSTRAINT "incident_imports_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_imports" ADD CONSTRAINT "incident_imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_dataset_id_crime_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "public"."crime_datasets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_line_code_crime_lines_code_fk" FOREIGN KEY ("line_code") REFERENCES "public"."crime_lines"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_plans" ADD CONSTRAINT "deployment_plans_shift_code_patrol_shifts_code_fk" FOREIGN KEY ("shift_code") REFERENCES "public"."patrol_shifts"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_plans" ADD CONSTRAINT "deployment_plans_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deployment_plans" ADD CONSTRAINT "deployment_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_routes" ADD CONSTRAINT "patrol_routes_sector_id_patrol_sectors_id_fk" FOREIGN KEY ("sector_id") REFERENCES "public"."patrol_sectors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patrol_sectors" ADD CONSTRAINT "patrol_sectors_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backtests_dataset_idx" ON "backtests" USING btree ("dataset_id","created_at");--> statement-breakpoint
CREATE INDEX "forecast_runs_dataset_idx" ON "forecast_runs" USING btree ("dataset_id","created_at");--> statement-breakpoint
CREATE INDEX "incident_imports_dataset_idx" ON "incident_imports" USING btree ("dataset_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_dataset_external_idx" ON "incidents" USING btree ("dataset_id","external_id");--> statement-breakpoint
CREATE INDEX "incidents_dataset_time_idx" ON "incidents" USING btree ("dataset_id","occurred_at");--> statement-breakpoint
CREATE INDEX "deployment_plans_date_idx" ON "deployment_plans" USING btree ("date","shift_code");--> statement-breakpoint
CREATE INDEX "patrol_routes_sector_idx" ON "patrol_routes" USING btree ("sector_id");--> statement-breakpoint
CREATE INDEX "patrol_routes_geom_idx" ON "patrol_routes" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "patrol_sectors_geom_idx" ON "patrol_sectors" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "tasks_kind_created_idx" ON "tasks" USING btree ("kind","created_at");