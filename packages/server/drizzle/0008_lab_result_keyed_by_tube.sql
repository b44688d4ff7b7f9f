ALTER TABLE "lab_result" DROP CONSTRAINT "lab_result_tube_id_unique";--> statement-breakpoint
DROP INDEX "lab_result_lab_idx";--> statement-breakpoint
ALTER TABLE "lab_result" ALTER COLUMN "id" DROP DEFAULT;--> statement-breakpoint
-- Results written under 0006 keep their tube: the id becomes the tube id before the column goes.
UPDATE "lab_result" SET "id" = "tube_id";--> statement-breakpoint
ALTER TABLE "lab_result" DROP COLUMN "tube_id";