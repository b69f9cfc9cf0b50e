CREATE TABLE "daily_follow_up_rollups" (
	"day" date NOT NULL,
	"team_id" uuid,
	"closed" integer DEFAULT 0 NOT NULL,
	"closed_in_time" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_follow_up_rollups_key" UNIQUE NULLS NOT DISTINCT("day","team_id")
);
--> statement-breakpoint
DROP INDEX "follow_ups_created_idx";--> statement-breakpoint
CREATE INDEX "follow_ups_open_created_idx" ON "follow_ups" USING btree ("created_at","team_id","due_at") WHERE "follow_ups"."status" = 'open';--> statement-breakpoint
-- daily_follow_up_rollups counts closed follow-ups per local day opened and team. Statement-level
-- triggers with transition tables keep it: one grouped upsert per statement, whether the statement
-- closes one follow-up or COPY loads a chunk of thousands. An update takes the old rows' counts off
-- and adds the new rows' (a close, a reopen, a team set to null when its team is deleted).
CREATE FUNCTION "follow_ups_to_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  zone text := coalesce((SELECT "time_zone" FROM "settings" WHERE "id" = 1), 'UTC');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "daily_follow_up_rollups" ("day", "team_id", "closed", "closed_in_time")
    SELECT ("created_at" AT TIME ZONE zone)::date, "team_id", count(*)::int,
      count(*) FILTER (WHERE "closed_at" <= "due_at")::int
    FROM new_rows WHERE "status" = 'closed'
    GROUP BY 1, 2
    ON CONFLICT ON CONSTRAINT "daily_follow_up_rollups_key" DO UPDATE SET
      "closed" = "daily_follow_up_rollups"."closed" + excluded."closed",
      "closed_in_time" = "daily_follow_up_rollups"."closed_in_time" + excluded."closed_in_time";
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO "daily_follow_up_rollups" ("day", "team_id", "closed", "closed_in_time")
    SELECT ("created_at" AT TIME ZONE zone)::date, "team_id", -count(*)::int,
      -count(*) FILTER (WHERE "closed_at" <= "due_at")::int
    FROM old_rows WHERE "status" = 'closed'
    GROUP BY 1, 2
    ON CONFLICT ON CONSTRAINT "daily_follow_up_rollups_key" DO UPDATE SET
      "closed" = "daily_follow_up_rollups"."closed" + excluded."closed",
      "closed_in_time" = "daily_follow_up_rollups"."closed_in_time" + excluded."closed_in_time";
  ELSE
    INSERT INTO "daily_follow_up_rollups" ("day", "team_id", "closed", "closed_in_time")
    SELECT "day", "team_id", sum("closed")::int, sum("in_time")::int
    FROM (
      SELECT ("created_at" AT TIME ZONE zone)::date AS "day", "team_id", 1 AS "closed",
        ("closed_at" <= "due_at")::int AS "in_time"
      FROM new_rows WHERE "status" = 'closed'
      UNION ALL
      SELECT ("created_at" AT TIME ZONE zone)::date, "team_id", -1, -("closed_at" <= "due_at")::int
      FROM old_rows WHERE "status" = 'closed'
    ) AS "changes"
    GROUP BY 1, 2
    -- An edit of a note or an owner moves nothing.
    HAVING sum("closed") <> 0 OR sum("in_time") <> 0
    ON CONFLICT ON CONSTRAINT "daily_follow_up_rollups_key" DO UPDATE SET
      "closed" = "daily_follow_up_rollups"."closed" + excluded."closed",
      "closed_in_time" = "daily_follow_up_rollups"."closed_in_time" + excluded."closed_in_time";
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "follow_ups_insert_to_rollups" AFTER INSERT ON "follow_ups"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "follow_ups_to_rollups"();--> statement-breakpoint
CREATE TRIGGER "follow_ups_update_to_rollups" AFTER UPDATE ON "follow_ups"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "follow_ups_to_rollups"();--> statement-breakpoint
CREATE TRIGGER "follow_ups_delete_to_rollups" AFTER DELETE ON "follow_ups"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "follow_ups_to_rollups"();--> statement-breakpoint
-- Follow-ups closed before this migration.
INSERT INTO "daily_follow_up_rollups" ("day", "team_id", "closed", "closed_in_time")
SELECT ("created_at" AT TIME ZONE coalesce((SELECT "time_zone" FROM "settings" WHERE "id" = 1), 'UTC'))::date,
  "team_id", count(*)::int, count(*) FILTER (WHERE "closed_at" <= "due_at")::int
FROM "follow_ups" WHERE "status" = 'closed'
GROUP BY 1, 2;
--> statement-breakpoint
-- Rollups that a database holding data before migration 0008 never got: reason and key-driver
-- rollups and the ticket-duration histogram were only built from rows written after it. Listed
-- here, and built once after the migrations by runPendingRebuilds (db/src/pending-rebuilds.ts),
-- which needs the application's bucketing code. Not part of the Drizzle schema: it is bookkeeping
-- between migrations and start-up, no query of the application reads it.
CREATE TABLE "pending_rebuilds" (
	"name" text PRIMARY KEY NOT NULL,
	"listed_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
INSERT INTO "pending_rebuilds" ("name")
SELECT 'reason_and_driver_rollups' WHERE EXISTS (SELECT 1 FROM "responses");--> statement-breakpoint
INSERT INTO "pending_rebuilds" ("name")
SELECT 'ticket_duration_rollups' WHERE EXISTS (SELECT 1 FROM "tickets");
