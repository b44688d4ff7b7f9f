CREATE TABLE "one_time_code" (
	"id" uuid PRIMARY KEY DEFAULT fk_uuid_v7() NOT NULL,
	"purpose" text NOT NULL,
	"person_id" uuid NOT NULL,
	"proxy_link_id" uuid,
	"phone_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "proxy_link_active_idx";--> statement-breakpoint
ALTER TABLE "proxy_link" ADD COLUMN "consent_by" text;--> statement-breakpoint
ALTER TABLE "proxy_link" ADD COLUMN "consent_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "proxy_link" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "one_time_code" ADD CONSTRAINT "one_time_code_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_time_code" ADD CONSTRAINT "one_time_code_proxy_link_id_proxy_link_id_fk" FOREIGN KEY ("proxy_link_id") REFERENCES "public"."proxy_link"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "one_time_code_phone_idx" ON "one_time_code" USING btree ("phone_hash","created_at");--> statement-breakpoint
CREATE INDEX "one_time_code_person_idx" ON "one_time_code" USING btree ("person_id","purpose");--> statement-breakpoint
ALTER TABLE "proxy_link" ADD CONSTRAINT "proxy_link_revoked_by_app_user_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proxy_link_open_idx" ON "proxy_link" USING btree ("proxy_user_id","dependant_person_id") WHERE status in ('active', 'pending');--> statement-breakpoint
CREATE INDEX "proxy_link_dependant_idx" ON "proxy_link" USING btree ("dependant_person_id");--> statement-breakpoint
-- issue 12 defect 5: a proxy of an adult made before consent existed waits for the adult's consent (age 18, Civil Code art. 17; unknown birth date counts as adult).
UPDATE "proxy_link" SET "status" = 'pending', "updated_at" = now() FROM "person" WHERE "person"."id" = "proxy_link"."dependant_person_id" AND "proxy_link"."status" = 'active' AND ("person"."birth_date" IS NULL OR "person"."birth_date" <= ((now() AT TIME ZONE 'Asia/Shanghai')::date - interval '18 years'));
