CREATE TYPE "public"."event_format" AS ENUM('in_person', 'online');--> statement-breakpoint
CREATE TYPE "public"."rsvp_status" AS ENUM('going', 'waitlisted', 'not_going');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'event_reminder';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'event_promoted';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'event_cancelled';--> statement-breakpoint
CREATE TABLE "community_events" (
	"id" text PRIMARY KEY NOT NULL,
	"community_id" text NOT NULL,
	"announced_by_id" text,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"description_html" text NOT NULL,
	"format" "event_format" NOT NULL,
	"site_id" text,
	"room" text,
	"address" text,
	"online_url" text,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"capacity" integer NOT NULL,
	"going_count" integer DEFAULT 0 NOT NULL,
	"slides_url" text,
	"tutorial_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"edited_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	CONSTRAINT "community_events_capacity_check" CHECK (capacity > 0 and going_count between 0 and capacity),
	CONSTRAINT "community_events_times_check" CHECK (ends_at > starts_at)
);
--> statement-breakpoint
CREATE TABLE "event_rsvps" (
	"event_id" text NOT NULL,
	"user_id" text NOT NULL,
	"status" "rsvp_status" NOT NULL,
	"responded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_rsvps_event_id_user_id_pk" PRIMARY KEY("event_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "event_id" text;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_announced_by_id_users_id_fk" FOREIGN KEY ("announced_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_events" ADD CONSTRAINT "community_events_tutorial_id_posts_id_fk" FOREIGN KEY ("tutorial_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_event_id_community_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."community_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_rsvps" ADD CONSTRAINT "event_rsvps_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_events_community_idx" ON "community_events" USING btree ("community_id","starts_at");--> statement-breakpoint
CREATE INDEX "community_events_site_idx" ON "community_events" USING btree ("site_id","starts_at");--> statement-breakpoint
CREATE INDEX "community_events_reminder_idx" ON "community_events" USING btree ("starts_at") WHERE reminded_at is null and cancelled_at is null;--> statement-breakpoint
CREATE INDEX "event_rsvps_status_idx" ON "event_rsvps" USING btree ("event_id","status","responded_at");