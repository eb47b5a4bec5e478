CREATE TABLE "acknowledgment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "acknowledgment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"file_hash" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"batch_id" integer,
	"status" text NOT NULL,
	"summary" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"detail" jsonb,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "claim_acknowledgment" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "claim_acknowledgment_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"acknowledgment_id" integer NOT NULL,
	"claim_id" integer NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"payer_claim_number" text,
	"reasons" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "acknowledgment" ADD CONSTRAINT "acknowledgment_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acknowledgment" ADD CONSTRAINT "acknowledgment_batch_id_submission_batch_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."submission_batch"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_acknowledgment" ADD CONSTRAINT "claim_acknowledgment_acknowledgment_id_acknowledgment_id_fk" FOREIGN KEY ("acknowledgment_id") REFERENCES "public"."acknowledgment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "claim_acknowledgment" ADD CONSTRAINT "claim_acknowledgment_claim_id_claim_id_fk" FOREIGN KEY ("claim_id") REFERENCES "public"."claim"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "acknowledgment_practice_id_file_hash_index" ON "acknowledgment" USING btree ("practice_id","file_hash");--> statement-breakpoint
CREATE INDEX "acknowledgment_batch_id_index" ON "acknowledgment" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "claim_acknowledgment_claim_id_index" ON "claim_acknowledgment" USING btree ("claim_id");--> statement-breakpoint
CREATE INDEX "claim_acknowledgment_acknowledgment_id_index" ON "claim_acknowledgment" USING btree ("acknowledgment_id");