import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea, id } from '../../db/columns.ts';

/** One imported release of a code system, with the files it came from and their checksums. */
export const codeRelease = pgTable(
  'code_release',
  {
    id: id(),
    system: text().notNull(),
    version: text().notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    effectiveThrough: date({ mode: 'string' }),
    /** [{ role, name, bytes, sha256 }]: importing the same files again changes nothing. */
    files: jsonb().notNull(),
    /** Records imported per file role. */
    counts: jsonb().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    importedBy: text(),
    /** importing while its records are written (not yet visible), active once complete. */
    status: text().notNull().default('active'),
  },
  (t) => [index().on(t.system, t.version)],
);

/** The records of a release as the importers read them, in file order (typed by role). */
export const codeRecord = pgTable(
  'code_record',
  {
    releaseId: integer()
      .notNull()
      .references(() => codeRelease.id, { onDelete: 'cascade' }),
    role: text().notNull(),
    seq: integer().notNull(),
    record: jsonb().notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseId, t.role, t.seq] }), index().on(t.releaseId, t.role)],
);

/**
 * The search index of one release set (the ICD-10-CM, ICD-10-PCS, HCPCS and CPT releases in force
 * together), built at import and stored Brotli-compressed so a server starts without rebuilding it.
 * `sources` names the releases and the layout it was built from: when they differ it is rebuilt.
 */
export const codeSearchIndex = pgTable('code_search_index', {
  releaseSet: text().primaryKey(),
  sources: text().notNull(),
  documents: integer().notNull(),
  bytes: integer().notNull(),
  builtAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  content: bytea().notNull(),
});

/**
 * The stored index's bytes after its first part (which is `code_search_index.content`), a row a
 * part of half a megabyte: on the embedded database a single insert of the whole blob held the
 * only thread for seconds, so it is written and read a part at a time.
 */
export const codeSearchIndexPart = pgTable(
  'code_search_index_part',
  {
    releaseSet: text()
      .notNull()
      .references(() => codeSearchIndex.releaseSet, { onDelete: 'cascade' }),
    part: integer().notNull(),
    content: bytea().notNull(),
  },
  (t) => [primaryKey({ columns: [t.releaseSet, t.part] })],
);
