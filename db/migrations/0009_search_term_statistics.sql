CREATE TABLE "search_term_statistics" (
	"term" text PRIMARY KEY NOT NULL,
	"titles" integer NOT NULL,
	"texts" integer NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL
);
