ALTER TABLE "denial" ADD COLUMN "payer_id" integer;--> statement-breakpoint
ALTER TABLE "denial" ADD COLUMN "provider_id" integer;--> statement-breakpoint
ALTER TABLE "denial" ADD CONSTRAINT "denial_payer_id_payer_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "denial" ADD CONSTRAINT "denial_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "denial_practice_id_state_amount_cents_index" ON "denial" USING btree ("practice_id","state","amount_cents");--> statement-breakpoint
CREATE INDEX "denial_practice_id_state_appeal_by_index" ON "denial" USING btree ("practice_id","state","appeal_by");