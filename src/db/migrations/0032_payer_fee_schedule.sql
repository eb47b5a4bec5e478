CREATE TABLE "payer_fee_schedule_entry" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payer_fee_schedule_entry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"payer_id" integer NOT NULL,
	"procedure_code" text NOT NULL,
	"modifier" text,
	"allowed_cents" integer NOT NULL,
	"effective_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payer_fee_schedule_entry" ADD CONSTRAINT "payer_fee_schedule_entry_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payer_fee_schedule_entry" ADD CONSTRAINT "payer_fee_schedule_entry_payer_id_payer_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "payer_fee_schedule_entry_practice_id_payer_id_procedure_code_effective_date_index" ON "payer_fee_schedule_entry" USING btree ("practice_id","payer_id","procedure_code","effective_date");