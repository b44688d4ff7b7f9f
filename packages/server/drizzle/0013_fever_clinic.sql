CREATE TABLE "fever_clinic_order" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"visit_id" uuid NOT NULL,
	"item" text NOT NULL,
	"tube_id" uuid,
	"result" text,
	"recorded_at" timestamp with time zone,
	"recorded_by" uuid,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fever_clinic_visit" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"person_id" uuid NOT NULL,
	"place_id" uuid NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"temperature_tenths" integer,
	"edition_id" text NOT NULL,
	"disposition" text,
	"episode_id" uuid,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"registered_by" uuid,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fever_clinic_order" ADD CONSTRAINT "fever_clinic_order_visit_id_fever_clinic_visit_id_fk" FOREIGN KEY ("visit_id") REFERENCES "public"."fever_clinic_visit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fever_clinic_order" ADD CONSTRAINT "fever_clinic_order_tube_id_tube_id_fk" FOREIGN KEY ("tube_id") REFERENCES "public"."tube"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fever_clinic_order" ADD CONSTRAINT "fever_clinic_order_recorded_by_app_user_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fever_clinic_visit" ADD CONSTRAINT "fever_clinic_visit_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fever_clinic_visit" ADD CONSTRAINT "fever_clinic_visit_place_id_place_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."place"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fever_clinic_visit" ADD CONSTRAINT "fever_clinic_visit_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fever_clinic_visit" ADD CONSTRAINT "fever_clinic_visit_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fever_clinic_visit" ADD CONSTRAINT "fever_clinic_visit_registered_by_app_user_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fever_clinic_visit" ADD CONSTRAINT "fever_clinic_visit_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fever_clinic_order_visit_item_unique" ON "fever_clinic_order" USING btree ("visit_id","item");--> statement-breakpoint
CREATE INDEX "fever_clinic_order_tube_idx" ON "fever_clinic_order" USING btree ("tube_id") WHERE tube_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "fever_clinic_visit_open_person_unique" ON "fever_clinic_visit" USING btree ("person_id") WHERE closed_at is null;--> statement-breakpoint
CREATE INDEX "fever_clinic_visit_path_idx" ON "fever_clinic_visit" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "fever_clinic_visit_place_idx" ON "fever_clinic_visit" USING btree ("place_id","arrived_at");