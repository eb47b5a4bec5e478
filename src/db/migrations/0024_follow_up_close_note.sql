ALTER TABLE "follow_up" ADD COLUMN "closed_by" integer;--> statement-breakpoint
ALTER TABLE "follow_up" ADD COLUMN "close_note" text;