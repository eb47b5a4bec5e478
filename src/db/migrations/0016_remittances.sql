CREATE TABLE "era_file" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "era_file_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"raw_text" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"status" text DEFAULT 'received' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remittance" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "remittance_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"era_file_id" integer NOT NULL,
	"control_number" text NOT NULL,
	"payer_name" text NOT NULL,
	"payer_identifier" text NOT NULL,
	"payer_id" integer,
	"trace_number" text NOT NULL,
	"payment_cents" bigint NOT NULL,
	"payment_method" text NOT NULL,
	"payment_date" date,
	"balanced" boolean NOT NULL,
	"balancing" jsonb NOT NULL,
	"provider_adjustments" jsonb NOT NULL,
	"provider_adjustments_posted_at" timestamp with time zone,
	"state" text DEFAULT 'unposted' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "remittance_exactly_once" UNIQUE("practice_id","payer_identifier","trace_number","payment_cents")
);
--> statement-breakpoint
CREATE TABLE "remittance_claim" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "remittance_claim_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"remittance_id" integer NOT NULL,
	"sequence" integer NOT NULL,
	"patient_control_number" text NOT NULL,
	"status" text NOT NULL,
	"charge_cents" bigint NOT NULL,
	"paid_cents" bigint NOT NULL,
	"patient_responsibility_cents" bigint NOT NULL,
	"payer_claim_number" text,
	"balanced" boolean NOT NULL,
	"claim_id" integer,
	"matched_by" text,
	"line_matches" jsonb,
	"state" text NOT NULL,
	"posted_at" timestamp with time zone,
	"posted_by" integer,
	"payment" jsonb NOT NULL,
	CONSTRAINT "remittance_claim_remittanceId_sequence_unique" UNIQUE("remittance_id","sequence"),
	CONSTRAINT "remittance_claim_state" CHECK ("remittance_claim"."state" in ('pending', 'posted', 'unmatched', 'held'))
);
--> statement-breakpoint
CREATE TABLE "denial" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "denial_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"claim_id" integer NOT NULL,
	"claim_line_id" integer,
	"remittance_claim_id" integer NOT NULL,
	"group_code" text NOT NULL,
	"reason_code" text NOT NULL,
	"remark_codes" text[] NOT NULL,
	"amount_cents" bigint NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" text DEFAULT 'open' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "era_file" ADD CONSTRAINT "era_file_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance" ADD CONSTRAINT "remittance_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance" ADD CONSTRAINT "remittance_era_file_id_era_file_id_fk" FOREIGN KEY ("era_file_id") REFERENCES "public"."era_file"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance" ADD CONSTRAINT "remittance_payer_id_payer_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_claim" ADD CONSTRAINT "remittance_claim_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_claim" ADD CONSTRAINT "remittance_claim_remittance_id_remittance_id_fk" FOREIGN KEY ("remittance_id") REFERENCES "public"."remittance"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remittance_claim" ADD CONSTRAINT "remittance_claim_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "denial" ADD CONSTRAINT "denial_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "denial" ADD CONSTRAINT "denial_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "denial" ADD CONSTRAINT "denial_claim_line_id_claim_line_id_fk" FOREIGN KEY ("claim_line_id") REFERENCES "public"."claim_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "denial" ADD CONSTRAINT "denial_remittance_claim_id_remittance_claim_id_fk" FOREIGN KEY ("remittance_claim_id") REFERENCES "public"."remittance_claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "era_file_practice_id_received_at_index" ON "era_file" USING btree ("practice_id","received_at");--> statement-breakpoint
CREATE INDEX "era_file_sha256_index" ON "era_file" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "remittance_era_file_id_index" ON "remittance" USING btree ("era_file_id");--> statement-breakpoint
CREATE INDEX "remittance_claim_claim_id_index" ON "remittance_claim" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "remittance_claim_practice_id_state_index" ON "remittance_claim" USING btree ("practice_id","state");--> statement-breakpoint
CREATE INDEX "denial_practice_id_state_index" ON "denial" USING btree ("practice_id","state");--> statement-breakpoint
CREATE INDEX "denial_claim_id_index" ON "denial" USING btree ("claim_id");