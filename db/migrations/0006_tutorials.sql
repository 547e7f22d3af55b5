CREATE TYPE "public"."tutorial_difficulty" AS ENUM('beginner', 'intermediate', 'advanced');--> statement-breakpoint
CREATE TYPE "public"."tutorial_video_kind" AS ENUM('none', 'upload', 'link');--> statement-breakpoint
ALTER TYPE "public"."hidden_reason" ADD VALUE 'draft';--> statement-breakpoint
CREATE TABLE "tutorial_citations" (
	"reply_id" text PRIMARY KEY NOT NULL,
	"tutorial_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tutorial_helped" (
	"tutorial_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tutorial_helped_tutorial_id_user_id_pk" PRIMARY KEY("tutorial_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "tutorials" (
	"post_id" text PRIMARY KEY NOT NULL,
	"summary" text NOT NULL,
	"difficulty" "tutorial_difficulty" NOT NULL,
	"minutes" integer NOT NULL,
	"video_kind" "tutorial_video_kind" DEFAULT 'none' NOT NULL,
	"video_url" text,
	"video_upload_id" text,
	"published_at" timestamp with time zone,
	"helped_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "uploads" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"storage_key" text NOT NULL,
	"size" bigint NOT NULL,
	"content_type" text NOT NULL,
	"tutorial_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "uploads_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
ALTER TABLE "tutorial_citations" ADD CONSTRAINT "tutorial_citations_reply_id_replies_id_fk" FOREIGN KEY ("reply_id") REFERENCES "public"."replies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tutorial_citations" ADD CONSTRAINT "tutorial_citations_tutorial_id_tutorials_post_id_fk" FOREIGN KEY ("tutorial_id") REFERENCES "public"."tutorials"("post_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tutorial_helped" ADD CONSTRAINT "tutorial_helped_tutorial_id_tutorials_post_id_fk" FOREIGN KEY ("tutorial_id") REFERENCES "public"."tutorials"("post_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tutorial_helped" ADD CONSTRAINT "tutorial_helped_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tutorials" ADD CONSTRAINT "tutorials_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "uploads" ADD CONSTRAINT "uploads_tutorial_id_tutorials_post_id_fk" FOREIGN KEY ("tutorial_id") REFERENCES "public"."tutorials"("post_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tutorial_citations_tutorial_idx" ON "tutorial_citations" USING btree ("tutorial_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "tutorials_published_idx" ON "tutorials" USING btree ("published_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "uploads_owner_idx" ON "uploads" USING btree ("owner_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "uploads_tutorial_idx" ON "uploads" USING btree ("tutorial_id");