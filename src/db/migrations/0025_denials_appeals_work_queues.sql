CREATE TABLE "write_off_request" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "write_off_request_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"claim_id" integer NOT NULL,
	"claim_line_id" integer,
	"amount_cents" bigint NOT NULL,
	"reason_code" text NOT NULL,
	"note" text,
	"state" text NOT NULL,
	"requested_by" integer,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" integer,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"ledger_entry_id" bigint
);
--> statement-breakpoint
CREATE TABLE "appeal" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appeal_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"claim_id" integer NOT NULL,
	"denial_id" integer,
	"level" integer DEFAULT 1 NOT NULL,
	"template_id" integer,
	"letter" text NOT NULL,
	"documents" jsonb NOT NULL,
	"pdf" "bytea",
	"state" text DEFAULT 'draft' NOT NULL,
	"outcome_note" text,
	"recovered_cents" bigint,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "appeal_template" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "appeal_template_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer,
	"category" text,
	"payer_id" integer,
	"name" text NOT NULL,
	"body" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "denial_mapping" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "denial_mapping_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"version_id" integer NOT NULL,
	"group_code" text,
	"reason_code" text NOT NULL,
	"remark_code" text,
	"category" text NOT NULL,
	"explanation" text NOT NULL,
	"action" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "denial_mapping_version" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "denial_mapping_version_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"number" integer NOT NULL,
	"note" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_up_event" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follow_up_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"follow_up_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"kind" text NOT NULL,
	"note" text,
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "remark_code" (
	"code" text PRIMARY KEY NOT NULL,
	"text" text NOT NULL,
	"start_date" date,
	"stop_date" date,
	"last_modified" date,
	"release" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_filter" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "saved_filter_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"page" text NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "denial" ALTER COLUMN "remittance_claim_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "follow_up" ALTER COLUMN "claim_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "practice" ADD COLUMN "write_off_approval_cents" integer DEFAULT 10000 NOT NULL;--> statement-breakpoint
ALTER TABLE "practice" ADD COLUMN "underpayment_tolerance_cents" integer DEFAULT 100 NOT NULL;--> statement-breakpoint
ALTER TABLE "payer" ADD COLUMN "appeal_days" integer DEFAULT 180 NOT NULL;--> statement-breakpoint
ALTER TABLE "denial" ADD COLUMN "source" text DEFAULT '835' NOT NULL;--> statement-breakpoint
ALTER TABLE "denial" ADD COLUMN "category" text;--> statement-breakpoint
ALTER TABLE "denial" ADD COLUMN "explanation" text;--> statement-breakpoint
ALTER TABLE "denial" ADD COLUMN "action" text;--> statement-breakpoint
ALTER TABLE "denial" ADD COLUMN "mapping_version_id" integer;--> statement-breakpoint
ALTER TABLE "denial" ADD COLUMN "remittance_date" date;--> statement-breakpoint
ALTER TABLE "denial" ADD COLUMN "appeal_by" date;--> statement-breakpoint
ALTER TABLE "denial" ADD COLUMN "resolution" text;--> statement-breakpoint
ALTER TABLE "denial" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "follow_up" ADD COLUMN "patient_id" integer;--> statement-breakpoint
ALTER TABLE "follow_up" ADD COLUMN "denial_id" integer;--> statement-breakpoint
ALTER TABLE "follow_up" ADD COLUMN "amount_cents" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "follow_up" ADD COLUMN "due_on" date;--> statement-breakpoint
ALTER TABLE "follow_up" ADD COLUMN "status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "follow_up" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "write_off_request" ADD CONSTRAINT "write_off_request_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_off_request" ADD CONSTRAINT "write_off_request_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_off_request" ADD CONSTRAINT "write_off_request_claim_line_id_claim_line_id_fk" FOREIGN KEY ("claim_line_id") REFERENCES "public"."claim_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "write_off_request" ADD CONSTRAINT "write_off_request_ledger_entry_id_ledger_entry_id_fk" FOREIGN KEY ("ledger_entry_id") REFERENCES "public"."ledger_entry"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_denial_id_denial_id_fk" FOREIGN KEY ("denial_id") REFERENCES "public"."denial"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal" ADD CONSTRAINT "appeal_template_id_appeal_template_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."appeal_template"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_template" ADD CONSTRAINT "appeal_template_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appeal_template" ADD CONSTRAINT "appeal_template_payer_id_payer_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "denial_mapping" ADD CONSTRAINT "denial_mapping_version_id_denial_mapping_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."denial_mapping_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "denial_mapping_version" ADD CONSTRAINT "denial_mapping_version_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up_event" ADD CONSTRAINT "follow_up_event_follow_up_id_follow_up_id_fk" FOREIGN KEY ("follow_up_id") REFERENCES "public"."follow_up"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_filter" ADD CONSTRAINT "saved_filter_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "write_off_request_practice_id_state_index" ON "write_off_request" USING btree ("practice_id","state");--> statement-breakpoint
CREATE INDEX "write_off_request_claim_id_index" ON "write_off_request" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "appeal_practice_id_state_index" ON "appeal" USING btree ("practice_id","state");--> statement-breakpoint
CREATE INDEX "appeal_claim_id_index" ON "appeal" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "appeal_template_practice_id_category_index" ON "appeal_template" USING btree ("practice_id","category");--> statement-breakpoint
CREATE INDEX "denial_mapping_version_id_reason_code_index" ON "denial_mapping" USING btree ("version_id","reason_code");--> statement-breakpoint
CREATE UNIQUE INDEX "denial_mapping_version_practice_id_number_index" ON "denial_mapping_version" USING btree ("practice_id","number");--> statement-breakpoint
CREATE INDEX "follow_up_event_follow_up_id_at_index" ON "follow_up_event" USING btree ("follow_up_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_filter_practice_id_user_id_page_name_index" ON "saved_filter" USING btree ("practice_id","user_id","page","name");--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_denial_id_denial_id_fk" FOREIGN KEY ("denial_id") REFERENCES "public"."denial"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_practice_id_state_amount_cents_index" ON "follow_up" USING btree ("practice_id","state","amount_cents");--> statement-breakpoint
CREATE INDEX "follow_up_practice_id_state_due_on_index" ON "follow_up" USING btree ("practice_id","state","due_on");--> statement-breakpoint
CREATE INDEX "follow_up_owner_state_index" ON "follow_up" USING btree ("owner","state");