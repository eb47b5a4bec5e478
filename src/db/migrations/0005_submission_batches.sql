CREATE TABLE "batch_claim" (
	"batch_id" integer NOT NULL,
	"claim_id" integer NOT NULL,
	CONSTRAINT "batch_claim_batch_id_claim_id_pk" PRIMARY KEY("batch_id","claim_id")
);
--> statement-breakpoint
CREATE TABLE "submission_batch" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "submission_batch_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"state" text DEFAULT 'generated' NOT NULL,
	"guide" text NOT NULL,
	"usage" text NOT NULL,
	"interchange_control_number" integer NOT NULL,
	"claim_count" integer NOT NULL,
	"total_charge_cents" integer NOT NULL,
	"file_name" text NOT NULL,
	"x12" text NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "submitter_settings" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "submitter_settings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"submitter_name" text NOT NULL,
	"submitter_id" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_phone" text NOT NULL,
	"receiver_name" text NOT NULL,
	"receiver_id" text NOT NULL,
	"usage" text DEFAULT 'T' NOT NULL,
	"claims_per_transaction" integer DEFAULT 5000 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submitter_settings_practiceId_unique" UNIQUE("practice_id")
);
--> statement-breakpoint
ALTER TABLE "batch_claim" ADD CONSTRAINT "batch_claim_batch_id_submission_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."submission_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_claim" ADD CONSTRAINT "batch_claim_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_batch" ADD CONSTRAINT "submission_batch_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submitter_settings" ADD CONSTRAINT "submitter_settings_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_claim_claim_id_index" ON "batch_claim" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "submission_batch_practice_id_created_at_index" ON "submission_batch" USING btree ("practice_id","created_at");