CREATE TABLE "daily_team_reason_rollups" (
	"day" date NOT NULL,
	"survey_id" uuid NOT NULL,
	"team_id" uuid,
	"channel" text NOT NULL,
	"reason" text NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_team_reason_rollups_key" UNIQUE NULLS NOT DISTINCT("day","survey_id","team_id","channel","reason")
);
--> statement-breakpoint
ALTER TABLE "daily_team_reason_rollups" ADD CONSTRAINT "daily_team_reason_rollups_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- daily_team_reason_rollups is daily_reason_rollups summed over agents, kept by this trigger in the
-- same statement as every change of a reason row, like daily_team_rollups (migration 0008).
CREATE FUNCTION "daily_reason_rollups_to_team"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
    -- Only an update: a row deleted with its survey finds its team row already gone (or going) too.
    UPDATE "daily_team_reason_rollups" t SET "responses" = t."responses" - OLD."responses"
    WHERE t."day" = OLD."day" AND t."survey_id" = OLD."survey_id"
      AND t."team_id" IS NOT DISTINCT FROM OLD."team_id" AND t."channel" = OLD."channel"
      AND t."reason" = OLD."reason";
  END IF;
  IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
    INSERT INTO "daily_team_reason_rollups" ("day", "survey_id", "team_id", "channel", "reason", "responses")
    VALUES (NEW."day", NEW."survey_id", NEW."team_id", NEW."channel", NEW."reason", NEW."responses")
    ON CONFLICT ON CONSTRAINT "daily_team_reason_rollups_key" DO UPDATE SET
      "responses" = "daily_team_reason_rollups"."responses" + excluded."responses";
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "daily_reason_rollups_to_team" AFTER INSERT OR UPDATE OR DELETE ON "daily_reason_rollups"
  FOR EACH ROW EXECUTE FUNCTION "daily_reason_rollups_to_team"();--> statement-breakpoint
-- Rows counted before this migration.
INSERT INTO "daily_team_reason_rollups" ("day", "survey_id", "team_id", "channel", "reason", "responses")
SELECT "day", "survey_id", "team_id", "channel", "reason", sum("responses")::int
FROM "daily_reason_rollups" GROUP BY "day", "survey_id", "team_id", "channel", "reason";
