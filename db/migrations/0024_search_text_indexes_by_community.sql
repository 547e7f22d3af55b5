-- The text indexes take the community first, so that a customer's search (a few communities) and a
-- search filtered by community read only those communities' entries. btree_gin indexes a text column
-- in a GIN index; it is a trusted extension, like pg_trgm (PGlite loads it in db/client.ts first).
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "search_documents_vector_idx";--> statement-breakpoint
DROP INDEX "search_documents_title_vector_idx";--> statement-breakpoint
CREATE INDEX "search_documents_vector_idx" ON "search_documents" USING gin (coalesce("community_id", ''),"vector");--> statement-breakpoint
CREATE INDEX "search_documents_title_vector_idx" ON "search_documents" USING gin (coalesce("community_id", ''),"title_vector");