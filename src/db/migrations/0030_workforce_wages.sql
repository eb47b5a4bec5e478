CREATE TABLE "job_outlook" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "job_outlook_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"period" text NOT NULL,
	"occupation_code" text NOT NULL,
	"occupation_title" text NOT NULL,
	"published" jsonb NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pay_assumption" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"low" integer NOT NULL,
	"high" integer NOT NULL,
	"source" text NOT NULL,
	"source_year" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_estimate" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wage_estimate_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"release" text NOT NULL,
	"release_year" integer NOT NULL,
	"source_file" text NOT NULL,
	"area" text NOT NULL,
	"area_title" text NOT NULL,
	"state" text NOT NULL,
	"naics" text NOT NULL,
	"naics_title" text NOT NULL,
	"industry_level" text NOT NULL,
	"ownership" text NOT NULL,
	"occupation_code" text NOT NULL,
	"occupation_title" text NOT NULL,
	"employment" integer,
	"hourly_mean" integer,
	"annual_mean" integer,
	"annual_p_10" integer,
	"annual_p_25" integer,
	"annual_median" integer,
	"annual_p_75" integer,
	"annual_p_90" integer,
	"hourly_p_10" integer,
	"hourly_p_25" integer,
	"hourly_median" integer,
	"hourly_p_75" integer,
	"hourly_p_90" integer,
	"published" jsonb NOT NULL,
	"import_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_import" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wage_import_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"file_name" text NOT NULL,
	"sha256" text NOT NULL,
	"layout" text NOT NULL,
	"release" text NOT NULL,
	"rows" integer NOT NULL,
	"imported_by" integer,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_outlook" ADD CONSTRAINT "job_outlook_import_id_wage_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."wage_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wage_estimate" ADD CONSTRAINT "wage_estimate_import_id_wage_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."wage_import"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "job_outlook_period_occupation_code_index" ON "job_outlook" USING btree ("period","occupation_code");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_estimate_release_area_naics_ownership_occupation_code_index" ON "wage_estimate" USING btree ("release","area","naics","ownership","occupation_code");--> statement-breakpoint
CREATE INDEX "wage_estimate_occupation_code_release_year_index" ON "wage_estimate" USING btree ("occupation_code","release_year");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_import_sha256_index" ON "wage_import" USING btree ("sha256");