CREATE TABLE "situation_report" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"for_date" date NOT NULL,
	"compiled_at" timestamp with time zone NOT NULL,
	"figures" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "situation_report" ADD CONSTRAINT "situation_report_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "situation_report_day_uq" ON "situation_report" USING btree ("jurisdiction_id","for_date");--> statement-breakpoint
CREATE INDEX "situation_report_path_idx" ON "situation_report" USING btree ("jurisdiction_path" text_pattern_ops);