CREATE TABLE "accountability_record" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"basis" text NOT NULL,
	"finding_id" uuid,
	"decided_by" text NOT NULL,
	"decided_on" date NOT NULL,
	"created_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expert_group" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"headquarters_id" uuid NOT NULL,
	"template_key" text,
	"kind" text NOT NULL,
	"level" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"established" boolean DEFAULT true NOT NULL,
	"recommended_by" text,
	"duties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"clause" text,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "headquarters" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"office_location" text,
	"office_phone" text,
	"template_set" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "headquarters_duty" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"headquarters_id" uuid NOT NULL,
	"duty_date" date NOT NULL,
	"shift" text NOT NULL,
	"roster_member_id" uuid NOT NULL,
	"duty_role" text NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "org_unit" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"kind" text DEFAULT 'department' NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_member" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"headquarters_id" uuid NOT NULL,
	"working_group_id" uuid,
	"expert_group_id" uuid,
	"user_id" uuid,
	"name" text NOT NULL,
	"title" text,
	"org_unit_id" uuid,
	"role" text NOT NULL,
	"phone_cipher" text,
	"phone_masked" text,
	"phone_hash" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"headquarters_id" uuid NOT NULL,
	"working_group_id" uuid,
	"inspected_unit_id" uuid,
	"method" text NOT NULL,
	"subject" text NOT NULL,
	"inspected_at" timestamp with time zone NOT NULL,
	"inspectors" text,
	"summary" text,
	"created_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_finding" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"supervision_id" uuid NOT NULL,
	"description" text NOT NULL,
	"responsible_unit_id" uuid,
	"task_id" uuid,
	"passed_at" timestamp with time zone,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_recheck" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"finding_id" uuid NOT NULL,
	"passed" boolean NOT NULL,
	"note" text NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"checked_by" uuid,
	"task_id" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_evidence" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"task_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_unit" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"task_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_group" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"headquarters_id" uuid NOT NULL,
	"template_key" text,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"lead_official" text,
	"duties" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"clause" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_group_revision" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"working_group_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_group_unit" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"working_group_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "source_kind" text DEFAULT 'follow_up' NOT NULL;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "source_id" uuid;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "title" text;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "headquarters_id" uuid;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "working_group_id" uuid;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "assignee_user_id" uuid;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "jurisdiction_id" uuid;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "closed_by" uuid;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "closing_note" text;--> statement-breakpoint
