CREATE TABLE "follow_up" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "follow_up_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"claim_id" integer NOT NULL,
	"queue" text NOT NULL,
	"reason_code" text NOT NULL,
	"reason" text NOT NULL,
	"source" jsonb,
	"owner" integer,
	"state" text DEFAULT 'open' NOT NULL,
	"next_follow_up_on" date,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "realtime_exchange" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "realtime_exchange_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"connection_id" integer NOT NULL,
	"transaction_type" text NOT NULL,
	"request" text NOT NULL,
	"response" text,
	"http_status" integer,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"milliseconds" integer
);
--> statement-breakpoint
CREATE TABLE "claim_status_batch" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_status_batch_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"state" text DEFAULT 'generated' NOT NULL,
	"interchange_control_number" integer NOT NULL,
	"inquiry_count" integer NOT NULL,
	"file_name" text NOT NULL,
	"x12" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"upload_error" text,
	"upload_failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "claim_status_inquiry" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_status_inquiry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"claim_id" integer NOT NULL,
	"batch_id" integer,
	"trace_number" text NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"statuses" jsonb,
	"category" text,
	"inbound_file_id" integer,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "eligibility_batch" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "eligibility_batch_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"source" text NOT NULL,
	"source_detail" text NOT NULL,
	"state" text DEFAULT 'generated' NOT NULL,
	"interchange_control_number" integer NOT NULL,
	"inquiry_count" integer NOT NULL,
	"file_name" text NOT NULL,
	"x12" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"upload_error" text,
	"upload_failed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "eligibility_check" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "eligibility_check_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"patient_id" integer NOT NULL,
	"coverage_id" integer NOT NULL,
	"payer_id" integer NOT NULL,
	"date_of_service" date NOT NULL,
	"service_types" text[] NOT NULL,
	"trace_number" text NOT NULL,
	"how" text NOT NULL,
	"batch_id" integer,
	"asked_by" integer,
	"asked_by_email" text,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"state" text DEFAULT 'waiting' NOT NULL,
	"request" text NOT NULL,
	"response" text,
	"status" text,
	"summary" jsonb,
	"answered_at" timestamp with time zone,
	"failure" text
);
--> statement-breakpoint
ALTER TABLE "payer" ADD COLUMN "eligibility_check_days" integer;--> statement-breakpoint
ALTER TABLE "payer" ADD COLUMN "status_inquiry_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "clearinghouse_connection" ADD COLUMN "url" text;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_up" ADD CONSTRAINT "follow_up_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realtime_exchange" ADD CONSTRAINT "realtime_exchange_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realtime_exchange" ADD CONSTRAINT "realtime_exchange_connection_id_clearinghouse_connection_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."clearinghouse_connection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_status_batch" ADD CONSTRAINT "claim_status_batch_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_status_inquiry" ADD CONSTRAINT "claim_status_inquiry_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_status_inquiry" ADD CONSTRAINT "claim_status_inquiry_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_status_inquiry" ADD CONSTRAINT "claim_status_inquiry_batch_id_claim_status_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."claim_status_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_batch" ADD CONSTRAINT "eligibility_batch_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_check" ADD CONSTRAINT "eligibility_check_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_check" ADD CONSTRAINT "eligibility_check_patient_id_patient_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_check" ADD CONSTRAINT "eligibility_check_coverage_id_coverage_id_fk" FOREIGN KEY ("coverage_id") REFERENCES "public"."coverage"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_check" ADD CONSTRAINT "eligibility_check_payer_id_payer_id_fk" FOREIGN KEY ("payer_id") REFERENCES "public"."payer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "eligibility_check" ADD CONSTRAINT "eligibility_check_batch_id_eligibility_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."eligibility_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "follow_up_practice_id_queue_state_index" ON "follow_up" USING btree ("practice_id","queue","state");--> statement-breakpoint
CREATE INDEX "follow_up_claim_id_index" ON "follow_up" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "realtime_exchange_practice_id_started_at_index" ON "realtime_exchange" USING btree ("practice_id","started_at");--> statement-breakpoint
CREATE INDEX "claim_status_batch_practice_id_created_at_index" ON "claim_status_batch" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "claim_status_inquiry_practice_id_trace_number_index" ON "claim_status_inquiry" USING btree ("practice_id","trace_number");--> statement-breakpoint
CREATE INDEX "claim_status_inquiry_claim_id_asked_at_index" ON "claim_status_inquiry" USING btree ("claim_id","asked_at");--> statement-breakpoint
CREATE INDEX "eligibility_batch_practice_id_created_at_index" ON "eligibility_batch" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "eligibility_check_practice_id_trace_number_index" ON "eligibility_check" USING btree ("practice_id","trace_number");--> statement-breakpoint
CREATE INDEX "eligibility_check_patient_id_asked_at_index" ON "eligibility_check" USING btree ("patient_id","asked_at");--> statement-breakpoint
CREATE INDEX "eligibility_check_coverage_id_answered_at_index" ON "eligibility_check" USING btree ("coverage_id","answered_at");--> statement-breakpoint
CREATE INDEX "eligibility_check_batch_id_index" ON "eligibility_check" USING btree ("batch_id");