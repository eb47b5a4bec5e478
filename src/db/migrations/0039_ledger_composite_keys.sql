ALTER TABLE "payer" ADD CONSTRAINT "payer_practice_id_id_unique" UNIQUE("practice_id","id");--> statement-breakpoint
ALTER TABLE "patient" ADD CONSTRAINT "patient_practice_id_id_unique" UNIQUE("practice_id","id");--> statement-breakpoint
ALTER TABLE "service_line" ADD CONSTRAINT "service_line_id_encounter_id_unique" UNIQUE("id","encounter_id");--> statement-breakpoint
ALTER TABLE "ledger_entry" DROP CONSTRAINT "ledger_entry_practice_id_practice_id_fk";--> statement-breakpoint
ALTER TABLE "ledger_entry" DROP CONSTRAINT "ledger_entry_patient_id_patient_id_fk";--> statement-breakpoint
ALTER TABLE "ledger_entry" DROP CONSTRAINT "ledger_entry_encounter_id_encounter_id_fk";--> statement-breakpoint
ALTER TABLE "ledger_entry" DROP CONSTRAINT "ledger_entry_service_line_id_service_line_id_fk";--> statement-breakpoint
ALTER TABLE "ledger_entry" DROP CONSTRAINT "ledger_entry_payer_id_payer_id_fk";--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_patient_fk" FOREIGN KEY ("practice_id","patient_id") REFERENCES "public"."patient"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_payer_fk" FOREIGN KEY ("practice_id","payer_id") REFERENCES "public"."payer"("practice_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_service_line_fk" FOREIGN KEY ("service_line_id","encounter_id") REFERENCES "public"."service_line"("id","encounter_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_patient_or_payer" CHECK ("ledger_entry"."patient_id" is not null or "ledger_entry"."payer_id" is not null);--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_line_with_visit" CHECK (("ledger_entry"."service_line_id" is null) = ("ledger_entry"."encounter_id" is null));