ALTER TABLE "accountability_record" ADD CONSTRAINT "accountability_record_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_record" ADD CONSTRAINT "accountability_record_finding_id_supervision_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."supervision_finding"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_record" ADD CONSTRAINT "accountability_record_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accountability_record" ADD CONSTRAINT "accountability_record_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group" ADD CONSTRAINT "expert_group_headquarters_id_headquarters_id_fk" FOREIGN KEY ("headquarters_id") REFERENCES "public"."headquarters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expert_group" ADD CONSTRAINT "expert_group_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "headquarters" ADD CONSTRAINT "headquarters_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "headquarters" ADD CONSTRAINT "headquarters_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "headquarters_duty" ADD CONSTRAINT "headquarters_duty_headquarters_id_headquarters_id_fk" FOREIGN KEY ("headquarters_id") REFERENCES "public"."headquarters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "headquarters_duty" ADD CONSTRAINT "headquarters_duty_roster_member_id_roster_member_id_fk" FOREIGN KEY ("roster_member_id") REFERENCES "public"."roster_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_member" ADD CONSTRAINT "roster_member_headquarters_id_headquarters_id_fk" FOREIGN KEY ("headquarters_id") REFERENCES "public"."headquarters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_member" ADD CONSTRAINT "roster_member_working_group_id_working_group_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_member" ADD CONSTRAINT "roster_member_expert_group_id_expert_group_id_fk" FOREIGN KEY ("expert_group_id") REFERENCES "public"."expert_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_member" ADD CONSTRAINT "roster_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_member" ADD CONSTRAINT "roster_member_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_member" ADD CONSTRAINT "roster_member_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision" ADD CONSTRAINT "supervision_headquarters_id_headquarters_id_fk" FOREIGN KEY ("headquarters_id") REFERENCES "public"."headquarters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision" ADD CONSTRAINT "supervision_working_group_id_working_group_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision" ADD CONSTRAINT "supervision_inspected_unit_id_org_unit_id_fk" FOREIGN KEY ("inspected_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision" ADD CONSTRAINT "supervision_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision" ADD CONSTRAINT "supervision_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_finding" ADD CONSTRAINT "supervision_finding_supervision_id_supervision_id_fk" FOREIGN KEY ("supervision_id") REFERENCES "public"."supervision"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_finding" ADD CONSTRAINT "supervision_finding_responsible_unit_id_org_unit_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_finding" ADD CONSTRAINT "supervision_finding_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_recheck" ADD CONSTRAINT "supervision_recheck_finding_id_supervision_finding_id_fk" FOREIGN KEY ("finding_id") REFERENCES "public"."supervision_finding"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_recheck" ADD CONSTRAINT "supervision_recheck_checked_by_app_user_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_recheck" ADD CONSTRAINT "supervision_recheck_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_evidence" ADD CONSTRAINT "task_evidence_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_unit" ADD CONSTRAINT "task_unit_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_unit" ADD CONSTRAINT "task_unit_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group" ADD CONSTRAINT "working_group_headquarters_id_headquarters_id_fk" FOREIGN KEY ("headquarters_id") REFERENCES "public"."headquarters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group" ADD CONSTRAINT "working_group_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_revision" ADD CONSTRAINT "working_group_revision_working_group_id_working_group_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_revision" ADD CONSTRAINT "working_group_revision_changed_by_app_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_unit" ADD CONSTRAINT "working_group_unit_working_group_id_working_group_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_group_unit" ADD CONSTRAINT "working_group_unit_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "accountability_record_unit_idx" ON "accountability_record" USING btree ("org_unit_id","decided_on");--> statement-breakpoint
CREATE INDEX "accountability_record_path_idx" ON "accountability_record" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "expert_group_headquarters_idx" ON "expert_group" USING btree ("headquarters_id");--> statement-breakpoint
CREATE UNIQUE INDEX "headquarters_jurisdiction_idx" ON "headquarters" USING btree ("jurisdiction_id");--> statement-breakpoint
CREATE INDEX "headquarters_path_idx" ON "headquarters" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "headquarters_duty_idx" ON "headquarters_duty" USING btree ("headquarters_id","duty_date","shift","roster_member_id");--> statement-breakpoint
CREATE INDEX "headquarters_duty_day_idx" ON "headquarters_duty" USING btree ("headquarters_id","duty_date");--> statement-breakpoint
CREATE UNIQUE INDEX "org_unit_name_idx" ON "org_unit" USING btree ("jurisdiction_id","name");--> statement-breakpoint
CREATE INDEX "org_unit_path_idx" ON "org_unit" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "roster_member_headquarters_idx" ON "roster_member" USING btree ("headquarters_id");--> statement-breakpoint
CREATE INDEX "roster_member_group_idx" ON "roster_member" USING btree ("working_group_id");--> statement-breakpoint
CREATE INDEX "roster_member_user_idx" ON "roster_member" USING btree ("user_id") WHERE user_id is not null;--> statement-breakpoint
CREATE INDEX "roster_member_unit_idx" ON "roster_member" USING btree ("org_unit_id") WHERE org_unit_id is not null;--> statement-breakpoint
CREATE INDEX "supervision_path_idx" ON "supervision" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "supervision_inspected_idx" ON "supervision" USING btree ("inspected_at");--> statement-breakpoint
CREATE INDEX "supervision_finding_supervision_idx" ON "supervision_finding" USING btree ("supervision_id");--> statement-breakpoint
CREATE INDEX "supervision_recheck_finding_idx" ON "supervision_recheck" USING btree ("finding_id","checked_at");--> statement-breakpoint
CREATE INDEX "task_evidence_task_idx" ON "task_evidence" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_unit_idx" ON "task_unit" USING btree ("task_id","org_unit_id","role");--> statement-breakpoint
CREATE INDEX "task_unit_unit_idx" ON "task_unit" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "working_group_headquarters_idx" ON "working_group" USING btree ("headquarters_id","sort_order");--> statement-breakpoint
CREATE INDEX "working_group_path_idx" ON "working_group" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "working_group_revision_idx" ON "working_group_revision" USING btree ("working_group_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "working_group_unit_idx" ON "working_group_unit" USING btree ("working_group_id","org_unit_id","role");--> statement-breakpoint
CREATE INDEX "working_group_unit_unit_idx" ON "working_group_unit" USING btree ("org_unit_id");--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_headquarters_id_headquarters_id_fk" FOREIGN KEY ("headquarters_id") REFERENCES "public"."headquarters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_working_group_id_working_group_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_group"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_assignee_user_id_app_user_id_fk" FOREIGN KEY ("assignee_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_command_path_idx" ON "task" USING btree ("jurisdiction_path" text_pattern_ops) WHERE source_kind <> 'follow_up';--> statement-breakpoint
CREATE INDEX "task_source_idx" ON "task" USING btree ("source_kind","source_id") WHERE source_id is not null;--> statement-breakpoint
CREATE INDEX "task_group_idx" ON "task" USING btree ("working_group_id") WHERE working_group_id is not null;--> statement-breakpoint
CREATE INDEX "task_assignee_idx" ON "task" USING btree ("assignee_user_id") WHERE assignee_user_id is not null;