ALTER TABLE "job_progress" ADD COLUMN "caller_gave_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submission_batch" ADD COLUMN "job_id" uuid;