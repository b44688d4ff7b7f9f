CREATE TABLE "campaign_zone" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"zone_type" text NOT NULL,
	"pool_size" integer NOT NULL,
	"household" boolean DEFAULT false NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_point" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"opens_at" text NOT NULL,
	"closes_at" text NOT NULL,
	"staff" integer DEFAULT 0 NOT NULL,
	"expected_residents" integer DEFAULT 0 NOT NULL,
	"lab_name" text,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_result" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tube_id" uuid NOT NULL,
	"barcode" text NOT NULL,
	"result" text NOT NULL,
	"lab_name" text NOT NULL,
	"tested_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"source" text NOT NULL,
	"import_job_id" uuid,
	"reported_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lab_result_tube_id_unique" UNIQUE("tube_id")
);
--> statement-breakpoint
CREATE TABLE "pool_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tube_id" uuid NOT NULL,
	"sample_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pool_member_sample_id_unique" UNIQUE("sample_id")
);
--> statement-breakpoint
CREATE TABLE "sample" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"campaign_id" uuid,
	"collection_point_id" uuid,
	"purpose" text NOT NULL,
	"payer" text NOT NULL,
	"groups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sampled_at" timestamp with time zone NOT NULL,
	"sampled_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_campaign" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"edition_id" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"default_zone_type" text DEFAULT 'general' NOT NULL,
	"default_pool_size" integer NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "test_certificate" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"issued_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "test_certificate_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "testing_group_member" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"unit_name" text,
	"joined_on" date NOT NULL,
	"left_on" date,
	"left_reason" text,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tube" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"barcode" text NOT NULL,
	"campaign_id" uuid,
	"collection_point_id" uuid,
	"pool_size" integer NOT NULL,
	"household" boolean DEFAULT false NOT NULL,
	"household_id" uuid,
	"zone_type" text NOT NULL,
	"setting" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"member_count" integer DEFAULT 0 NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"lab_name" text,
	"retest_of_tube_id" uuid,
	"edition_id" text NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tube_barcode_unique" UNIQUE("barcode")
);
--> statement-breakpoint
ALTER TABLE "campaign_zone" ADD CONSTRAINT "campaign_zone_campaign_id_test_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."test_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_zone" ADD CONSTRAINT "campaign_zone_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_point" ADD CONSTRAINT "collection_point_campaign_id_test_campaign_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."test_campaign"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collection_point" ADD CONSTRAINT "collection_point_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_campaign" ADD CONSTRAINT "test_campaign_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_campaign" ADD CONSTRAINT "test_campaign_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_certificate" ADD CONSTRAINT "test_certificate_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "test_certificate" ADD CONSTRAINT "test_certificate_issued_by_app_user_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_group_member" ADD CONSTRAINT "testing_group_member_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_group_member" ADD CONSTRAINT "testing_group_member_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "testing_group_member" ADD CONSTRAINT "testing_group_member_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_zone_campaign_jurisdiction_idx" ON "campaign_zone" USING btree ("campaign_id","jurisdiction_id");--> statement-breakpoint
CREATE INDEX "collection_point_campaign_idx" ON "collection_point" USING btree ("campaign_id");--> statement-breakpoint
CREATE INDEX "lab_result_lab_idx" ON "lab_result" USING btree ("lab_name","tested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "pool_member_tube_position_idx" ON "pool_member" USING btree ("tube_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "sample_campaign_person_idx" ON "sample" USING btree ("campaign_id","person_id") WHERE purpose = 'campaign';--> statement-breakpoint
CREATE INDEX "sample_person_idx" ON "sample" USING btree ("person_id","sampled_at");--> statement-breakpoint
CREATE INDEX "sample_campaign_path_idx" ON "sample" USING btree ("campaign_id","jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "test_campaign_path_idx" ON "test_campaign" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "test_certificate_sample_idx" ON "test_certificate" USING btree ("sample_id");--> statement-breakpoint
CREATE UNIQUE INDEX "testing_group_member_active_idx" ON "testing_group_member" USING btree ("group_code","person_id") WHERE left_on is null;--> statement-breakpoint
CREATE INDEX "testing_group_member_path_idx" ON "testing_group_member" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "testing_group_member_person_idx" ON "testing_group_member" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "tube_campaign_status_idx" ON "tube" USING btree ("campaign_id","status");--> statement-breakpoint
CREATE INDEX "tube_path_idx" ON "tube" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "tube_retest_of_idx" ON "tube" USING btree ("retest_of_tube_id");