CREATE TABLE "coding_chart" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coding_chart_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"encounter_id" integer NOT NULL,
	"patient_id" integer NOT NULL,
	"provider_id" integer NOT NULL,
	"specialty" text,
	"service_date" date NOT NULL,
	"chart_type" text NOT NULL,
	"priority" integer DEFAULT 3 NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"coder_id" integer,
	"hold_reason" text,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coding_event" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coding_event_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"coding_chart_id" integer NOT NULL,
	"encounter_id" integer NOT NULL,
	"user_id" integer,
	"kind" text NOT NULL,
	"code" text,
	"chart_type" text NOT NULL,
	"detail" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chart_code" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "chart_code_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"encounter_id" integer NOT NULL,
	"system" text NOT NULL,
	"code" text NOT NULL,
	"display" text,
	"kind" text NOT NULL,
	"units" integer,
	"modifiers" text[],
	"value" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chart_document" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "chart_document_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"encounter_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"attachment" "bytea",
	"attachment_content_type" text,
	"source_format" text NOT NULL,
	"source_id" text NOT NULL,
	"authored_at" timestamp with time zone,
	"author_npi" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "chart_import" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "chart_import_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"format" text NOT NULL,
	"source_id" text NOT NULL,
	"sha256" text NOT NULL,
	"counts" jsonb NOT NULL,
	"problems" jsonb NOT NULL,
	"user_id" integer,
	"user_email" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "encounter" ADD COLUMN "external_id" text;--> statement-breakpoint
ALTER TABLE "coding_chart" ADD CONSTRAINT "coding_chart_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_chart" ADD CONSTRAINT "coding_chart_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounter"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_chart" ADD CONSTRAINT "coding_chart_coder_id_app_user_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_event" ADD CONSTRAINT "coding_event_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_event" ADD CONSTRAINT "coding_event_coding_chart_id_coding_chart_id_fk" FOREIGN KEY ("coding_chart_id") REFERENCES "public"."coding_chart"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_code" ADD CONSTRAINT "chart_code_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_code" ADD CONSTRAINT "chart_code_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounter"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_document" ADD CONSTRAINT "chart_document_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_document" ADD CONSTRAINT "chart_document_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounter"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chart_import" ADD CONSTRAINT "chart_import_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "coding_chart_encounter_id_index" ON "coding_chart" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "coding_chart_practice_id_state_priority_queued_at_index" ON "coding_chart" USING btree ("practice_id","state","priority","queued_at");--> statement-breakpoint
CREATE INDEX "coding_chart_coder_id_state_index" ON "coding_chart" USING btree ("coder_id","state");--> statement-breakpoint
CREATE INDEX "coding_event_practice_id_user_id_at_index" ON "coding_event" USING btree ("practice_id","user_id","at");--> statement-breakpoint
CREATE INDEX "coding_event_coding_chart_id_at_index" ON "coding_event" USING btree ("coding_chart_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "chart_code_encounter_id_kind_system_code_index" ON "chart_code" USING btree ("encounter_id","kind","system","code");--> statement-breakpoint
CREATE UNIQUE INDEX "chart_document_practice_id_source_format_source_id_index" ON "chart_document" USING btree ("practice_id","source_format","source_id");--> statement-breakpoint
CREATE INDEX "chart_document_encounter_id_index" ON "chart_document" USING btree ("encounter_id");--> statement-breakpoint
CREATE UNIQUE INDEX "chart_import_practice_id_sha256_index" ON "chart_import" USING btree ("practice_id","sha256");--> statement-breakpoint
CREATE INDEX "chart_import_practice_id_imported_at_index" ON "chart_import" USING btree ("practice_id","imported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "encounter_practice_id_external_id_index" ON "encounter" USING btree ("practice_id","external_id");