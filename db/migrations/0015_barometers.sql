CREATE TYPE "public"."barometer_audience" AS ENUM('employees', 'customers');--> statement-breakpoint
CREATE TABLE "barometer_answers" (
	"id" text PRIMARY KEY NOT NULL,
	"round_id" text NOT NULL,
	"site_id" text,
	"community_id" text,
	"score" smallint NOT NULL,
	"comment" text,
	CONSTRAINT "barometer_answers_score_check" CHECK (score between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "barometer_respondents" (
	"round_id" text NOT NULL,
	"user_id" text NOT NULL,
	CONSTRAINT "barometer_respondents_round_id_user_id_pk" PRIMARY KEY("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "barometer_rounds" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"subject" text NOT NULL,
	"audience" "barometer_audience" NOT NULL,
	"community_id" text,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "barometer_rounds_audience_check" CHECK ((audience = 'customers') = (community_id is not null))
);
--> statement-breakpoint
ALTER TABLE "barometer_answers" ADD CONSTRAINT "barometer_answers_round_id_barometer_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."barometer_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barometer_answers" ADD CONSTRAINT "barometer_answers_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barometer_answers" ADD CONSTRAINT "barometer_answers_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barometer_respondents" ADD CONSTRAINT "barometer_respondents_round_id_barometer_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."barometer_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barometer_respondents" ADD CONSTRAINT "barometer_respondents_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barometer_rounds" ADD CONSTRAINT "barometer_rounds_community_id_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "barometer_rounds" ADD CONSTRAINT "barometer_rounds_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "barometer_answers_round_idx" ON "barometer_answers" USING btree ("round_id","site_id");--> statement-breakpoint
CREATE INDEX "barometer_rounds_opens_idx" ON "barometer_rounds" USING btree ("opens_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "barometer_rounds_community_idx" ON "barometer_rounds" USING btree ("community_id","opens_at");