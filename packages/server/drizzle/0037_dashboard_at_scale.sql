CREATE TABLE "health_code_current" (
	"person_id" uuid PRIMARY KEY NOT NULL,
	"colour" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"jurisdiction_path" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sentinel_daily_rollup" (
	"jurisdiction_path" text NOT NULL,
	"series" text NOT NULL,
	"day" date NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "sentinel_daily_rollup_jurisdiction_path_day_series_pk" PRIMARY KEY("jurisdiction_path","day","series")
);
--> statement-breakpoint
ALTER TABLE "health_code_current" ADD CONSTRAINT "health_code_current_person_id_person_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."person"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "health_code_current_path_colour_idx" ON "health_code_current" USING btree ("jurisdiction_path" text_pattern_ops,"colour");--> statement-breakpoint
CREATE INDEX "key_person_episode_active_category_idx" ON "key_person_episode" USING btree ("jurisdiction_path" text_pattern_ops,"category","management_type") WHERE status = 'active';--> statement-breakpoint
CREATE INDEX "key_person_episode_testing_start_idx" ON "key_person_episode" USING btree ("start_date","jurisdiction_path" text_pattern_ops) WHERE source = 'testing';--> statement-breakpoint
-- Hand-written (keep when regenerating): every person's latest colour from the history, so the current table starts complete.
INSERT INTO "health_code_current" ("person_id", "colour", "at", "jurisdiction_path")
  SELECT DISTINCT ON ("person_id") "person_id", "colour", "at", "jurisdiction_path" FROM "health_code_state" ORDER BY "person_id", "at" DESC, "created_at" DESC;--> statement-breakpoint
-- Hand-written (keep when regenerating): sentinel_daily_rollup follows every insert, update and delete of
-- sentinel_daily_count, adding the change to the row's own jurisdiction and each one above it (each path prefix).
CREATE FUNCTION sentinel_daily_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO sentinel_daily_rollup (jurisdiction_path, series, day, count)
      SELECT substr(OLD.jurisdiction_path, 1, pos), OLD.series, OLD.day, -OLD.count
      FROM generate_series(1, length(OLD.jurisdiction_path)) pos WHERE pos > 1 AND substr(OLD.jurisdiction_path, pos, 1) = '/'
      ON CONFLICT (jurisdiction_path, day, series) DO UPDATE SET count = sentinel_daily_rollup.count + excluded.count;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO sentinel_daily_rollup (jurisdiction_path, series, day, count)
      SELECT substr(NEW.jurisdiction_path, 1, pos), NEW.series, NEW.day, NEW.count
      FROM generate_series(1, length(NEW.jurisdiction_path)) pos WHERE pos > 1 AND substr(NEW.jurisdiction_path, pos, 1) = '/'
      ON CONFLICT (jurisdiction_path, day, series) DO UPDATE SET count = sentinel_daily_rollup.count + excluded.count;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER sentinel_daily_rollup_trg AFTER INSERT OR UPDATE OR DELETE ON sentinel_daily_count
  FOR EACH ROW EXECUTE FUNCTION sentinel_daily_rollup_apply();--> statement-breakpoint
INSERT INTO sentinel_daily_rollup (jurisdiction_path, series, day, count)
  SELECT substr(c.jurisdiction_path, 1, pos), c.series, c.day, sum(c.count)::int
  FROM sentinel_daily_count c, generate_series(1, length(c.jurisdiction_path)) pos
  WHERE pos > 1 AND substr(c.jurisdiction_path, pos, 1) = '/'
  GROUP BY 1, 2, 3;
