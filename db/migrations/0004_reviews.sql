ALTER TABLE "review_disputes" ADD COLUMN "previous_value" text;--> statement-breakpoint
ALTER TABLE "review_disputes" ADD COLUMN "new_value" text;