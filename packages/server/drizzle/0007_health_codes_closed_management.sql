CREATE TABLE "checkpoint_device" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"last_sequence" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "checkpoint_device_key_hash_unique" UNIQUE("key_hash")
);
--> statement-breakpoint
CREATE TABLE "duty_shift" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"shift_date" date NOT NULL,
	"shift" text NOT NULL,
	"staff" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "household_pass" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"pass_number" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"issued_by" uuid,
	"revoked_by" uuid,
	"revoked_reason" text,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "household_pass_pass_number_unique" UNIQUE("pass_number")
);
--> statement-breakpoint
CREATE TABLE "outsider_registration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"checkpoint_id" uuid NOT NULL,
	"person_id" uuid,
	"name" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"phone_masked" text,
	"from_place" text NOT NULL,
	"reason" text NOT NULL,
	"destination_household_id" uuid,
	"episode_id" uuid,
	"registered_by" uuid,
	"registered_at" timestamp with time zone NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pass_use" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pass_id" uuid NOT NULL,
	"person_id" uuid,
	"checkpoint_id" uuid NOT NULL,
	"direction" text NOT NULL,
	"used_at" timestamp with time zone NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "place_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"place_id" uuid NOT NULL,
	"code" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "place_code_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "scan" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "scan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"person_id" uuid,
	"place_id" uuid NOT NULL,
	"device_id" uuid,
	"device_sequence" bigint,
	"scanned_at" timestamp with time zone NOT NULL,
	"colour_seen" text,
	"decision" text NOT NULL,
	"reason" text,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appeal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"filed_by" uuid,
	"via_proxy" boolean DEFAULT false NOT NULL,
	"colour_appealed" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"code_change_id" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrival_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"inbound" boolean DEFAULT false NOT NULL,
	"from_place" text NOT NULL,
	"from_risk_level" text DEFAULT 'low' NOT NULL,
	"expected_arrival" date NOT NULL,
	"arrived_on" date,
	"at_destination" boolean DEFAULT false NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"late" boolean DEFAULT false NOT NULL,
	"submitted_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "code_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"from_colour" text NOT NULL,
	"to_colour" text NOT NULL,
	"basis_kind" text NOT NULL,
	"basis_ref" text NOT NULL,
	"basis_note" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"approved_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"valid_until" timestamp with time zone,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_code_state" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"colour" text NOT NULL,
	"rule_version" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"source" text DEFAULT 'rules' NOT NULL,
	"code_change_id" uuid,
	"at" timestamp with time zone NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_declaration" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"declared_on" date NOT NULL,
	"temperature_tenths" integer,
	"symptoms" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"travel" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" uuid,
	"via_proxy" boolean DEFAULT false NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proxy_link" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proxy_user_id" uuid NOT NULL,
	"dependant_person_id" uuid NOT NULL,
	"relation" text NOT NULL,
	"verified_by" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checkpoint_device" ADD CONSTRAINT "checkpoint_device_place_id_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shift" ADD CONSTRAINT "duty_shift_place_id_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_pass" ADD CONSTRAINT "household_pass_household_id_place_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_pass" ADD CONSTRAINT "household_pass_issued_by_app_user_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "household_pass" ADD CONSTRAINT "household_pass_revoked_by_app_user_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outsider_registration" ADD CONSTRAINT "outsider_registration_checkpoint_id_place_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outsider_registration" ADD CONSTRAINT "outsider_registration_destination_household_id_place_id_fk" FOREIGN KEY ("destination_household_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outsider_registration" ADD CONSTRAINT "outsider_registration_registered_by_app_user_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_use" ADD CONSTRAINT "pass_use_pass_id_household_pass_id_fk" FOREIGN KEY ("pass_id") REFERENCES "public"."household_pass"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pass_use" ADD CONSTRAINT "pass_use_checkpoint_id_place_id_fk" FOREIGN KEY ("checkpoint_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "place_code" ADD CONSTRAINT "place_code_place_id_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_filed_by_app_user_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrival_report" ADD CONSTRAINT "arrival_report_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrival_report" ADD CONSTRAINT "arrival_report_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_change" ADD CONSTRAINT "code_change_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_change" ADD CONSTRAINT "code_change_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "code_change" ADD CONSTRAINT "code_change_approved_by_app_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_code_state" ADD CONSTRAINT "health_code_state_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_declaration" ADD CONSTRAINT "health_declaration_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_declaration" ADD CONSTRAINT "health_declaration_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proxy_link" ADD CONSTRAINT "proxy_link_proxy_user_id_app_user_id_fk" FOREIGN KEY ("proxy_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proxy_link" ADD CONSTRAINT "proxy_link_dependant_person_id_person_id_fk" FOREIGN KEY ("dependant_person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkpoint_device_place_idx" ON "checkpoint_device" USING btree ("place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "duty_shift_place_day_idx" ON "duty_shift" USING btree ("place_id","shift_date","shift");--> statement-breakpoint
CREATE UNIQUE INDEX "household_pass_active_idx" ON "household_pass" USING btree ("household_id") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "outsider_registration_path_idx" ON "outsider_registration" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "pass_use_pass_time_idx" ON "pass_use" USING btree ("pass_id","used_at");--> statement-breakpoint
CREATE INDEX "place_code_place_idx" ON "place_code" USING btree ("place_id");--> statement-breakpoint
CREATE UNIQUE INDEX "scan_device_sequence_idx" ON "scan" USING btree ("device_id","device_sequence");--> statement-breakpoint
CREATE INDEX "scan_person_time_idx" ON "scan" USING btree ("person_id","scanned_at");--> statement-breakpoint
CREATE INDEX "scan_place_time_idx" ON "scan" USING btree ("place_id","scanned_at");--> statement-breakpoint
CREATE INDEX "appeal_queue_idx" ON "appeal" USING btree ("status","jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "appeal_person_idx" ON "appeal" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "arrival_report_person_idx" ON "arrival_report" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "code_change_person_idx" ON "code_change" USING btree ("person_id","status");--> statement-breakpoint
CREATE INDEX "code_change_path_idx" ON "code_change" USING btree ("status","jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "health_code_state_person_idx" ON "health_code_state" USING btree ("person_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "health_declaration_person_day_idx" ON "health_declaration" USING btree ("person_id","declared_on");--> statement-breakpoint
CREATE UNIQUE INDEX "proxy_link_active_idx" ON "proxy_link" USING btree ("proxy_user_id","dependant_person_id") WHERE status = 'active';