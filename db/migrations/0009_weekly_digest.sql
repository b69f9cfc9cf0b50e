CREATE TYPE "public"."digest_delivery_kind" AS ENUM('scheduled', 'manual');--> statement-breakpoint
CREATE TYPE "public"."digest_delivery_status" AS ENUM('queued', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."digest_recipient_mode" AS ENUM('viewers', 'chosen');--> statement-breakpoint
CREATE TABLE "digest_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "digest_delivery_kind" NOT NULL,
	"user_id" uuid NOT NULL,
	"week" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"status" "digest_delivery_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "digest_recipients" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "digest_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"weekday" integer DEFAULT 1 NOT NULL,
	"hour" integer DEFAULT 8 NOT NULL,
	"recipient_mode" "digest_recipient_mode" DEFAULT 'viewers' NOT NULL,
	"last_scheduled_week" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "digest_settings_single_row" CHECK ("digest_settings"."id" = 1),
	CONSTRAINT "digest_settings_weekday" CHECK ("digest_settings"."weekday" between 1 and 7),
	CONSTRAINT "digest_settings_hour" CHECK ("digest_settings"."hour" between 0 and 23)
);
--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_deliveries" ADD CONSTRAINT "digest_deliveries_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "digest_recipients" ADD CONSTRAINT "digest_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "digest_deliveries_scheduled_week_user_key" ON "digest_deliveries" USING btree ("week","user_id") WHERE "digest_deliveries"."kind" = 'scheduled';--> statement-breakpoint
CREATE INDEX "digest_deliveries_pending_idx" ON "digest_deliveries" USING btree ("created_at") WHERE "digest_deliveries"."status" in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "digest_deliveries_user_idx" ON "digest_deliveries" USING btree ("user_id");