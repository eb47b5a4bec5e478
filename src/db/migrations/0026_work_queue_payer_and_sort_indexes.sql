ALTER TABLE "follow_up" ADD COLUMN "payer_id" integer;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_payer_id_payer_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_practice_id_queue_state_amount_cents_index" ON "follow_up" USING btree ("practice_id","queue","state","amount_cents");--> statement-breakpoint
CREATE INDEX "follow_up_practice_id_queue_state_due_on_index" ON "follow_up" USING btree ("practice_id","queue","state","due_on");--> statement-breakpoint
CREATE INDEX "follow_up_practice_id_state_payer_id_index" ON "follow_up" USING btree ("practice_id","state","payer_id");