CREATE TABLE "daily_driver_rollups" (
	"day" date NOT NULL,
	"survey_id" uuid NOT NULL,
	"team_id" uuid,
	"question_id" text NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	"sum_x" bigint DEFAULT 0 NOT NULL,
	"sum_y" bigint DEFAULT 0 NOT NULL,
	"sum_xx" bigint DEFAULT 0 NOT NULL,
	"sum_yy" bigint DEFAULT 0 NOT NULL,
	"sum_xy" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_driver_rollups_key" UNIQUE NULLS NOT DISTINCT("day","survey_id","team_id","question_id")
);
--> statement-breakpoint
CREATE TABLE "daily_reason_rollups" (
	"day" date NOT NULL,
	"survey_id" uuid NOT NULL,
	"team_id" uuid,
	"agent_id" uuid,
	"channel" text NOT NULL,
	"reason" text NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_reason_rollups_key" UNIQUE NULLS NOT DISTINCT("day","survey_id","team_id","agent_id","channel","reason")
);
--> statement-breakpoint
CREATE TABLE "daily_team_rollups" (
	"day" date NOT NULL,
	"survey_id" uuid NOT NULL,
	"team_id" uuid,
	"channel" text NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"responses" integer DEFAULT 0 NOT NULL,
	"bots" integer DEFAULT 0 NOT NULL,
	"csat_1" integer DEFAULT 0 NOT NULL,
	"csat_2" integer DEFAULT 0 NOT NULL,
	"csat_3" integer DEFAULT 0 NOT NULL,
	"csat_4" integer DEFAULT 0 NOT NULL,
	"csat_5" integer DEFAULT 0 NOT NULL,
	"nps_promoters" integer DEFAULT 0 NOT NULL,
	"nps_passives" integer DEFAULT 0 NOT NULL,
	"nps_detractors" integer DEFAULT 0 NOT NULL,
	"ces_1" integer DEFAULT 0 NOT NULL,
	"ces_2" integer DEFAULT 0 NOT NULL,
	"ces_3" integer DEFAULT 0 NOT NULL,
	"ces_4" integer DEFAULT 0 NOT NULL,
	"ces_5" integer DEFAULT 0 NOT NULL,
	"ces_6" integer DEFAULT 0 NOT NULL,
	"ces_7" integer DEFAULT 0 NOT NULL,
	"resolved_yes" integer DEFAULT 0 NOT NULL,
	"resolved_no" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_team_rollups_key" UNIQUE NULLS NOT DISTINCT("day","survey_id","team_id","channel")
);
--> statement-breakpoint
CREATE TABLE "ticket_duration_rollups" (
	"measure" text NOT NULL,
	"day" date NOT NULL,
	"team_id" uuid,
	"bucket" integer NOT NULL,
	"tickets" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ticket_duration_rollups_key" UNIQUE NULLS NOT DISTINCT("measure","day","team_id","bucket")
);
--> statement-breakpoint
ALTER TABLE "daily_driver_rollups" ADD CONSTRAINT "daily_driver_rollups_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_reason_rollups" ADD CONSTRAINT "daily_reason_rollups_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_team_rollups" ADD CONSTRAINT "daily_team_rollups_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "daily_team_rollups_team_day_idx" ON "daily_team_rollups" USING btree ("team_id","day");
--> statement-breakpoint
-- daily_team_rollups is daily_rollups summed over agents. This trigger carries every change of a
-- daily_rollups row (insert, upsert, update, delete) to its team row in the same statement, so the
-- two can never disagree whichever code path writes the counts.
CREATE FUNCTION "daily_rollups_to_team"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
    -- Only an update: a row deleted with its survey finds its team row already gone (or going) too.
    UPDATE "daily_team_rollups" t SET "sent" = t."sent" - OLD."sent", "responses" = t."responses" - OLD."responses", "bots" = t."bots" - OLD."bots", "csat_1" = t."csat_1" - OLD."csat_1", "csat_2" = t."csat_2" - OLD."csat_2", "csat_3" = t."csat_3" - OLD."csat_3", "csat_4" = t."csat_4" - OLD."csat_4", "csat_5" = t."csat_5" - OLD."csat_5", "nps_promoters" = t."nps_promoters" - OLD."nps_promoters", "nps_passives" = t."nps_passives" - OLD."nps_passives", "nps_detractors" = t."nps_detractors" - OLD."nps_detractors", "ces_1" = t."ces_1" - OLD."ces_1", "ces_2" = t."ces_2" - OLD."ces_2", "ces_3" = t."ces_3" - OLD."ces_3", "ces_4" = t."ces_4" - OLD."ces_4", "ces_5" = t."ces_5" - OLD."ces_5", "ces_6" = t."ces_6" - OLD."ces_6", "ces_7" = t."ces_7" - OLD."ces_7", "resolved_yes" = t."resolved_yes" - OLD."resolved_yes", "resolved_no" = t."resolved_no" - OLD."resolved_no"
    WHERE t."day" = OLD."day" AND t."survey_id" = OLD."survey_id"
      AND t."team_id" IS NOT DISTINCT FROM OLD."team_id" AND t."channel" = OLD."channel";
  END IF;
  IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
    INSERT INTO "daily_team_rollups" ("day", "survey_id", "team_id", "channel", "sent", "responses", "bots", "csat_1", "csat_2", "csat_3", "csat_4", "csat_5", "nps_promoters", "nps_passives", "nps_detractors", "ces_1", "ces_2", "ces_3", "ces_4", "ces_5", "ces_6", "ces_7", "resolved_yes", "resolved_no")
    VALUES (NEW."day", NEW."survey_id", NEW."team_id", NEW."channel", NEW."sent", NEW."responses", NEW."bots", NEW."csat_1", NEW."csat_2", NEW."csat_3", NEW."csat_4", NEW."csat_5", NEW."nps_promoters", NEW."nps_passives", NEW."nps_detractors", NEW."ces_1", NEW."ces_2", NEW."ces_3", NEW."ces_4", NEW."ces_5", NEW."ces_6", NEW."ces_7", NEW."resolved_yes", NEW."resolved_no")
    ON CONFLICT ON CONSTRAINT "daily_team_rollups_key" DO UPDATE SET
      "sent" = "daily_team_rollups"."sent" + excluded."sent", "responses" = "daily_team_rollups"."responses" + excluded."responses", "bots" = "daily_team_rollups"."bots" + excluded."bots", "csat_1" = "daily_team_rollups"."csat_1" + excluded."csat_1", "csat_2" = "daily_team_rollups"."csat_2" + excluded."csat_2", "csat_3" = "daily_team_rollups"."csat_3" + excluded."csat_3", "csat_4" = "daily_team_rollups"."csat_4" + excluded."csat_4", "csat_5" = "daily_team_rollups"."csat_5" + excluded."csat_5", "nps_promoters" = "daily_team_rollups"."nps_promoters" + excluded."nps_promoters", "nps_passives" = "daily_team_rollups"."nps_passives" + excluded."nps_passives", "nps_detractors" = "daily_team_rollups"."nps_detractors" + excluded."nps_detractors", "ces_1" = "daily_team_rollups"."ces_1" + excluded."ces_1", "ces_2" = "daily_team_rollups"."ces_2" + excluded."ces_2", "ces_3" = "daily_team_rollups"."ces_3" + excluded."ces_3", "ces_4" = "daily_team_rollups"."ces_4" + excluded."ces_4", "ces_5" = "daily_team_rollups"."ces_5" + excluded."ces_5", "ces_6" = "daily_team_rollups"."ces_6" + excluded."ces_6", "ces_7" = "daily_team_rollups"."ces_7" + excluded."ces_7", "resolved_yes" = "daily_team_rollups"."resolved_yes" + excluded."resolved_yes", "resolved_no" = "daily_team_rollups"."resolved_no" + excluded."resolved_no";
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "daily_rollups_to_team" AFTER INSERT OR UPDATE OR DELETE ON "daily_rollups"
  FOR EACH ROW EXECUTE FUNCTION "daily_rollups_to_team"();--> statement-breakpoint
-- Rows counted before this migration.
INSERT INTO "daily_team_rollups" ("day", "survey_id", "team_id", "channel", "sent", "responses", "bots", "csat_1", "csat_2", "csat_3", "csat_4", "csat_5", "nps_promoters", "nps_passives", "nps_detractors", "ces_1", "ces_2", "ces_3", "ces_4", "ces_5", "ces_6", "ces_7", "resolved_yes", "resolved_no")
SELECT "day", "survey_id", "team_id", "channel", sum("sent")::int, sum("responses")::int, sum("bots")::int, sum("csat_1")::int, sum("csat_2")::int, sum("csat_3")::int, sum("csat_4")::int, sum("csat_5")::int, sum("nps_promoters")::int, sum("nps_passives")::int, sum("nps_detractors")::int, sum("ces_1")::int, sum("ces_2")::int, sum("ces_3")::int, sum("ces_4")::int, sum("ces_5")::int, sum("ces_6")::int, sum("ces_7")::int, sum("resolved_yes")::int, sum("resolved_no")::int
FROM "daily_rollups" GROUP BY "day", "survey_id", "team_id", "channel";
