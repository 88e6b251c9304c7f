CREATE TYPE "public"."group_transport" AS ENUM('gmf', 'zca');--> statement-breakpoint
CREATE TYPE "public"."zalo_id_source" AS ENUM('oa', 'zca');--> statement-breakpoint
CREATE TYPE "public"."zca_session_status" AS ENUM('active', 'closed_elsewhere', 'logged_out');--> statement-breakpoint
ALTER TYPE "public"."outbound_channel" ADD VALUE 'zalo_group';--> statement-breakpoint
CREATE TABLE "team_link_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "report_items" (
	"report_id" integer NOT NULL,
	"metric" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "report_items_report_id_metric_pk" PRIMARY KEY("report_id","metric"),
	CONSTRAINT "report_items_count_ck" CHECK ("report_items"."count" between 0 and 5000)
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"team_id" integer NOT NULL,
	"member_id" integer NOT NULL,
	"report_date" date NOT NULL,
	"inbound_event_id" bigint NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone,
	CONSTRAINT "reports_inbound_event_id_unique" UNIQUE("inbound_event_id")
);
--> statement-breakpoint
CREATE TABLE "zca_sessions" (
	"account_key" text PRIMARY KEY NOT NULL,
	"session_enc" text NOT NULL,
	"own_uid" text,
	"display_name" text,
	"status" "zca_session_status" DEFAULT 'active' NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "members_zalo_user_idx";--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "zalo_group_id" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "group_transport" "group_transport";--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "group_linked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "zalo_id_source" "zalo_id_source";--> statement-breakpoint
ALTER TABLE "team_link_codes" ADD CONSTRAINT "team_link_codes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_items" ADD CONSTRAINT "report_items_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_inbound_event_id_inbound_events_id_fk" FOREIGN KEY ("inbound_event_id") REFERENCES "public"."inbound_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reports_team_date_idx" ON "reports" USING btree ("team_id","report_date");--> statement-breakpoint
CREATE INDEX "reports_member_idx" ON "reports" USING btree ("member_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_group_uq" ON "teams" USING btree ("group_transport","zalo_group_id") WHERE "teams"."zalo_group_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "members_team_zalo_uq" ON "members" USING btree ("team_id","zalo_id_source","zalo_user_id") WHERE "members"."zalo_user_id" is not null;