CREATE TYPE "public"."oa_account_status" AS ENUM('active', 'disabled');--> statement-breakpoint
ALTER TYPE "public"."member_role" ADD VALUE 'province_admin' BEFORE 'admin';--> statement-breakpoint
CREATE TABLE "oa_accounts" (
	"oa_id" text PRIMARY KEY NOT NULL,
	"app_id" text NOT NULL,
	"commune_id" integer NOT NULL,
	"name" text,
	"app_secret_enc" text NOT NULL,
	"oa_secret_key_enc" text NOT NULL,
	"send_rate_per_sec" integer NOT NULL,
	"status" "oa_account_status" DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "group_oa_id" text;--> statement-breakpoint
ALTER TABLE "outbound_messages" ADD COLUMN "oa_id" text;--> statement-breakpoint
ALTER TABLE "guide_runs" ADD COLUMN "oa_id" text;--> statement-breakpoint
ALTER TABLE "help_requests" ADD COLUMN "oa_id" text;--> statement-breakpoint
ALTER TABLE "oa_accounts" ADD CONSTRAINT "oa_accounts_commune_id_org_units_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."org_units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "oa_accounts_app_idx" ON "oa_accounts" USING btree ("app_id");--> statement-breakpoint
CREATE UNIQUE INDEX "oa_accounts_commune_active_uq" ON "oa_accounts" USING btree ("commune_id") WHERE "oa_accounts"."status" = 'active';--> statement-breakpoint
-- Rows written before OAs were data belong to the resident's OA (the one the deployment served).
UPDATE "guide_runs" g SET "oa_id" = r."oa_id" FROM "residents" r WHERE g."resident_id" = r."id";--> statement-breakpoint
UPDATE "help_requests" h SET "oa_id" = r."oa_id" FROM "residents" r WHERE h."resident_id" = r."id";--> statement-breakpoint
UPDATE "outbound_messages" o SET "oa_id" = r."oa_id" FROM "residents" r WHERE o."channel" = 'oa_user' AND o."resident_id" = r."id";--> statement-breakpoint
-- A GMF group was bound through the one OA whose tokens this deployment held.
UPDATE "teams" SET "group_oa_id" = (SELECT "oa_id" FROM "oa_tokens" LIMIT 1) WHERE "group_transport" = 'gmf' AND (SELECT count(*) FROM "oa_tokens") = 1;
