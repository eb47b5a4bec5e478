ALTER TABLE "code_release" DROP CONSTRAINT "code_release_system_version_unique";--> statement-breakpoint
ALTER TABLE "code_release" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
CREATE INDEX "code_release_system_version_index" ON "code_release" USING btree ("system","version");--> statement-breakpoint
-- One active release per system and version; a release being imported is invisible until complete.
CREATE UNIQUE INDEX "code_release_active_unique" ON "code_release" ("system","version") WHERE "status" = 'active';
