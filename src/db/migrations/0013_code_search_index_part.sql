CREATE TABLE "code_search_index_part" (
	"release_set" text NOT NULL,
	"part" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "code_search_index_part_release_set_part_pk" PRIMARY KEY("release_set","part")
);
--> statement-breakpoint
ALTER TABLE "code_search_index_part" ADD CONSTRAINT "code_search_index_part_release_set_code_search_index_release_set_fk" FOREIGN KEY ("release_set") REFERENCES "public"."code_search_index"("release_set") ON DELETE cascade ON UPDATE no action;