-- An 835 is stored whole before any of it posts (14 MB for 50,000 claims): lz4 compresses it in
-- about half the time of the default pglz. PGlite is built without lz4 and keeps the default.
DO $$
BEGIN
  ALTER TABLE "era_file" ALTER COLUMN "raw_text" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN NULL;
END $$;
