import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { outboundFileColumns } from '../db/outbound-files.ts';
import { id } from '../db/columns.ts';
import { coverage, patient } from '../patients/tables.ts';
import { payer } from '../payers/tables.ts';
import { practice } from '../practices/tables.ts';

/**
 * A 270 file of many inquiries (a day's schedule or a CSV), sent over the practice's clearinghouse
 * connection; the 271s come back through the inbox and answer its checks one by one.
 */
export const eligibilityBatch = pgTable(
  'eligibility_batch',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    /** schedule (the encounters of a date) or csv. */
    source: text().notNull(),
    /** The schedule's date, or the CSV's file name. */
    sourceDetail: text().notNull(),
    ...outboundFileColumns(),
  },
  (t) => [index().on(t.practiceId, t.createdAt)],
);

/**
 * One eligibility inquiry for a patient's coverage and a date of service: who asked and when, the
 * 270 sent, and the payer's 271 with its benefits summary once it arrives (kept raw, as received).
 */
export const eligibilityCheck = pgTable(
  'eligibility_check',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    patientId: integer()
      .notNull()
      .references(() => patient.id),
    coverageId: integer()
      .notNull()
      .references(() => coverage.id),
    payerId: integer()
      .notNull()
      .references(() => payer.id),
    dateOfService: date({ mode: 'string' }).notNull(),
    serviceTypes: text().array().notNull(),
    /** TRN02 (and BHT03) of the 270: the 271 echoes it, which is how its answer finds this check. */
    traceNumber: text().notNull(),
    /** realtime (asked and answered over HTTP) or batch. */
    how: text().notNull(),
    batchId: integer().references(() => eligibilityBatch.id),
    askedBy: integer(),
    askedByEmail: text(),
    askedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** waiting, answered or failed (the request could not be sent or the answer not read). */
    state: text().notNull().default('waiting'),
    /** The 270 transaction set sent (its own interchange for a real-time check). */
    request: text().notNull(),
    /** The 271 as received (the whole interchange). */
    response: text(),
    /** active, inactive or rejected (AAA), from the summary. */
    status: text(),
    /** The benefits summary (EligibilitySummary) read from the 271. */
    summary: jsonb(),
    answeredAt: timestamp({ withTimezone: true }),
    failure: text(),
  },
  (t) => [
    uniqueIndex().on(t.practiceId, t.traceNumber),
    index().on(t.patientId, t.askedAt),
    index().on(t.coverageId, t.answeredAt),
    index().on(t.batchId),
  ],
);
