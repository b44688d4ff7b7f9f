CREATE TABLE "sentinel_daily_count" (
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"series" text NOT NULL,
	"day" date NOT NULL,
	"count" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sentinel_daily_count_jurisdiction_id_series_day_pk" PRIMARY KEY("jurisdiction_id","series","day")
);
--> statement-breakpoint
ALTER TABLE "sentinel_daily_count" ADD CONSTRAINT "sentinel_daily_count_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sentinel_daily_count_path_idx" ON "sentinel_daily_count" USING btree ("jurisdiction_path" text_pattern_ops,"series","day");