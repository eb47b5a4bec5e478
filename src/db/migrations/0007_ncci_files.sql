CREATE TABLE "ncci_file" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ncci_file_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"kind" text NOT NULL,
	"setting" text NOT NULL,
	"quarter" text NOT NULL,
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"problems" jsonb NOT NULL,
	"content" "bytea" NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ncci_file_sha256_unique" UNIQUE("sha256")
);
--> statement-breakpoint
CREATE INDEX "ncci_file_kind_setting_index" ON "ncci_file" USING btree ("kind","setting");