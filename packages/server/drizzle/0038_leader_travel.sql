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
ALTER TABLE "leader_travel_request" ADD CONSTRAINT "leader_travel_request_headquarters_id_headquarters_id_fk" FOREIGN KEY ("headquarters_id") REFERENCES "public"."headquarters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_travel_request" ADD CONSTRAINT "leader_travel_request_roster_member_id_roster_member_id_fk" FOREIGN KEY ("roster_member_id") REFERENCES "public"."roster_member"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_travel_request" ADD CONSTRAINT "leader_travel_request_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_travel_request" ADD CONSTRAINT "leader_travel_request_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_travel_request" ADD CONSTRAINT "leader_travel_request_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leader_travel_request_headquarters_idx" ON "leader_travel_request" USING btree ("headquarters_id");--> statement-breakpoint
CREATE INDEX "leader_travel_request_member_idx" ON "leader_travel_request" USING btree ("roster_member_id");