CREATE TABLE "illness_absence" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"institution_id" uuid NOT NULL,
	"day" date NOT NULL,
	"name_masked" text NOT NULL,
	"name_cipher" text NOT NULL,
	"class_name" text,
	"reason" text NOT NULL,
	"temperature_tenths" integer,
	"trace_by" timestamp with time zone NOT NULL,
	"follow_up_result" text,
	"followed_up_at" timestamp with time zone,
	"nat_task_id" uuid,
	"recorded_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institution" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"place_id" uuid,
	"profile" jsonb NOT NULL,
	"responsible_name" text,
	"responsible_phone_masked" text,
	"responsible_phone_cipher" text,
	"reporter_user_id" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institution_duty_record" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"institution_id" uuid NOT NULL,
	"duty_id" text NOT NULL,
	"day" date NOT NULL,
	"done" boolean NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institution_incident" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"institution_id" uuid NOT NULL,
	"finding" text NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"note" text,
	"steps" jsonb NOT NULL,
	"recorded_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "institution_visit_count" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"institution_id" uuid NOT NULL,
	"day" date NOT NULL,
	"fever_clinic_visits" integer NOT NULL,
	"primary_care_visits" integer NOT NULL,
	"recorded_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pharmacy_sale" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"institution_id" uuid NOT NULL,
	"sold_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"buyer_name_masked" text NOT NULL,
	"buyer_name_cipher" text NOT NULL,
	"buyer_id_hash" text NOT NULL,
	"buyer_id_masked" text NOT NULL,
	"buyer_id_cipher" text NOT NULL,
	"buyer_phone_masked" text NOT NULL,
	"buyer_phone_cipher" text NOT NULL,
	"drug_name" text NOT NULL,
	"drug_class" text NOT NULL,
	"quantity" integer NOT NULL,
	"follow_up_jurisdiction_id" uuid NOT NULL,
	"follow_up_task_id" uuid,
	"shared_at" timestamp with time zone,
	"recorded_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "school_health_check" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"institution_id" uuid NOT NULL,
	"day" date NOT NULL,
	"session" text NOT NULL,
	"present" integer NOT NULL,
	"absent" integer NOT NULL,
	"feverish" integer NOT NULL,
	"recorded_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "illness_absence" ADD CONSTRAINT "illness_absence_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illness_absence" ADD CONSTRAINT "illness_absence_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "illness_absence" ADD CONSTRAINT "illness_absence_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution" ADD CONSTRAINT "institution_place_id_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution" ADD CONSTRAINT "institution_reporter_user_id_app_user_id_fk" FOREIGN KEY ("reporter_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution" ADD CONSTRAINT "institution_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_duty_record" ADD CONSTRAINT "institution_duty_record_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_duty_record" ADD CONSTRAINT "institution_duty_record_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_duty_record" ADD CONSTRAINT "institution_duty_record_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_incident" ADD CONSTRAINT "institution_incident_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_incident" ADD CONSTRAINT "institution_incident_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_incident" ADD CONSTRAINT "institution_incident_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_visit_count" ADD CONSTRAINT "institution_visit_count_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_visit_count" ADD CONSTRAINT "institution_visit_count_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "institution_visit_count" ADD CONSTRAINT "institution_visit_count_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_sale" ADD CONSTRAINT "pharmacy_sale_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_sale" ADD CONSTRAINT "pharmacy_sale_follow_up_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("follow_up_jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_sale" ADD CONSTRAINT "pharmacy_sale_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pharmacy_sale" ADD CONSTRAINT "pharmacy_sale_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_health_check" ADD CONSTRAINT "school_health_check_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_health_check" ADD CONSTRAINT "school_health_check_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_health_check" ADD CONSTRAINT "school_health_check_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "illness_absence_path_idx" ON "illness_absence" USING btree ("jurisdiction_path" text_pattern_ops,"day");--> statement-breakpoint
CREATE UNIQUE INDEX "institution_code_unique" ON "institution" USING btree ("code");--> statement-breakpoint
CREATE INDEX "institution_path_idx" ON "institution" USING btree ("jurisdiction_path" text_pattern_ops,"kind");--> statement-breakpoint
CREATE UNIQUE INDEX "institution_duty_record_unique" ON "institution_duty_record" USING btree ("institution_id","duty_id","day");--> statement-breakpoint
CREATE INDEX "institution_incident_path_idx" ON "institution_incident" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "institution_visit_count_unique" ON "institution_visit_count" USING btree ("institution_id","day");--> statement-breakpoint
CREATE INDEX "pharmacy_sale_path_idx" ON "pharmacy_sale" USING btree ("jurisdiction_path" text_pattern_ops,"day");--> statement-breakpoint
CREATE INDEX "pharmacy_sale_buyer_idx" ON "pharmacy_sale" USING btree ("buyer_id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "school_health_check_unique" ON "school_health_check" USING btree ("institution_id","day","session");