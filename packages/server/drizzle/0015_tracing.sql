CREATE TABLE "case_cluster" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"name" text NOT NULL,
	"name_en" text NOT NULL,
	"rule" jsonb NOT NULL,
	"edition_id" text NOT NULL,
	"area_key" text NOT NULL,
	"member_case_ids" jsonb NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"detected_at" timestamp with time zone NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exposure" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"case_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"context" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" jsonb NOT NULL,
	"place_id" uuid,
	"exposed_from" timestamp with time zone,
	"exposed_to" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"category" text,
	"episode_id" uuid,
	"assist_request_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transmission_event" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"place_id" uuid,
	"place_text" text,
	"from_at" timestamp with time zone NOT NULL,
	"to_at" timestamp with time zone NOT NULL,
	"participant_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "exposure" ADD CONSTRAINT "exposure_case_id_case_report_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."case_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure" ADD CONSTRAINT "exposure_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure" ADD CONSTRAINT "exposure_place_id_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure" ADD CONSTRAINT "exposure_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure" ADD CONSTRAINT "exposure_assist_request_id_assist_request_id_fk" FOREIGN KEY ("assist_request_id") REFERENCES "public"."assist_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exposure" ADD CONSTRAINT "exposure_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transmission_event" ADD CONSTRAINT "transmission_event_place_id_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transmission_event" ADD CONSTRAINT "transmission_event_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_cluster_area_from_unique" ON "case_cluster" USING btree ("area_key","from_date");--> statement-breakpoint
CREATE INDEX "case_cluster_path_idx" ON "case_cluster" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "exposure_case_person_unique" ON "exposure" USING btree ("case_id","person_id");--> statement-breakpoint
CREATE INDEX "exposure_person_idx" ON "exposure" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "exposure_path_idx" ON "exposure" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "transmission_event_participants_idx" ON "transmission_event" USING gin ("participant_ids");--> statement-breakpoint
CREATE INDEX "transmission_event_path_idx" ON "transmission_event" USING btree ("jurisdiction_path" text_pattern_ops);