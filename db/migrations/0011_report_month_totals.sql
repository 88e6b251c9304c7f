CREATE TABLE "report_month_totals" (
	"team_id" integer NOT NULL,
	"month" date NOT NULL,
	"metric" text NOT NULL,
	"total" integer NOT NULL,
	CONSTRAINT "report_month_totals_team_id_month_metric_pk" PRIMARY KEY("team_id","month","metric")
);
--> statement-breakpoint
ALTER TABLE "report_month_totals" ADD CONSTRAINT "report_month_totals_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Kept in step with every write to reports and their items, in the writer's own transaction.
-- Items: one statement-level upsert per insert/update/delete (a bulk import fires it once), in
-- key order so two new reports of one team written at once cannot deadlock on the totals' rows
-- (an edit that adds metrics locks them later; Postgres would abort one of two such edits).
CREATE FUNCTION "report_items_month_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "report_month_totals" AS m ("team_id", "month", "metric", "total")
    SELECT r."team_id", date_trunc('month', r."report_date")::date, i."metric", sum(i."count")
      FROM "new_items" i JOIN "reports" r ON r."id" = i."report_id"
     WHERE r."undone_at" IS NULL
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("team_id", "month", "metric") DO UPDATE SET "total" = m."total" + excluded."total";
  ELSIF TG_OP = 'DELETE' THEN
    -- A report being deleted is gone by now (its items go by cascade): its own trigger took them off.
    INSERT INTO "report_month_totals" AS m ("team_id", "month", "metric", "total")
    SELECT r."team_id", date_trunc('month', r."report_date")::date, i."metric", -sum(i."count")
      FROM "old_items" i JOIN "reports" r ON r."id" = i."report_id"
     WHERE r."undone_at" IS NULL
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("team_id", "month", "metric") DO UPDATE SET "total" = m."total" + excluded."total";
  ELSE
    INSERT INTO "report_month_totals" AS m ("team_id", "month", "metric", "total")
    SELECT r."team_id", date_trunc('month', r."report_date")::date, d."metric", sum(d."delta")
      FROM (SELECT "report_id", "metric", "count" AS "delta" FROM "new_items"
            UNION ALL SELECT "report_id", "metric", -"count" FROM "old_items") d
      JOIN "reports" r ON r."id" = d."report_id"
     WHERE r."undone_at" IS NULL
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("team_id", "month", "metric") DO UPDATE SET "total" = m."total" + excluded."total";
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "report_items_month_totals_insert" AFTER INSERT ON "report_items"
  REFERENCING NEW TABLE AS "new_items" FOR EACH STATEMENT EXECUTE FUNCTION "report_items_month_totals"();
--> statement-breakpoint
CREATE TRIGGER "report_items_month_totals_update" AFTER UPDATE ON "report_items"
  REFERENCING OLD TABLE AS "old_items" NEW TABLE AS "new_items" FOR EACH STATEMENT EXECUTE FUNCTION "report_items_month_totals"();
--> statement-breakpoint
CREATE TRIGGER "report_items_month_totals_delete" AFTER DELETE ON "report_items"
  REFERENCING OLD TABLE AS "old_items" FOR EACH STATEMENT EXECUTE FUNCTION "report_items_month_totals"();
--> statement-breakpoint
-- A report undone, restored, moved to another date or team: its items leave the totals they were
-- in and join the ones they now belong to. Deleted: they leave (before the cascade removes them).
CREATE FUNCTION "reports_month_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "report_month_totals" AS m ("team_id", "month", "metric", "total")
  SELECT d."team_id", d."month", d."metric", sum(d."delta")
    FROM (SELECT OLD."team_id" AS "team_id", date_trunc('month', OLD."report_date")::date AS "month", i."metric", -i."count" AS "delta"
            FROM "report_items" i WHERE i."report_id" = OLD."id" AND OLD."undone_at" IS NULL
          UNION ALL
          SELECT NEW."team_id", date_trunc('month', NEW."report_date")::date, i."metric", i."count"
            FROM "report_items" i WHERE TG_OP = 'UPDATE' AND i."report_id" = NEW."id" AND NEW."undone_at" IS NULL) d
   GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT ("team_id", "month", "metric") DO UPDATE SET "total" = m."total" + excluded."total";
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NULL END;
END $$;
--> statement-breakpoint
CREATE TRIGGER "reports_month_totals_update" AFTER UPDATE OF "undone_at", "report_date", "team_id" ON "reports"
  FOR EACH ROW WHEN (OLD."undone_at" IS DISTINCT FROM NEW."undone_at" OR OLD."report_date" IS DISTINCT FROM NEW."report_date" OR OLD."team_id" IS DISTINCT FROM NEW."team_id")
  EXECUTE FUNCTION "reports_month_totals"();
--> statement-breakpoint
CREATE TRIGGER "reports_month_totals_delete" BEFORE DELETE ON "reports"
  FOR EACH ROW EXECUTE FUNCTION "reports_month_totals"();
--> statement-breakpoint
-- Every item gone at once (TRUNCATE fires no row or delete triggers): so are the totals.
CREATE FUNCTION "report_items_truncated_month_totals"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "report_month_totals";
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "report_items_month_totals_truncate" AFTER TRUNCATE ON "report_items"
  FOR EACH STATEMENT EXECUTE FUNCTION "report_items_truncated_month_totals"();
--> statement-breakpoint
-- After the triggers: they lock both tables until the migration commits, so no report is written
-- between this count and them.
INSERT INTO "report_month_totals" ("team_id", "month", "metric", "total")
SELECT r."team_id", date_trunc('month', r."report_date")::date, i."metric", sum(i."count")
  FROM "reports" r JOIN "report_items" i ON i."report_id" = r."id"
 WHERE r."undone_at" IS NULL
 GROUP BY 1, 2, 3;
