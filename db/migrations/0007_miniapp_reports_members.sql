CREATE TYPE "public"."report_source" AS ENUM('chat', 'miniapp');--> statement-breakpoint
CREATE TABLE "member_app_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"member_id" integer NOT NULL,
	"created_by_member_id" integer,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "inbound_event_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "members" ADD COLUMN "miniapp_user_id" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "source" "report_source" DEFAULT 'chat' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "client_key" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "member_app_codes" ADD CONSTRAINT "member_app_codes_member_id_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_app_codes" ADD CONSTRAINT "member_app_codes_created_by_member_id_members_id_fk" FOREIGN KEY ("created_by_member_id") REFERENCES "public"."members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "member_app_codes_member_idx" ON "member_app_codes" USING btree ("member_id");--> statement-breakpoint
CREATE INDEX "members_miniapp_user_idx" ON "members" USING btree ("miniapp_user_id") WHERE "members"."miniapp_user_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "reports_member_client_key_uq" ON "reports" USING btree ("member_id","client_key") WHERE "reports"."client_key" is not null;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_origin_ck" CHECK ("reports"."inbound_event_id" is not null or "reports"."client_key" is not null);