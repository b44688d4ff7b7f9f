CREATE TABLE "report_submission" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"template_id" uuid NOT NULL,
	"template_code" text NOT NULL,
	"period" date NOT NULL,
	"unit_kind" text NOT NULL,
	"unit_jurisdiction_id" uuid,
	"unit_place_id" uuid,
	"status" text NOT NULL,
	"zero" boolean DEFAULT false NOT NULL,
	"figures" jsonb NOT NULL,
	"platform" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rows_cipher" text,
	"row_count" integer DEFAULT 0 NOT NULL,
	"notes" text,
	"source" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"submitted_at" timestamp with time zone,
	"first_submitted_at" timestamp with time zone,
	"late" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"signed_by" uuid,
	"signer_name" text,
	"signed_at" timestamp with time zone,
	"seal_holder" text,
	"revision" integer DEFAULT 1 NOT NULL,
	"previous_id" uuid,
	"superseded_at" timestamp with time zone,
	"correction_reason" text,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_template" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"definition" jsonb NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"published_by" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_template_id_report_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."report_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_unit_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("unit_jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_unit_place_id_place_id_fk" FOREIGN KEY ("unit_place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_signed_by_app_user_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submission" ADD CONSTRAINT "report_submission_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_template" ADD CONSTRAINT "report_template_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_template" ADD CONSTRAINT "report_template_published_by_app_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_submission_current_idx" ON "report_submission" USING btree ("template_code","unit_kind",coalesce("unit_place_id", "unit_jurisdiction_id"),"period") WHERE status <> 'superseded';--> statement-breakpoint
CREATE INDEX "report_submission_period_path_idx" ON "report_submission" USING btree ("period","template_code","jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "report_submission_unit_idx" ON "report_submission" USING btree ("unit_jurisdiction_id","unit_place_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "report_template_version_idx" ON "report_template" USING btree ("code","jurisdiction_path","version");--> statement-breakpoint
CREATE INDEX "report_template_path_idx" ON "report_template" USING btree ("jurisdiction_path" text_pattern_ops);