CREATE TABLE "assist_request" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source_org" text NOT NULL,
	"document_number" text,
	"category" text NOT NULL,
	"start_date" date NOT NULL,
	"name" text NOT NULL,
	"id_type" text NOT NULL,
	"id_hash" text NOT NULL,
	"id_cipher" text NOT NULL,
	"id_masked" text NOT NULL,
	"phone_cipher" text,
	"phone_masked" text,
	"address_cipher" text NOT NULL,
	"address_masked" text NOT NULL,
	"routed_by" text,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"person_id" uuid,
	"episode_id" uuid,
	"received_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assist_request" ADD CONSTRAINT "assist_request_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_request" ADD CONSTRAINT "assist_request_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_request" ADD CONSTRAINT "assist_request_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_request" ADD CONSTRAINT "assist_request_episode_id_key_person_episode_id_fk" FOREIGN KEY ("episode_id") REFERENCES "public"."key_person_episode"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assist_request" ADD CONSTRAINT "assist_request_received_by_app_user_id_fk" FOREIGN KEY ("received_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assist_request_path_idx" ON "assist_request" USING btree ("status","jurisdiction_path" text_pattern_ops);