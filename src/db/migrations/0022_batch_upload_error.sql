ALTER TABLE "submission_batch" ADD COLUMN "upload_error" text;--> statement-breakpoint
ALTER TABLE "submission_batch" ADD COLUMN "upload_failed_at" timestamp with time zone;