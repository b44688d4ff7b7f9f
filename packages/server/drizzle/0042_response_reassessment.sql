CREATE TABLE "response_reassessment" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"level_change_id" uuid NOT NULL,
	"edition_id" text NOT NULL,
	"level" text NOT NULL,
	"conclusion" text NOT NULL,
	"assessment" jsonb NOT NULL,
	"note" text NOT NULL,
	"assessed_by" uuid NOT NULL,
	"assessed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "response_reassessment" ADD CONSTRAINT "response_reassessment_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_reassessment" ADD CONSTRAINT "response_reassessment_level_change_id_response_level_id_fk" FOREIGN KEY ("level_change_id") REFERENCES "public"."response_level"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_reassessment" ADD CONSTRAINT "response_reassessment_assessed_by_app_user_id_fk" FOREIGN KEY ("assessed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_reassessment_jurisdiction_idx" ON "response_reassessment" USING btree ("jurisdiction_id","assessed_at");--> statement-breakpoint
CREATE INDEX "response_reassessment_path_idx" ON "response_reassessment" USING btree ("jurisdiction_path" text_pattern_ops);