CREATE TABLE "environment_sample" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"tube_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"specimen_kind" text NOT NULL,
	"goods_description" text,
	"cold_chain" boolean DEFAULT false NOT NULL,
	"imported" boolean DEFAULT false NOT NULL,
	"origin_country" text,
	"batch_number" text,
	"note" text,
	"sampled_at" timestamp with time zone NOT NULL,
	"sampled_by" uuid,
	"edition_id" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "environment_sample_tube_id_unique" UNIQUE("tube_id")
);
--> statement-breakpoint
ALTER TABLE "environment_sample" ADD CONSTRAINT "environment_sample_tube_id_tube_id_fk" FOREIGN KEY ("tube_id") REFERENCES "public"."tube"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environment_sample" ADD CONSTRAINT "environment_sample_place_id_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environment_sample" ADD CONSTRAINT "environment_sample_sampled_by_app_user_id_fk" FOREIGN KEY ("sampled_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "environment_sample" ADD CONSTRAINT "environment_sample_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "environment_sample_place_idx" ON "environment_sample" USING btree ("place_id","sampled_at");--> statement-breakpoint
CREATE INDEX "environment_sample_batch_idx" ON "environment_sample" USING btree ("batch_number") WHERE batch_number is not null;--> statement-breakpoint
CREATE INDEX "environment_sample_path_idx" ON "environment_sample" USING btree ("jurisdiction_path" text_pattern_ops);