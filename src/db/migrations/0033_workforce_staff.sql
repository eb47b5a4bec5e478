CREATE TABLE "credential_reminder" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "credential_reminder_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"credential_id" integer NOT NULL,
	"kind" text NOT NULL,
	"expires_on" text NOT NULL,
	"opened_on" date NOT NULL,
	"closed_on" date,
	"closed_by" integer
);
--> statement-breakpoint
CREATE TABLE "staff_credential" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_credential_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"staff_id" integer NOT NULL,
	"credential" text NOT NULL,
	"specialty" text,
	"number" text,
	"issued_on" date,
	"expires_on" date,
	"ceu_required" integer DEFAULT 0 NOT NULL,
	"ceu_earned" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_member" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_member_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"user_id" integer,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"job_title" text,
	"pay_type" text NOT NULL,
	"exempt" boolean DEFAULT false NOT NULL,
	"rate_cents" integer,
	"annual_salary_cents" integer,
	"salaried_hours_per_week" integer,
	"state" text NOT NULL,
	"remote" boolean DEFAULT false NOT NULL,
	"work_setting" text,
	"hire_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "time_entry" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "time_entry_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"practice_id" integer NOT NULL,
	"staff_id" integer NOT NULL,
	"work_date" date NOT NULL,
	"minutes" integer NOT NULL,
	"source" text DEFAULT 'entry' NOT NULL,
	"note" text,
	"entered_by" integer,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "credential_reminder" ADD CONSTRAINT "credential_reminder_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credential_reminder" ADD CONSTRAINT "credential_reminder_credential_id_staff_credential_id_fk" FOREIGN KEY ("credential_id") REFERENCES "public"."staff_credential"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credential_reminder" ADD CONSTRAINT "credential_reminder_closed_by_app_user_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_credential" ADD CONSTRAINT "staff_credential_staff_id_staff_member_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_member" ADD CONSTRAINT "staff_member_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_member" ADD CONSTRAINT "staff_member_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entry" ADD CONSTRAINT "time_entry_practice_id_practice_id_fk" FOREIGN KEY ("practice_id") REFERENCES "public"."practice"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entry" ADD CONSTRAINT "time_entry_staff_id_staff_member_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_member"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "time_entry" ADD CONSTRAINT "time_entry_entered_by_app_user_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "credential_reminder_credential_id_kind_expires_on_index" ON "credential_reminder" USING btree ("credential_id","kind","expires_on");--> statement-breakpoint
CREATE INDEX "credential_reminder_practice_id_closed_on_index" ON "credential_reminder" USING btree ("practice_id","closed_on");--> statement-breakpoint
CREATE INDEX "staff_credential_staff_id_index" ON "staff_credential" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "staff_credential_expires_on_index" ON "staff_credential" USING btree ("expires_on");--> statement-breakpoint
CREATE INDEX "staff_member_practice_id_name_index" ON "staff_member" USING btree ("practice_id","name");--> statement-breakpoint
CREATE INDEX "staff_member_user_id_index" ON "staff_member" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "time_entry_staff_id_work_date_source_index" ON "time_entry" USING btree ("staff_id","work_date","source");--> statement-breakpoint
CREATE INDEX "time_entry_practice_id_work_date_index" ON "time_entry" USING btree ("practice_id","work_date");