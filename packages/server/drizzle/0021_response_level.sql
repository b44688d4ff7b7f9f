CREATE TABLE "response_level" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"edition_id" text NOT NULL,
	"direction" text NOT NULL,
	"level" text NOT NULL,
	"from_level" text,
	"basis" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"assessment" jsonb NOT NULL,
	"confirmations" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"proposed_by" uuid NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"override" jsonb,
	"filed_by" uuid,
	"filed_at" timestamp with time zone,
	"filing_reference" text,
	"rejected_by" uuid,
	"rejected_at" timestamp with time zone,
	"rejection_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "response_level" ADD CONSTRAINT "response_level_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_level" ADD CONSTRAINT "response_level_proposed_by_app_user_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_level" ADD CONSTRAINT "response_level_approved_by_app_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_level" ADD CONSTRAINT "response_level_filed_by_app_user_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_level" ADD CONSTRAINT "response_level_rejected_by_app_user_id_fk" FOREIGN KEY ("rejected_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_level_jurisdiction_idx" ON "response_level" USING btree ("jurisdiction_id","proposed_at");--> statement-breakpoint
CREATE INDEX "response_level_path_idx" ON "response_level" USING btree ("jurisdiction_path" text_pattern_ops);