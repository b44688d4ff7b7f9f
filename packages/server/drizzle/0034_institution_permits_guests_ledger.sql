CREATE TABLE "entry_ledger" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"subject" text NOT NULL,
	"name_masked" text,
	"name_cipher" text,
	"plate" text,
	"purpose" text NOT NULL,
	"masked" boolean NOT NULL,
	"temperature_tenths" integer NOT NULL,
	"escort_user_id" uuid NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_on" date NOT NULL,
	"left_at" timestamp with time zone,
	"recorded_by" uuid,
	"closed_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_permit" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"organizer" text NOT NULL,
	"institution_id" uuid,
	"event_date" date NOT NULL,
	"attendees" integer NOT NULL,
	"plan" text NOT NULL,
	"urgent" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"advice" jsonb NOT NULL,
	"decision_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"filed_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotel_guest" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"institution_id" uuid NOT NULL,
	"check_in_on" date NOT NULL,
	"name_masked" text NOT NULL,
	"name_cipher" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_masked" text NOT NULL,
	"id_cipher" text NOT NULL,
	"phone_masked" text,
	"phone_cipher" text,
	"from_place" text NOT NULL,
	"from_jurisdiction_id" uuid,
	"from_grade" text,
	"report_task_id" uuid,
	"recorded_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "entry_ledger" ADD CONSTRAINT "entry_ledger_escort_user_id_app_user_id_fk" FOREIGN KEY ("escort_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_ledger" ADD CONSTRAINT "entry_ledger_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_ledger" ADD CONSTRAINT "entry_ledger_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_ledger" ADD CONSTRAINT "entry_ledger_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_permit" ADD CONSTRAINT "event_permit_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_permit" ADD CONSTRAINT "event_permit_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_permit" ADD CONSTRAINT "event_permit_filed_by_app_user_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_permit" ADD CONSTRAINT "event_permit_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotel_guest" ADD CONSTRAINT "hotel_guest_institution_id_institution_id_fk" FOREIGN KEY ("institution_id") REFERENCES "public"."institution"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotel_guest" ADD CONSTRAINT "hotel_guest_from_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("from_jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotel_guest" ADD CONSTRAINT "hotel_guest_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotel_guest" ADD CONSTRAINT "hotel_guest_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "entry_ledger_path_idx" ON "entry_ledger" USING btree ("jurisdiction_path" text_pattern_ops,"entered_on");--> statement-breakpoint
CREATE INDEX "event_permit_path_idx" ON "event_permit" USING btree ("jurisdiction_path" text_pattern_ops,"event_date");--> statement-breakpoint
CREATE INDEX "hotel_guest_path_idx" ON "hotel_guest" USING btree ("jurisdiction_path" text_pattern_ops,"check_in_on");