CREATE TABLE "patient_statement" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "patient_statement_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"run_id" integer NOT NULL,
	"patient_id" integer NOT NULL,
	"statement_date" date NOT NULL,
	"amount_due_cents" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_run" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "statement_run_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"statement_date" date NOT NULL,
	"statement_count" integer NOT NULL,
	"total_due_cents" integer NOT NULL,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "statement_settings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "statement_settings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"minimum_balance_cents" integer DEFAULT 500 NOT NULL,
	"days_between_statements" integer DEFAULT 30 NOT NULL,
	"due_in_days" integer DEFAULT 30 NOT NULL,
	"how_to_pay" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statement_settings_practiceId_unique" UNIQUE("practice_id")
);
--> statement-breakpoint
ALTER TABLE "patient_statement" ADD CONSTRAINT "patient_statement_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_statement" ADD CONSTRAINT "patient_statement_run_id_statement_run_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."statement_run"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_statement" ADD CONSTRAINT "patient_statement_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_run" ADD CONSTRAINT "statement_run_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_settings" ADD CONSTRAINT "statement_settings_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_statement_practice_id_patient_id_statement_date_index" ON "patient_statement" USING btree ("practice_id","patient_id","statement_date");--> statement-breakpoint
CREATE INDEX "patient_statement_run_id_index" ON "patient_statement" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "statement_run_practice_id_statement_date_index" ON "statement_run" USING btree ("practice_id","statement_date");