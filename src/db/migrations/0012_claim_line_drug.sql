ALTER TABLE "service_line" ADD COLUMN "ndc_quantity" numeric(12, 3);--> statement-breakpoint
ALTER TABLE "service_line" ADD COLUMN "ndc_unit" text;--> statement-breakpoint
ALTER TABLE "claim_line" ADD COLUMN "ndc" text;--> statement-breakpoint
ALTER TABLE "claim_line" ADD COLUMN "ndc_quantity" numeric(12, 3);--> statement-breakpoint
ALTER TABLE "claim_line" ADD COLUMN "ndc_unit" text;