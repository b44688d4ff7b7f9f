CREATE TABLE "protocol_document" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"edition_id" text NOT NULL,
	"name" text NOT NULL,
	"jurisdiction_id" uuid NOT NULL,
	"jurisdiction_path" text NOT NULL,
	"document" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"drafted_by" uuid,
	"drafted_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone,
	"approval_basis" text,
	"activated_by" uuid,
	"activated_at" timestamp with time zone,
	"effective_from" date,
	"superseded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "protocol_document" ADD CONSTRAINT "protocol_document_jurisdiction_id_jurisdiction_id_fk" FOREIGN KEY ("jurisdiction_id") REFERENCES "public"."jurisdiction"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_document" ADD CONSTRAINT "protocol_document_drafted_by_app_user_id_fk" FOREIGN KEY ("drafted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_document" ADD CONSTRAINT "protocol_document_approved_by_app_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_document" ADD CONSTRAINT "protocol_document_activated_by_app_user_id_fk" FOREIGN KEY ("activated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "protocol_document_key_unique" ON "protocol_document" USING btree ("key");--> statement-breakpoint
CREATE INDEX "protocol_document_path_idx" ON "protocol_document" USING btree ("jurisdiction_path" text_pattern_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "protocol_document_active_unique" ON "protocol_document" USING btree ("jurisdiction_id","edition_id","kind") WHERE status = 'active';