-- Time-ordered ids (RFC 9562 UUID version 7): 48 bits of Unix milliseconds, then the random bits of
-- gen_random_uuid() with the version set to 7. Rows made together sit together in a primary-key index,
-- so bulk writes append to its right edge. One expression (no FROM), so the planner inlines it; the
-- same on PostgreSQL 13+ and PGlite. Ids made in the same millisecond are in random order.
CREATE OR REPLACE FUNCTION fk_uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
    52, 1), 53, 1), 'hex')::uuid
$$;--> statement-breakpoint
ALTER TABLE "app_user" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "role_assignment" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "assist_request" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "checkpoint_device" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "duty_shift" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "household_pass" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "outsider_registration" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "pass_use" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "place_code" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "appeal" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "arrival_report" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "code_change" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "health_code_state" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "health_declaration" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "proxy_link" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "import_job" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "jurisdiction" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "place" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "alert" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "episode_event" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "episode_transfer" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "health_observation" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "key_person_episode" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "quarantine_room" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "release_signature" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "schedule_item" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "task" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "person" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "campaign_zone" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "collection_point" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "pool_member" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "sample" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "test_campaign" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "test_certificate" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "testing_group_member" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();--> statement-breakpoint
ALTER TABLE "tube" ALTER COLUMN "id" SET DEFAULT fk_uuid_v7();