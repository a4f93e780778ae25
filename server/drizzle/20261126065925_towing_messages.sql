CREATE TABLE "message_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "message_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"message_id" bigint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"kind" text NOT NULL,
	"attempt" integer,
	"worker_id" text,
	"provider_status" text,
	"part_id" text,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "messages_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text,
	"text" text NOT NULL,
	"encoding" text,
	"segments" integer DEFAULT 1 NOT NULL,
	"purpose" text NOT NULL,
	"ref_id" text,
	"idempotency_key" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"locked_by" text,
	"provider" text,
	"provider_ids" text[],
	"parts_delivered" integer DEFAULT 0 NOT NULL,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "messages_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "impound_lots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"address" jsonb NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"district_id" text,
	"phone" text NOT NULL,
	"hours" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "impound_lots_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "tow_lookup_failures" (
	"plate" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tow_lookup_failures_plate_hour_pk" PRIMARY KEY("plate","hour")
);
--> statement-breakpoint
CREATE TABLE "tow_photos" (
	"tow_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"hash" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	CONSTRAINT "tow_photos_tow_id_position_pk" PRIMARY KEY("tow_id","position")
);
--> statement-breakpoint
CREATE TABLE "tow_reasons" (
	"code" text PRIMARY KEY NOT NULL,
	"article" jsonb NOT NULL,
	"text" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tow_templates" (
	"purpose" text NOT NULL,
	"lang" text NOT NULL,
	"text" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tow_templates_purpose_lang_pk" PRIMARY KEY("purpose","lang")
);
--> statement-breakpoint
CREATE TABLE "tows" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plate" text NOT NULL,
	"plate_as_written" text NOT NULL,
	"plate_format" text NOT NULL,
	"plate_override_reason" text,
	"make" text NOT NULL,
	"colour" text NOT NULL,
	"towed_from" geometry(Point,4326),
	"towed_from_address" text,
	"towed_at" timestamp with time zone NOT NULL,
	"reason_code" text NOT NULL,
	"fine" integer NOT NULL,
	"lot_id" uuid NOT NULL,
	"truck" text NOT NULL,
	"district_id" text NOT NULL,
	"status" text DEFAULT 'towed' NOT NULL,
	"at_lot_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"released_to" text,
	"release_documents" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"owner_contact" text NOT NULL,
	"owner_lang" text DEFAULT 'ru' NOT NULL,
	"needs_call" boolean DEFAULT false NOT NULL,
	"called_at" timestamp with time zone,
	"call_note" text,
	"link_token" text NOT NULL,
	"code_salt" text NOT NULL,
	"code_hash" text NOT NULL,
	"phone_last4_hash" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	CONSTRAINT "tows_link_token_unique" UNIQUE("link_token")
);
--> statement-breakpoint
CREATE TABLE "vehicle_registry" (
	"plate" text PRIMARY KEY NOT NULL,
	"phone" text NOT NULL,
	"lang" text DEFAULT 'ru' NOT NULL,
	"synthetic" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_events" ADD CONSTRAINT "message_events_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "impound_lots" ADD CONSTRAINT "impound_lots_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tow_photos" ADD CONSTRAINT "tow_photos_tow_id_tows_id_fk" FOREIGN KEY ("tow_id") REFERENCES "public"."tows"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tow_templates" ADD CONSTRAINT "tow_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tows" ADD CONSTRAINT "tows_reason_code_tow_reasons_code_fk" FOREIGN KEY ("reason_code") REFERENCES "public"."tow_reasons"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tows" ADD CONSTRAINT "tows_lot_id_impound_lots_id_fk" FOREIGN KEY ("lot_id") REFERENCES "public"."impound_lots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tows" ADD CONSTRAINT "tows_district_id_districts_id_fk" FOREIGN KEY ("district_id") REFERENCES "public"."districts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tows" ADD CONSTRAINT "tows_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_events_message_idx" ON "message_events" USING btree ("message_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_events_receipt_idx" ON "message_events" USING btree ("message_id","part_id") WHERE kind = 'receipt';--> statement-breakpoint
CREATE INDEX "messages_ready_idx" ON "messages" USING btree ("next_attempt_at") WHERE status in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "messages_ref_idx" ON "messages" USING btree ("purpose","ref_id");--> statement-breakpoint
CREATE INDEX "messages_provider_ids_idx" ON "messages" USING gin ("provider_ids");--> statement-breakpoint
CREATE INDEX "tows_plate_idx" ON "tows" USING btree ("plate","towed_at");--> statement-breakpoint
CREATE INDEX "tows_district_day_idx" ON "tows" USING btree ("district_id","towed_at");--> statement-breakpoint
CREATE INDEX "tows_needs_call_idx" ON "tows" USING btree ("needs_call") WHERE needs_call;