CREATE TYPE "public"."guide_run_status" AS ENUM('active', 'completed', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."follow_up_status" AS ENUM('pending', 'sent', 'skipped', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."help_request_kind" AS ENUM('home_visit', 'question');--> statement-breakpoint
CREATE TYPE "public"."help_request_status" AS ENUM('open', 'claimed', 'done', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."deletion_status" AS ENUM('done');--> statement-breakpoint
ALTER TYPE "public"."outbound_channel" ADD VALUE 'team_group';--> statement-breakpoint
CREATE TABLE "guide_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"resident_id" integer NOT NULL,
	"guide_id" text NOT NULL,
	"guide_version" integer NOT NULL,
	"step" integer DEFAULT 0 NOT NULL,
	"status" "guide_run_status" DEFAULT 'active' NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" serial PRIMARY KEY NOT NULL,
	"resident_id" integer NOT NULL,
	"guide_run_id" integer NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" "follow_up_status" DEFAULT 'pending' NOT NULL,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "conversation_states" (
	"resident_id" integer PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"step" text NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "help_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "help_request_kind" NOT NULL,
	"status" "help_request_status" DEFAULT 'open' NOT NULL,
	"resident_id" integer,
	"commune_id" integer NOT NULL,
	"village_id" integer,
	"team_id" integer NOT NULL,
	"topic" text,
	"note" text,
	"preferred_time" text,
	"created_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"claimed_by_member_id" integer,
	"claimed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_note" text,
	"resident_confirmed_at" timestamp with time zone,
	"reopened_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deletion_requests" (
	"id" serial PRIMARY KEY NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	"status" "deletion_status" DEFAULT 'done' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "privacy_notice_version" text;--> statement-breakpoint
ALTER TABLE "residents" ADD COLUMN "privacy_notice_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inbound_events" ADD COLUMN "sender_id" text;--> statement-breakpoint
ALTER TABLE "guide_runs" ADD CONSTRAINT "guide_runs_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_guide_run_id_guide_runs_id_fk" FOREIGN KEY ("guide_run_id") REFERENCES "public"."guide_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_states" ADD CONSTRAINT "conversation_states_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_commune_id_org_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_village_id_org_units_id_fk" FOREIGN KEY ("village_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "help_requests" ADD CONSTRAINT "help_requests_claimed_by_member_id_members_id_fk" FOREIGN KEY ("claimed_by_member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "guide_runs_one_active_uq" ON "guide_runs" USING btree ("resident_id") WHERE "guide_runs"."status" = 'active';--> statement-breakpoint
CREATE INDEX "guide_runs_resident_idx" ON "guide_runs" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_run_uq" ON "follow_ups" USING btree ("guide_run_id");--> statement-breakpoint
CREATE INDEX "follow_ups_due_idx" ON "follow_ups" USING btree ("due_at") WHERE "follow_ups"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "help_requests_team_open_idx" ON "help_requests" USING btree ("team_id","created_at") WHERE "help_requests"."status" in ('open', 'claimed');--> statement-breakpoint
CREATE INDEX "help_requests_resident_idx" ON "help_requests" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "inbound_events_sender_waiting_idx" ON "inbound_events" USING btree ("sender_id","id") WHERE "inbound_events"."status" = 'received';