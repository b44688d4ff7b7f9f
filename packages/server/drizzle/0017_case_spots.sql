ALTER TABLE "trajectory_point" ADD COLUMN "sealed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD COLUMN "sealed_by" uuid;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD COLUMN "disinfected_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD COLUMN "disinfected_by" uuid;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD COLUMN "lifted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD COLUMN "lifted_by" uuid;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD COLUMN "spot_note" text;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD CONSTRAINT "trajectory_point_sealed_by_app_user_id_fk" FOREIGN KEY ("sealed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD CONSTRAINT "trajectory_point_disinfected_by_app_user_id_fk" FOREIGN KEY ("disinfected_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trajectory_point" ADD CONSTRAINT "trajectory_point_lifted_by_app_user_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;