DROP INDEX "posts_community_newest_idx";--> statement-breakpoint
DROP INDEX "posts_community_activity_idx";--> statement-breakpoint
DROP INDEX "posts_community_top_idx";--> statement-breakpoint
DROP INDEX "posts_unanswered_idx";--> statement-breakpoint
DROP INDEX "posts_solved_idx";--> statement-breakpoint
DROP INDEX "posts_author_idx";--> statement-breakpoint
DROP INDEX "replies_author_idx";--> statement-breakpoint
DROP INDEX "audit_log_community_idx";--> statement-breakpoint
DROP INDEX "audit_log_created_idx";--> statement-breakpoint
DROP INDEX "notifications_user_idx";--> statement-breakpoint
DROP INDEX "flags_community_status_idx";--> statement-breakpoint
DROP INDEX "invitations_community_idx";--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "question_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "unanswered_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "communities" ADD COLUMN "solved_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "posts_pinned_idx" ON "posts" USING btree ("community_id","pinned_at" DESC NULLS FIRST) WHERE pinned_at is not null;--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id") WHERE read_at is null;--> statement-breakpoint
CREATE INDEX "posts_community_newest_idx" ON "posts" USING btree ("community_id","kind","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "posts_community_activity_idx" ON "posts" USING btree ("community_id","last_activity_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "posts_community_top_idx" ON "posts" USING btree ("community_id","kind","score" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "posts_unanswered_idx" ON "posts" USING btree ("community_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE answer_count = 0 and deleted_at is null and kind = 'question';--> statement-breakpoint
CREATE INDEX "posts_solved_idx" ON "posts" USING btree ("community_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE accepted_answer_id is not null and deleted_at is null;--> statement-breakpoint
CREATE INDEX "posts_author_idx" ON "posts" USING btree ("author_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "replies_author_idx" ON "replies" USING btree ("author_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_community_idx" ON "audit_log" USING btree ("community_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "flags_community_status_idx" ON "flags" USING btree ("community_id","status","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "invitations_community_idx" ON "invitations" USING btree ("community_id","created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST);