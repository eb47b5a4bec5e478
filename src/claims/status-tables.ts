import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { outboundFileColumns } from '../db/outbound-files.ts';
import { id } from '../db/columns.ts';
import { practice } from '../practices/tables.ts';
import { claim } from './tables.ts';

/** A 276 file of claim status inquiries, written by the scheduled job and sent over the connection. */
export const claimStatusBatch = pgTable(
  'claim_status_batch',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    ...outboundFileColumns(),
  },
  (t) => [index().on(t.practiceId, t.createdAt)],
);

/** One claim asked about in a 276, and the payer's 277 answer (its statuses) once it arrives. */
export const claimStatusInquiry = pgTable(
  'claim_status_inquiry',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    claimId: integer()
      .notNull()
      .references(() => claim.id),
    batchId: integer().references(() => claimStatusBatch.id),
    /** TRN02 of the 2200D loop: the 277 echoes it. */
    traceNumber: text().notNull(),
    askedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** waiting or answered. */
    state: text().notNull().default('waiting'),
    /** The statuses read from the 277 (STC category, status, entity, amounts, payer claim number …). */
    statuses: jsonb(),
    /** The first status's category code (A1, P1, F1, F2, R1, E0 …). */
    category: text(),
    /** The 277 as received (the whole interchange), stored once per inbound file. */
    inboundFileId: integer(),
    answeredAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex().on(t.practiceId, t.traceNumber), index().on(t.claimId, t.askedAt)],
);
