CREATE TABLE "expected_arrival" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"person_id" uuid NOT NULL,
	"source" text NOT NULL,
	"feed_reference" text NOT NULL,
	"origin" text NOT NULL,
	"expected_arrival_date" date NOT NULL,
	"site_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"status" text DEFAULT 'expected' NOT NULL,
	"created_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leader_travel_request" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"headquarters_id" uuid NOT NULL,
	"roster_member_id" uuid NOT NULL,
	"destination" text NOT NULL,
	"reason" text NOT NULL,
	"depart_at" timestamp with time zone NOT NULL,
	"return_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"requested_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "expected_arrival" ADD CONSTRAINT "expected_arrival_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expected_arrival" ADD CONSTRAINT "expected_arrival_site_id_place_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expected_arrival" ADD CONSTRAINT "expected_arrival_room_id_quarantine_room_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."quarantine_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expected_arrival" ADD CONSTRAINT "expected_arrival_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expected_arrival" ADD CONSTRAINT "expected_arrival_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_travel_request" ADD CONSTRAINT "leader_travel_request_headquarters_id_headquarters_id_fk" FOREIGN KEY ("headquarters_id") REFERENCES "public"."headquarters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_travel_request" ADD CONSTRAINT "leader_travel_request_roster_member_id_roster_member_id_fk" FOREIGN KEY ("roster_member_id") REFERENCES "public"."roster_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_travel_request" ADD CONSTRAINT "leader_travel_request_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_travel_request" ADD CONSTRAINT "leader_travel_request_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_travel_request" ADD CONSTRAINT "leader_travel_request_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expected_arrival_room_idx" ON "expected_arrival" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "expected_arrival_path_idx" ON "expected_arrival" USING btree ("jurisdiction_path");--> statement-breakpoint
CREATE INDEX "leader_travel_request_headquarters_idx" ON "leader_travel_request" USING btree ("headquarters_id");--> statement-breakpoint
CREATE INDEX "leader_travel_request_member_idx" ON "leader_travel_request" USING btree ("roster_member_id");