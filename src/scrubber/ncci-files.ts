import { index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea, id } from '../db/columns.ts';

/**
 * A CMS NCCI file as imported: kept whole (gzip) in the database, so every server and worker of
 * the installation loads the same tables from one place, in CMS's own layout.
 */
export const ncciFile = pgTable(
  'ncci_file',
  {
    id: id(),
    /** ptp (procedure-to-procedure) or mue (medically unlikely edits). */
    kind: text().notNull(),
    /** practitioner, outpatient (hospital) or dme. */
    setting: text().notNull(),
    /** The quarter the file applies from, e.g. 2026Q4. */
    quarter: text().notNull(),
    fileName: text().notNull(),
    sha256: text().notNull().unique(),
    rows: integer().notNull(),
    problems: jsonb().notNull(),
    content: bytea().notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.kind, t.setting)],
);
