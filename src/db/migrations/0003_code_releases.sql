CREATE TABLE "code_record" (
	"release_id" integer NOT NULL,
	"role" text NOT NULL,
	"seq" integer NOT NULL,
	"record" jsonb NOT NULL,
	CONSTRAINT "code_record_release_id_role_seq_pk" PRIMARY KEY("release_id","role","seq")
);
--> statement-breakpoint
CREATE TABLE "code_release" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "code_release_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"system" text NOT NULL,
	"version" text NOT NULL,
	"effective_from" date NOT NULL,
	"effective_through" date,
	"files" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"imported_by" text,
	CONSTRAINT "code_release_system_version_unique" UNIQUE("system","version")
);
--> statement-breakpoint
ALTER TABLE "code_record" ADD CONSTRAINT "code_record_release_id_code_release_id_fk" FOREIGN KEY ("release_id") REFERENCES "public"."code_release"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "code_record_release_id_role_index" ON "code_record" USING btree ("release_id","role");