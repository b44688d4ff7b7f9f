CREATE TABLE "gathering" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"kind" text NOT NULL,
	"event_date" date NOT NULL,
	"simplified" boolean NOT NULL,
	"attendees" integer NOT NULL,
	"household_id" uuid,
	"organizer" text NOT NULL,
	"decision" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"filed_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_round" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"name" text NOT NULL,
	"started_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"rules_version" text NOT NULL,
	"started_by" uuid,
	"closed_at" timestamp with time zone,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_visit" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"round_id" uuid NOT NULL,
	"household_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"visited_by" uuid,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "six_ones_entry" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"duty_date" date NOT NULL,
	"duty" text NOT NULL,
	"done" boolean NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_request" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"household_id" uuid NOT NULL,
	"items" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"note" text,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "gathering" ADD CONSTRAINT "gathering_household_id_place_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering" ADD CONSTRAINT "gathering_filed_by_app_user_id_fk" FOREIGN KEY ("filed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gathering" ADD CONSTRAINT "gathering_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_round" ADD CONSTRAINT "screening_round_started_by_app_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_round" ADD CONSTRAINT "screening_round_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_visit" ADD CONSTRAINT "screening_visit_round_id_screening_round_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."screening_round"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_visit" ADD CONSTRAINT "screening_visit_household_id_place_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_visit" ADD CONSTRAINT "screening_visit_visited_by_app_user_id_fk" FOREIGN KEY ("visited_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "six_ones_entry" ADD CONSTRAINT "six_ones_entry_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "six_ones_entry" ADD CONSTRAINT "six_ones_entry_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_request" ADD CONSTRAINT "supply_request_household_id_place_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_request" ADD CONSTRAINT "supply_request_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_request" ADD CONSTRAINT "supply_request_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gathering_path_idx" ON "gathering" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "screening_round_path_idx" ON "screening_round" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "screening_visit_round_idx" ON "screening_visit" USING btree ("round_id","household_id");--> statement-breakpoint
CREATE UNIQUE INDEX "six_ones_entry_day_idx" ON "six_ones_entry" USING btree ("jurisdiction_id","duty_date","duty");--> statement-breakpoint
CREATE INDEX "supply_request_path_idx" ON "supply_request" USING btree ("jurisdiction_path" text_pattern_ops);