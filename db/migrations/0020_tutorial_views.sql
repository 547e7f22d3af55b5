CREATE TABLE "tutorial_views" (
	"tutorial_id" text NOT NULL,
	"viewed_on" date NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "tutorial_views_tutorial_id_viewed_on_user_id_pk" PRIMARY KEY("tutorial_id","viewed_on","user_id")
);
--> statement-breakpoint
ALTER TABLE "tutorials" ADD COLUMN "view_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tutorial_views" ADD CONSTRAINT "tutorial_views_tutorial_id_tutorials_post_id_fk" FOREIGN KEY ("tutorial_id") REFERENCES "public"."tutorials"("post_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tutorial_views" ADD CONSTRAINT "tutorial_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;