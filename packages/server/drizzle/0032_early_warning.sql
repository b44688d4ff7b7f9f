CREATE TABLE "early_warning_signal" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"series" text NOT NULL,
	"day" date NOT NULL,
	"method" text NOT NULL,
	"count" integer NOT NULL,
	"threshold" double precision NOT NULL,
	"statistic" double precision,
	"evidence" jsonb NOT NULL,
	"edition_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"task_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledgement_note" text,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"outcome" text,
	"outcome_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "early_warning_signal" ADD CONSTRAINT "early_warning_signal_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_signal" ADD CONSTRAINT "early_warning_signal_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_signal" ADD CONSTRAINT "early_warning_signal_acknowledged_by_app_user_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "early_warning_signal" ADD CONSTRAINT "early_warning_signal_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "early_warning_signal_day_unique" ON "early_warning_signal" USING btree ("jurisdiction_id","series","day");--> statement-breakpoint
CREATE INDEX "early_warning_signal_status_path_idx" ON "early_warning_signal" USING btree ("status","jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "early_warning_signal_path_day_idx" ON "early_warning_signal" USING btree ("jurisdiction_path" text_pattern_ops,"day");--> statement-breakpoint
CREATE INDEX "case_report_path_discovered_idx" ON "case_report" USING btree ("jurisdiction_path" text_pattern_ops,"discovered_at");--> statement-breakpoint
CREATE INDEX "health_code_state_path_person_idx" ON "health_code_state" USING btree ("jurisdiction_path" text_pattern_ops,"person_id","at");--> statement-breakpoint
CREATE INDEX "key_person_episode_status_path_idx" ON "key_person_episode" USING btree ("status","jurisdiction_path" text_pattern_ops);