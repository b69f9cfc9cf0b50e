-- The inbox searches comments with ILIKE; a trigram index answers it without reading every response.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "responses_comment_trgm_idx" ON "responses" USING gin ("comment" gin_trgm_ops);
