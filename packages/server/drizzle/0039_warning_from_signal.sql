ALTER TABLE "info_release" ADD COLUMN "signal_id" uuid;--> statement-breakpoint
ALTER TABLE "info_release" ADD CONSTRAINT "info_release_signal_id_early_warning_signal_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."early_warning_signal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "info_release_signal_idx" ON "info_release" USING btree ("signal_id");