CREATE TYPE "public"."idea_status" AS ENUM('proposed', 'under_review', 'planned', 'in_progress', 'implemented', 'declined');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'idea_status_changed';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'idea_comment';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'idea_merged';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'idea_adopted';--> statement-breakpoint
CREATE TABLE "idea_adoptions" (
	"idea_id" text NOT NULL,
	"site_id" text NOT NULL,
	"adopted_by_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_adoptions_idea_id_site_id_pk" PRIMARY KEY("idea_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "idea_status_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"idea_id" text NOT NULL,
	"actor_id" text,
	"from_status" "idea_status",
	"to_status" "idea_status" NOT NULL,
	"note" text NOT NULL,
	"merged_idea_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "idea_votes" (
	"idea_id" text NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idea_votes_idea_id_user_id_pk" PRIMARY KEY("idea_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "ideas" (
	"post_id" text PRIMARY KEY NOT NULL,
	"proposal" text NOT NULL,
	"proposal_html" text NOT NULL,
	"benefit" text NOT NULL,
	"benefit_html" text NOT NULL,
	"status" "idea_status" DEFAULT 'proposed' NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"vote_count" integer DEFAULT 0 NOT NULL,
	"merged_into_id" text
);
--> statement-breakpoint
ALTER TABLE "idea_adoptions" ADD CONSTRAINT "idea_adoptions_idea_id_posts_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_adoptions" ADD CONSTRAINT "idea_adoptions_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_adoptions" ADD CONSTRAINT "idea_adoptions_adopted_by_id_users_id_fk" FOREIGN KEY ("adopted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_status_changes" ADD CONSTRAINT "idea_status_changes_idea_id_posts_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_status_changes" ADD CONSTRAINT "idea_status_changes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_idea_id_posts_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_votes" ADD CONSTRAINT "idea_votes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_status_changes_idea_idx" ON "idea_status_changes" USING btree ("idea_id","created_at");--> statement-breakpoint
CREATE INDEX "idea_votes_recent_idx" ON "idea_votes" USING btree ("idea_id","created_at");--> statement-breakpoint
CREATE INDEX "ideas_status_idx" ON "ideas" USING btree ("status");--> statement-breakpoint
CREATE INDEX "ideas_votes_idx" ON "ideas" USING btree ("vote_count" DESC NULLS LAST,"post_id" DESC NULLS LAST);