CREATE TABLE "community_report" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"kind" text NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"description" text NOT NULL,
	"whereabouts" text NOT NULL,
	"refused_measure" text,
	"subject_name_masked" text,
	"subject_name_cipher" text,
	"reported_by" uuid,
	"reported_as" text NOT NULL,
	"tracking_task_id" uuid,
	"episode_id" uuid,
	"police_station" text,
	"police_reference" text,
	"outcome_note" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "community_report" ADD CONSTRAINT "community_report_reported_by_app_user_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_report" ADD CONSTRAINT "community_report_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "community_report" ADD CONSTRAINT "community_report_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "community_report_path_idx" ON "community_report" USING btree ("jurisdiction_path" text_pattern_ops,"state");