ALTER TABLE "expected_arrival" ADD COLUMN "episode_id" uuid;--> statement-breakpoint
ALTER TABLE "expected_arrival" ADD COLUMN "cancel_reason" text;--> statement-breakpoint
ALTER TABLE "expected_arrival" ADD COLUMN "closed_at" timestamp with time zone;