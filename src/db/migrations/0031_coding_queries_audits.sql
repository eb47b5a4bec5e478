CREATE TABLE "coding_query" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coding_query_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"coding_chart_id" integer NOT NULL,
	"encounter_id" integer NOT NULL,
	"provider_id" integer NOT NULL,
	"question" text NOT NULL,
	"clinical_indicators" text NOT NULL,
	"options" text[] NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"answer_option" text,
	"answer_text" text,
	"answered_by" integer,
	"answered_at" timestamp with time zone,
	"addendum_document_id" integer,
	"sent_by" integer,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coding_audit" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coding_audit_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"name" text NOT NULL,
	"sampling" text NOT NULL,
	"criteria" jsonb NOT NULL,
	"percent" integer NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"seed" integer NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coding_audit_chart" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "coding_audit_chart_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"audit_id" integer NOT NULL,
	"practice_id" integer NOT NULL,
	"coding_chart_id" integer NOT NULL,
	"encounter_id" integer NOT NULL,
	"coder_id" integer,
	"chart_type" text NOT NULL,
	"service_date" date NOT NULL,
	"coder_coding" jsonb NOT NULL,
	"auditor_coding" jsonb,
	"auditor_id" integer,
	"audited_at" timestamp with time zone,
	"score" jsonb,
	"dispute_state" text,
	"dispute_text" text,
	"disputed_at" timestamp with time zone,
	"resolution" text,
	"resolved_by" integer,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "coding_query" ADD CONSTRAINT "coding_query_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_query" ADD CONSTRAINT "coding_query_coding_chart_id_coding_chart_id_fk" FOREIGN KEY ("coding_chart_id") REFERENCES "public"."coding_chart"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_query" ADD CONSTRAINT "coding_query_encounter_id_encounter_id_fk" FOREIGN KEY ("encounter_id") REFERENCES "public"."encounter"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_query" ADD CONSTRAINT "coding_query_provider_id_provider_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."provider"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_query" ADD CONSTRAINT "coding_query_answered_by_app_user_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_query" ADD CONSTRAINT "coding_query_sent_by_app_user_id_fk" FOREIGN KEY ("sent_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_audit" ADD CONSTRAINT "coding_audit_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_audit" ADD CONSTRAINT "coding_audit_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_audit_chart" ADD CONSTRAINT "coding_audit_chart_audit_id_coding_audit_id_fk" FOREIGN KEY ("audit_id") REFERENCES "public"."coding_audit"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_audit_chart" ADD CONSTRAINT "coding_audit_chart_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_audit_chart" ADD CONSTRAINT "coding_audit_chart_coding_chart_id_coding_chart_id_fk" FOREIGN KEY ("coding_chart_id") REFERENCES "public"."coding_chart"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_audit_chart" ADD CONSTRAINT "coding_audit_chart_coder_id_app_user_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_audit_chart" ADD CONSTRAINT "coding_audit_chart_auditor_id_app_user_id_fk" FOREIGN KEY ("auditor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coding_audit_chart" ADD CONSTRAINT "coding_audit_chart_resolved_by_app_user_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coding_query_practice_id_state_sent_at_index" ON "coding_query" USING btree ("practice_id","state","sent_at");--> statement-breakpoint
CREATE INDEX "coding_query_encounter_id_index" ON "coding_query" USING btree ("encounter_id");--> statement-breakpoint
CREATE INDEX "coding_audit_practice_id_created_at_index" ON "coding_audit" USING btree ("practice_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "coding_audit_chart_audit_id_coding_chart_id_index" ON "coding_audit_chart" USING btree ("audit_id","coding_chart_id");--> statement-breakpoint
CREATE INDEX "coding_audit_chart_practice_id_coder_id_audited_at_index" ON "coding_audit_chart" USING btree ("practice_id","coder_id","audited_at");