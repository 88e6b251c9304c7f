CREATE TYPE "public"."org_unit_kind" AS ENUM('province', 'commune', 'village');--> statement-breakpoint
CREATE TYPE "public"."team_kind" AS ENUM('village', 'commune', 'commune_leaders');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('member', 'team_leader', 'commune_leader', 'admin');--> statement-breakpoint
CREATE TYPE "public"."inbound_source" AS ENUM('oa_webhook', 'zca');--> statement-breakpoint
CREATE TYPE "public"."inbound_status" AS ENUM('received', 'ignored', 'invalid', 'processed', 'failed');--> statement-breakpoint
CREATE TYPE "public"."outbound_channel" AS ENUM('oa_user');--> statement-breakpoint
CREATE TYPE "public"."outbound_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."oa_token_status" AS ENUM('active', 'needs_reauth');--> statement-breakpoint
CREATE TABLE "org_units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "org_unit_kind" NOT NULL,
	"parent_id" integer,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"successor_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_units_code_unique" UNIQUE("code"),
	CONSTRAINT "org_units_validity_ck" CHECK ("org_units"."valid_to" is null or "org_units"."valid_to" >= "org_units"."valid_from")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" serial PRIMARY KEY NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" "team_kind" NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "members" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"display_name" text NOT NULL,
	"role" "member_role" DEFAULT 'member' NOT NULL,
	"zalo_user_id" text,
	"phone" text,
	"verified" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" serial PRIMARY KEY NOT NULL,
	"resident_id" integer NOT NULL,
	"purpose" text NOT NULL,
	"text_version" text NOT NULL,
	"granted" boolean NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" serial PRIMARY KEY NOT NULL,
	"oa_id" text NOT NULL,
	"zalo_user_id" text NOT NULL,
	"display_name" text,
	"village_id" integer,
	"phone" text,
	"opted_out" boolean DEFAULT false NOT NULL,
	"opted_out_at" timestamp with time zone,
	"last_interaction_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" "inbound_source" NOT NULL,
	"oa_id" text,
	"event_name" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"payload" text NOT NULL,
	"status" "inbound_status" DEFAULT 'received' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"enqueued_at" timestamp with time zone,
	"processed_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	CONSTRAINT "inbound_events_dedupe_key_unique" UNIQUE("dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "outbound_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"channel" "outbound_channel" NOT NULL,
	"recipient_id" text NOT NULL,
	"resident_id" integer,
	"inbound_event_id" bigint,
	"payload" jsonb NOT NULL,
	"status" "outbound_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"enqueued_at" timestamp with time zone,
	"claimed_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"zalo_message_id" text,
	"last_error_code" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "outbound_messages_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "oa_tokens" (
	"oa_id" text PRIMARY KEY NOT NULL,
	"access_token_enc" text,
	"refresh_token_enc" text NOT NULL,
	"access_expires_at" timestamp with time zone NOT NULL,
	"status" "oa_token_status" DEFAULT 'active' NOT NULL,
	"last_refreshed_at" timestamp with time zone,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_parent_id_org_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_units" ADD CONSTRAINT "org_units_successor_id_org_units_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teams" ADD CONSTRAINT "teams_unit_id_org_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "members" ADD CONSTRAINT "members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_village_id_org_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD CONSTRAINT "outbound_messages_inbound_event_id_inbound_events_id_fk" FOREIGN KEY ("inbound_event_id") REFERENCES "public"."inbound_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_units_parent_idx" ON "org_units" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_unit_kind_uq" ON "teams" USING btree ("unit_id","kind");--> statement-breakpoint
CREATE INDEX "members_team_idx" ON "members" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "members_zalo_user_idx" ON "members" USING btree ("zalo_user_id");--> statement-breakpoint
CREATE INDEX "consents_resident_idx" ON "consents" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_oa_user_uq" ON "residents" USING btree ("oa_id","zalo_user_id");--> statement-breakpoint
CREATE INDEX "inbound_events_waiting_idx" ON "inbound_events" USING btree ("received_at") WHERE "inbound_events"."status" = 'received';--> statement-breakpoint
CREATE INDEX "outbound_open_idx" ON "outbound_messages" USING btree ("not_before") WHERE "outbound_messages"."status" in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX "outbound_recipient_idx" ON "outbound_messages" USING btree ("channel","recipient_id","id");