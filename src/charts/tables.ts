import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, updatedAt } from '../db/columns.ts';
import { encounter } from '../encounters/tables.ts';
import { practice } from '../practices/tables.ts';

/** A note on an encounter: imported from the EHR (FHIR DocumentReference, HL7 MDM) or uploaded by hand. */
export const chartDocument = pgTable(
  'chart_document',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    encounterId: integer()
      .notNull()
      .references(() => encounter.id, { onDelete: 'cascade' }),
    /** progress-note, operative-report, discharge-summary, lab-result, query-addendum, other */
    kind: text().notNull(),
    title: text().notNull(),
    /** Plain text the coder reads (and suggestions match); extracted from the PDF when one came. */
    text: text().notNull(),
    attachment: bytea(),
    attachmentContentType: text(),
    /** fhir, hl7v2 or upload, and the document's id there: the same document imported again updates this row. */
    sourceFormat: text().notNull(),
    sourceId: text().notNull(),
    authoredAt: timestamp({ withTimezone: true, mode: 'string' }),
    /** The author's NPI as the source named them. */
    authorNpi: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex().on(t.practiceId, t.sourceFormat, t.sourceId), index().on(t.encounterId)],
);

/** A code the EHR already recorded on the encounter (Condition, Procedure, FT1): shown to the coder, never billed as is. */
export const chartCode = pgTable(
  'chart_code',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    encounterId: integer()
      .notNull()
      .references(() => encounter.id, { onDelete: 'cascade' }),
    system: text().notNull(),
    code: text().notNull(),
    display: text(),
    /** diagnosis, procedure, observation or charge */
    kind: text().notNull(),
    units: integer(),
    modifiers: text().array(),
    value: text(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.encounterId, t.kind, t.system, t.code)],
);

/** One imported message (a FHIR Bundle, an HL7 v2 message, a file): the same content twice is found by its hash and changes nothing. */
export const chartImport = pgTable(
  'chart_import',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    format: text().notNull(),
    /** Bundle id, MSH-10 control id or file name. */
    sourceId: text().notNull(),
    /** SHA-256 (hex) of the content as read. */
    sha256: text().notNull(),
    /** { created, updated, unchanged } by kind. */
    counts: jsonb().notNull(),
    problems: jsonb().notNull(),
    userId: integer(),
    userEmail: text(),
    importedAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.practiceId, t.sha256), index().on(t.practiceId, t.importedAt)],
);
