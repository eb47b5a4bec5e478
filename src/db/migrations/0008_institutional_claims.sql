ALTER TABLE "encounter" ADD COLUMN "institutional" jsonb;--> statement-breakpoint
ALTER TABLE "service_line" ADD COLUMN "revenue_code" text;--> statement-breakpoint
ALTER TABLE "claim" ADD COLUMN "institutional" jsonb;