-- A remittance stored before this knew its claim payments whole: its count is what it holds.
ALTER TABLE "remittance" ADD COLUMN "claim_count" integer;--> statement-breakpoint
UPDATE "remittance" SET "claim_count" = (SELECT count(*)::int FROM "remittance_claim" WHERE "remittance_claim"."remittance_id" = "remittance"."id");--> statement-breakpoint
ALTER TABLE "remittance" ALTER COLUMN "claim_count" SET NOT NULL;
