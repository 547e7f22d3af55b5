CREATE TABLE "imported_records" (
	"source" text NOT NULL,
	"source_kind" text NOT NULL,
	"source_id" text NOT NULL,
	"target_id" text NOT NULL,
	"source_url" text,
	"license" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "imported_records_source_source_kind_source_id_pk" PRIMARY KEY("source","source_kind","source_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "imported_from" text;--> statement-breakpoint
CREATE INDEX "imported_records_target_idx" ON "imported_records" USING btree ("target_id");