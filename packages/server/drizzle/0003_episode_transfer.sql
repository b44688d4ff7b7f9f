CREATE TABLE "episode_transfer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"episode_id" uuid NOT NULL,
	"from_jurisdiction_path" text NOT NULL,
	"to_jurisdiction_id" uuid NOT NULL,
	"to_jurisdiction_path" text NOT NULL,
	"to_site_id" uuid,
	"to_room_id" uuid,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text NOT NULL,
	"requested_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "episode_transfer" ADD CONSTRAINT "episode_transfer_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_transfer" ADD CONSTRAINT "episode_transfer_to_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("to_jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_transfer" ADD CONSTRAINT "episode_transfer_to_site_id_place_id_fk" FOREIGN KEY ("to_site_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_transfer" ADD CONSTRAINT "episode_transfer_to_room_id_quarantine_room_id_fk" FOREIGN KEY ("to_room_id") REFERENCES "public"."quarantine_room"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_transfer" ADD CONSTRAINT "episode_transfer_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "episode_transfer" ADD CONSTRAINT "episode_transfer_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "episode_transfer_one_pending_idx" ON "episode_transfer" USING btree ("episode_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "episode_transfer_to_path_idx" ON "episode_transfer" USING btree ("to_jurisdiction_path" text_pattern_ops);