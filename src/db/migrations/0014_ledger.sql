CREATE TABLE "ledger_entry" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_entry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"patient_id" integer,
	"encounter_id" integer,
	"service_line_id" integer,
	"claim_id" integer,
	"payer_id" integer,
	"account" text NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"effective_date" date NOT NULL,
	"source_type" text NOT NULL,
	"source_id" text NOT NULL,
	"group_code" text,
	"reason_code" text,
	"remark_codes" text[],
	"memo" text,
	"reverses_entry_id" bigint,
	"user_id" integer,
	"posted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_entry_account" CHECK ("ledger_entry"."account" in ('insurance', 'patient', 'payer')),
	CONSTRAINT "ledger_entry_kind" CHECK ("ledger_entry"."kind" in ('charge', 'insurance_payment', 'contractual_adjustment', 'other_adjustment', 'patient_responsibility', 'patient_payment', 'write_off', 'refund', 'payer_adjustment')),
	CONSTRAINT "ledger_entry_source_type" CHECK ("ledger_entry"."source_type" in ('claim', 'remittance', 'patient_payment', 'user', 'statement'))
);
--> statement-breakpoint
CREATE TABLE "patient_payment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patient_payment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"patient_id" integer NOT NULL,
	"method" text NOT NULL,
	"reference" text,
	"amount_cents" integer NOT NULL,
	"received_date" date NOT NULL,
	"memo" text,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "patient_payment_method" CHECK ("patient_payment"."method" in ('cash', 'check', 'card')),
	CONSTRAINT "patient_payment_amount" CHECK ("patient_payment"."amount_cents" > 0)
);
--> statement-breakpoint
ALTER TABLE "claim_line" ADD COLUMN "service_line_id" integer;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_service_line_id_service_line_id_fk" FOREIGN KEY ("service_line_id") REFERENCES "public"."service_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_payer_id_payer_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entry" ADD CONSTRAINT "ledger_entry_reverses_entry_id_ledger_entry_id_fk" FOREIGN KEY ("reverses_entry_id") REFERENCES "public"."ledger_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_payment" ADD CONSTRAINT "patient_payment_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_payment" ADD CONSTRAINT "patient_payment_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ledger_entry_service_line_id_index" ON "ledger_entry" USING btree ("service_line_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_practice_id_patient_id_index" ON "ledger_entry" USING btree ("practice_id","patient_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_practice_id_payer_id_index" ON "ledger_entry" USING btree ("practice_id","payer_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_claim_id_index" ON "ledger_entry" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "ledger_entry_practice_id_effective_date_index" ON "ledger_entry" USING btree ("practice_id","effective_date");--> statement-breakpoint
CREATE INDEX "ledger_entry_source_type_source_id_index" ON "ledger_entry" USING btree ("source_type","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entry_reversed_once" ON "ledger_entry" USING btree ("reverses_entry_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entry_one_charge_per_line" ON "ledger_entry" USING btree ("service_line_id") WHERE "ledger_entry"."kind" = 'charge' and "ledger_entry"."reverses_entry_id" is null;--> statement-breakpoint
CREATE INDEX "patient_payment_practice_id_patient_id_index" ON "patient_payment" USING btree ("practice_id","patient_id");--> statement-breakpoint
ALTER TABLE "claim_line" ADD CONSTRAINT "claim_line_service_line_id_service_line_id_fk" FOREIGN KEY ("service_line_id") REFERENCES "public"."service_line"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_line_service_line_id_index" ON "claim_line" USING btree ("service_line_id");--> statement-breakpoint
-- A claim line leads to the encounter line it bills (the ledger posts against that), matched by line number.
UPDATE "claim_line" SET "service_line_id" = "service_line"."id" FROM "claim", "service_line" WHERE "claim"."id" = "claim_line"."claim_id" AND "service_line"."encounter_id" = "claim"."encounter_id" AND "service_line"."line_number" = "claim_line"."line_number";
--> statement-breakpoint
-- Money moves only as new entries: no role of the application may change or remove one.
CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger_entry is append-only: % is not allowed (post a reversing entry)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON ledger_entry FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();
--> statement-breakpoint
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_is_append_only();
