CREATE TABLE "case_classification_change" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_classification" text,
	"to_classification" text NOT NULL,
	"from_clinical_type" text,
	"to_clinical_type" text,
	"kind" text NOT NULL,
	"reason" text,
	"because" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_report" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"case_number" text NOT NULL,
	"person_id" uuid NOT NULL,
	"classification" text NOT NULL,
	"clinical_type" text,
	"onset_date" date,
	"discovered_at" timestamp with time zone NOT NULL,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"reporting_unit" text,
	"reporting_doctor" text,
	"report_due_at" timestamp with time zone NOT NULL,
	"investigation_due_at" timestamp with time zone NOT NULL,
	"sealing_due_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"infector_case_id" uuid,
	"episode_id" uuid,
	"edition_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"discharged_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"died_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"remarks" text,
	"created_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_report_case_number_unique" UNIQUE("case_number")
);
--> statement-breakpoint
CREATE TABLE "investigation" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"case_id" uuid NOT NULL,
	"assignees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead_user_id" uuid,
	"form" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"sealed_at" timestamp with time zone,
	"sealed_by" uuid,
	"sealing_note" text,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "investigation_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "trajectory_point" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"case_id" uuid NOT NULL,
	"investigation_id" uuid,
	"place_id" uuid,
	"place_text" text,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"removed_at" timestamp with time zone,
	"removed_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_classification_change" ADD CONSTRAINT "case_classification_change_case_id_case_report_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_classification_change" ADD CONSTRAINT "case_classification_change_changed_by_app_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report" ADD CONSTRAINT "case_report_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report" ADD CONSTRAINT "case_report_reported_by_app_user_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report" ADD CONSTRAINT "case_report_infector_case_id_case_report_id_fk" FOREIGN KEY ("infector_case_id") REFERENCES "public"."case_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report" ADD CONSTRAINT "case_report_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report" ADD CONSTRAINT "case_report_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_report" ADD CONSTRAINT "case_report_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation" ADD CONSTRAINT "investigation_case_id_case_report_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation" ADD CONSTRAINT "investigation_lead_user_id_app_user_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation" ADD CONSTRAINT "investigation_completed_by_app_user_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation" ADD CONSTRAINT "investigation_sealed_by_app_user_id_fk" FOREIGN KEY ("sealed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigation" ADD CONSTRAINT "investigation_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD CONSTRAINT "trajectory_point_case_id_case_report_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD CONSTRAINT "trajectory_point_investigation_id_investigation_id_fk" FOREIGN KEY ("investigation_id") REFERENCES "public"."investigation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD CONSTRAINT "trajectory_point_place_id_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD CONSTRAINT "trajectory_point_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD CONSTRAINT "trajectory_point_removed_by_app_user_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_classification_change_case_idx" ON "case_classification_change" USING btree ("case_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_report_open_person_unique" ON "case_report" USING btree ("person_id") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "case_report_path_idx" ON "case_report" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "case_report_discovered_idx" ON "case_report" USING btree ("discovered_at");--> statement-breakpoint
CREATE INDEX "case_report_infector_idx" ON "case_report" USING btree ("infector_case_id") WHERE infector_case_id is not null;--> statement-breakpoint
CREATE INDEX "case_report_source_idx" ON "case_report" USING btree ("source","source_id");--> statement-breakpoint
CREATE INDEX "investigation_path_idx" ON "investigation" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "investigation_assignees_idx" ON "investigation" USING gin ("assignees");--> statement-breakpoint
CREATE INDEX "trajectory_point_case_idx" ON "trajectory_point" USING btree ("case_id","from_at");--> statement-breakpoint
CREATE INDEX "trajectory_point_place_idx" ON "trajectory_point" USING btree ("place_id","from_at") WHERE place_id is not null;