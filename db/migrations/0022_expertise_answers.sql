CREATE TABLE "expertise_answers" (
	"reply_id" text PRIMARY KEY NOT NULL,
	"author_id" text NOT NULL,
	"community_id" text NOT NULL,
	"tags" text[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "expertise_answers_author_idx" ON "expertise_answers" USING btree ("community_id","author_id","tags");