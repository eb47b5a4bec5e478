CREATE TABLE "claim" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"encounter_id" integer NOT NULL,
	"patient_id" integer NOT NULL,
	"coverage_id" integer NOT NULL,
	"payer_id" integer NOT NULL,
	"rendering_provider_id" integer NOT NULL,
	"referring_provider_id" integer,
	"facility_id" integer,
	"type" text NOT NULL,
	"payer_responsibility" text NOT NULL,
	"patient_control_number" text NOT NULL,
	"frequency_code" text DEFAULT '1' NOT NULL,
	"original_claim_id" integer,
	"payer_claim_number" text,
	"place_of_service" text NOT NULL,
	"prior_authorization" text,
	"diagnoses" text[] NOT NULL,
	"total_charge_cents" bigint NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"scrubbed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "claim_practiceId_patientControlNumber_unique" UNIQUE("practice_id","patient_control_number")
);
--> statement-breakpoint
CREATE TABLE "claim_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"claim_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text NOT NULL,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "claim_finding" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_finding_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"claim_id" integer NOT NULL,
	"rule_id" text NOT NULL,
	"severity" text NOT NULL,
	"field" text NOT NULL,
	"lines" integer[] NOT NULL,
	"message" text NOT NULL,
	"fix_hint" text NOT NULL,
	"fix" jsonb,
	"overridden" boolean DEFAULT false NOT NULL,
	"override_reason" text,
	"overridden_by" integer,
	"overridden_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "claim_line" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_line_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"claim_id" integer NOT NULL,
	"line_number" integer NOT NULL,
	"service_date" date NOT NULL,
	"procedure_code" text NOT NULL,
	"modifiers" text[] NOT NULL,
	"units" numeric(9, 3) NOT NULL,
	"charge_cents" integer NOT NULL,
	"diagnosis_pointers" integer[] NOT NULL,
	"place_of_service" text,
	"revenue_code" text
);
--> statement-breakpoint
CREATE TABLE "payer_rule" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "payer_rule_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"payer_id" integer NOT NULL,
	"kind" text NOT NULL,
	"procedure_codes" text[] NOT NULL,
	"note" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "claim" ADD CONSTRAINT "claim_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim" ADD CONSTRAINT "claim_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounter"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim" ADD CONSTRAINT "claim_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim" ADD CONSTRAINT "claim_coverage_id_coverage_id_fk" FOREIGN KEY ("coverage_id") REFERENCES "public"."coverage"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim" ADD CONSTRAINT "claim_payer_id_payer_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim" ADD CONSTRAINT "claim_rendering_provider_id_provider_id_fk" FOREIGN KEY ("rendering_provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim" ADD CONSTRAINT "claim_referring_provider_id_provider_id_fk" FOREIGN KEY ("referring_provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim" ADD CONSTRAINT "claim_facility_id_facility_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facility"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_event" ADD CONSTRAINT "claim_event_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_finding" ADD CONSTRAINT "claim_finding_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_line" ADD CONSTRAINT "claim_line_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payer_rule" ADD CONSTRAINT "payer_rule_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payer_rule" ADD CONSTRAINT "payer_rule_payer_id_payer_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "claim_practice_id_state_index" ON "claim" USING btree ("practice_id","state");--> statement-breakpoint
CREATE INDEX "claim_encounter_id_index" ON "claim" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "claim_event_claim_id_at_index" ON "claim_event" USING btree ("claim_id","at");--> statement-breakpoint
CREATE INDEX "claim_finding_claim_id_index" ON "claim_finding" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "claim_line_claim_id_index" ON "claim_line" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "payer_rule_practice_id_payer_id_index" ON "payer_rule" USING btree ("practice_id","payer_id");