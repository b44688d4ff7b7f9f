CREATE TABLE "lab_result_correction" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"lab_result_id" uuid NOT NULL,
	"barcode" text NOT NULL,
	"previous_result" text NOT NULL,
	"new_result" text NOT NULL,
	"reason" text NOT NULL,
	"lab_reference" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"follow_up" jsonb,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "lab_result" ADD COLUMN "correction_id" uuid;--> statement-breakpoint
ALTER TABLE "lab_result" ADD COLUMN "corrected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "lab_result_correction" ADD CONSTRAINT "lab_result_correction_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lab_result_correction" ADD CONSTRAINT "lab_result_correction_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "lab_result_correction_one_pending_idx" ON "lab_result_correction" USING btree ("lab_result_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "lab_result_correction_result_idx" ON "lab_result_correction" USING btree ("lab_result_id","requested_at");--> statement-breakpoint
CREATE INDEX "lab_result_correction_path_idx" ON "lab_result_correction" USING btree ("status","jurisdiction_path" text_pattern_ops);