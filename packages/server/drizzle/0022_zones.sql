CREATE TABLE "control_zone" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"zone_type" text NOT NULL,
	"outbreak_type" text,
	"edition_id" text NOT NULL,
	"basis_kind" text NOT NULL,
	"basis_ref" text NOT NULL,
	"basis_note" text NOT NULL,
	"case_id" uuid,
	"units" jsonb NOT NULL,
	"start_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"lifting_checklist" jsonb,
	"lifted_by" uuid,
	"lifted_at" timestamp with time zone,
	"lift_override" boolean DEFAULT false NOT NULL,
	"override_reason" text,
	"created_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_area" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"edition_id" text NOT NULL,
	"as_of" date NOT NULL,
	"computed_level" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"level" text NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"proposed_by" uuid,
	"proposed_at" timestamp with time zone NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"confirm_note" text,
	"issuing_authority" text,
	"publication_ref" text,
	"published_by" uuid,
	"published_at" timestamp with time zone,
	"effective_from" date,
	"effective_to" date,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "control_zone" ADD CONSTRAINT "control_zone_case_id_case_report_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_zone" ADD CONSTRAINT "control_zone_lifted_by_app_user_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_zone" ADD CONSTRAINT "control_zone_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "control_zone" ADD CONSTRAINT "control_zone_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_area" ADD CONSTRAINT "risk_area_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_area" ADD CONSTRAINT "risk_area_proposed_by_app_user_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_area" ADD CONSTRAINT "risk_area_confirmed_by_app_user_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_area" ADD CONSTRAINT "risk_area_published_by_app_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "control_zone_path_idx" ON "control_zone" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "control_zone_active_idx" ON "control_zone" USING btree ("status") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "control_zone_units_idx" ON "control_zone" USING gin ("units");--> statement-breakpoint
CREATE INDEX "risk_area_path_idx" ON "risk_area" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "risk_area_published_unique" ON "risk_area" USING btree ("jurisdiction_id") WHERE status = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "risk_area_pending_unique" ON "risk_area" USING btree ("jurisdiction_id") WHERE status in ('proposed', 'confirmed');