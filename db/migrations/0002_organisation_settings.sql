ALTER TABLE "settings" ADD COLUMN "locales" text[] DEFAULT '{en,sr,hr,sl,ru}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "default_locale" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "webhook_secret" text;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "previous_webhook_secret" text;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "previous_webhook_secret_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "settings" ADD COLUMN "webhook_secret_rotated_at" timestamp with time zone;