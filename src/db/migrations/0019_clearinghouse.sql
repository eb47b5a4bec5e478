CREATE TABLE "clearinghouse_connection" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "clearinghouse_connection_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"host" text,
	"port" integer,
	"username" text,
	"auth_method" text,
	"password_secret" text,
	"private_key_secret" text,
	"passphrase_secret" text,
	"outbound_dir" text NOT NULL,
	"inbound_dirs" jsonb NOT NULL,
	"host_key_fingerprint" text,
	"host_key_confirmed_at" timestamp with time zone,
	"last_polled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_file" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "inbound_file_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"connection_id" integer NOT NULL,
	"name" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sha256" text NOT NULL,
	"transaction_type" text,
	"guide" text,
	"content" text NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"outcome" text,
	"result" jsonb,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "clearinghouse_connection" ADD CONSTRAINT "clearinghouse_connection_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_file" ADD CONSTRAINT "inbound_file_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_file" ADD CONSTRAINT "inbound_file_connection_id_clearinghouse_connection_id_fk" FOREIGN KEY ("connection_id") REFERENCES "public"."clearinghouse_connection"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "clearinghouse_connection_practice_id_name_index" ON "clearinghouse_connection" USING btree ("practice_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_file_connection_id_sha256_index" ON "inbound_file" USING btree ("connection_id","sha256");--> statement-breakpoint
CREATE INDEX "inbound_file_practice_id_received_at_index" ON "inbound_file" USING btree ("practice_id","received_at");--> statement-breakpoint
CREATE INDEX "inbound_file_state_index" ON "inbound_file" USING btree ("state");