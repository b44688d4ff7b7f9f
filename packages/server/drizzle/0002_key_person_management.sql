CREATE TABLE "alert" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"episode_id" uuid,
	"site_id" uuid,
	"dedup_key" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alert_dedup_key_unique" UNIQUE("dedup_key")
);
--> statement-breakpoint
CREATE TABLE "episode_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_observation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"observed_at" timestamp with time zone NOT NULL,
	"observed_date" date NOT NULL,
	"temperature_tenths" integer,
	"symptoms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recorded_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "key_person_episode" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"category" text NOT NULL,
	"edition_id" text NOT NULL,
	"profile_id" text,
	"start_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"management_type" text NOT NULL,
	"planned_release_date" date,
	"planned_end_date" date,
	"site_id" uuid,
	"room_id" uuid,
	"household_id" uuid,
	"home_seal" text,
	"assigned_cadre_id" uuid,
	"assigned_medic_id" uuid,
	"symptoms_reported" boolean DEFAULT false NOT NULL,
	"previous_episode_id" uuid,
	"source" text DEFAULT 'registration' NOT NULL,
	"released_at" timestamp with time zone,
	"ended_reason" text,
	"plan" jsonb NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quarantine_room" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"code" text NOT NULL,
	"beds" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "release_signature" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"test_kind" text,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'due' NOT NULL,
	"sampled_at" timestamp with time zone,
	"result" text,
	"result_at" timestamp with time zone,
	"recorded_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"episode_id" uuid,
	"person_id" uuid,
	"due_at" timestamp with time zone,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_site_id_place_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alert" ADD CONSTRAINT "alert_resolved_by_app_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_event" ADD CONSTRAINT "episode_event_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_event" ADD CONSTRAINT "episode_event_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_observation" ADD CONSTRAINT "health_observation_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_observation" ADD CONSTRAINT "health_observation_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_episode" ADD CONSTRAINT "key_person_episode_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_episode" ADD CONSTRAINT "key_person_episode_site_id_place_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_episode" ADD CONSTRAINT "key_person_episode_room_id_quarantine_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."quarantine_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_episode" ADD CONSTRAINT "key_person_episode_household_id_place_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_episode" ADD CONSTRAINT "key_person_episode_assigned_cadre_id_app_user_id_fk" FOREIGN KEY ("assigned_cadre_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_episode" ADD CONSTRAINT "key_person_episode_assigned_medic_id_app_user_id_fk" FOREIGN KEY ("assigned_medic_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "key_person_episode" ADD CONSTRAINT "key_person_episode_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantine_room" ADD CONSTRAINT "quarantine_room_site_id_place_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_signature" ADD CONSTRAINT "release_signature_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "release_signature" ADD CONSTRAINT "release_signature_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_item" ADD CONSTRAINT "schedule_item_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_item" ADD CONSTRAINT "schedule_item_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alert_open_path_idx" ON "alert" USING btree ("status","jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "episode_event_person_idx" ON "episode_event" USING btree ("person_id","at");--> statement-breakpoint
CREATE INDEX "health_observation_episode_date_idx" ON "health_observation" USING btree ("episode_id","observed_date");--> statement-breakpoint
CREATE UNIQUE INDEX "key_person_episode_one_active_idx" ON "key_person_episode" USING btree ("person_id","category") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "key_person_episode_path_idx" ON "key_person_episode" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "key_person_episode_active_release_idx" ON "key_person_episode" USING btree ("status","planned_release_date");--> statement-breakpoint
CREATE INDEX "key_person_episode_room_idx" ON "key_person_episode" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "key_person_episode_person_idx" ON "key_person_episode" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quarantine_room_site_code_idx" ON "quarantine_room" USING btree ("site_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "release_signature_episode_role_idx" ON "release_signature" USING btree ("episode_id","role");--> statement-breakpoint
CREATE INDEX "schedule_item_episode_idx" ON "schedule_item" USING btree ("episode_id");--> statement-breakpoint
CREATE INDEX "schedule_item_due_idx" ON "schedule_item" USING btree ("status","due_date","jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "task_open_path_idx" ON "task" USING btree ("status","jurisdiction_path" text_pattern_ops);