CREATE TABLE "code_search_index" (
	"release_set" text PRIMARY KEY NOT NULL,
	"sources" text NOT NULL,
	"documents" integer NOT NULL,
	"bytes" integer NOT NULL,
	"built_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content" "bytea" NOT NULL
);
