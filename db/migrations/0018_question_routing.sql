CREATE TYPE "public"."routing_audience" AS ENUM('matching_monitors', 'all_monitors', 'other_monitors', 'moderators');--> statement-breakpoint
CREATE TYPE "public"."routing_outcome" AS ENUM('sent', 'nobody', 'stopped');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'question_escalated';--> statement-breakpoint
CREATE TABLE "question_routing_recipients" (
	"question_id" text NOT NULL,
	"user_id" text NOT NULL,
	"wave" smallint NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"declined_at" timestamp with time zone,
	CONSTRAINT "question_routing_recipients_question_id_user_id_pk" PRIMARY KEY("question_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "question_routing_steps" (
	"question_id" text NOT NULL,
	"wave" smallint NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"done_at" timestamp with time zone,
	"audience" "routing_audience",
	"outcome" "routing_outcome",
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"hastened" boolean DEFAULT false NOT NULL,
	CONSTRAINT "question_routing_steps_question_id_wave_pk" PRIMARY KEY("question_id","wave")
);
--> statement-breakpoint
ALTER TABLE "question_routing_recipients" ADD CONSTRAINT "question_routing_recipients_question_id_posts_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_routing_recipients" ADD CONSTRAINT "question_routing_recipients_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "question_routing_steps" ADD CONSTRAINT "question_routing_steps_question_id_posts_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."posts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "question_routing_recipients_user_idx" ON "question_routing_recipients" USING btree ("user_id","sent_at" DESC NULLS FIRST,"question_id" DESC NULLS FIRST) WHERE declined_at is null;--> statement-breakpoint
CREATE INDEX "question_routing_steps_due_idx" ON "question_routing_steps" USING btree ("due_at") WHERE done_at is null;