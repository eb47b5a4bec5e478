import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { practice } from '../practices/tables.ts';
import { claim } from './tables.ts';

/** How the practice's clearinghouse knows it: the submitter (1000A) and receiver (1000B) and the ISA ids. */
export const submitterSettings = pgTable('submitter_settings', {
  id: id(),
  practiceId: integer()
    .notNull()
    .unique()
    .references(() => practice.id),
  submitterName: text().notNull(),
  /** 1000A NM109 (ETIN), assigned by the clearinghouse; also ISA06. */
  submitterId: text().notNull(),
  contactName: text().notNull(),
  contactPhone: text().notNull(),
  receiverName: text().notNull(),
  /** 1000B NM109; also ISA08. */
  receiverId: text().notNull(),
  /** ISA15: T test, P production. */
  usage: text().notNull().default('T'),
  claimsPerTransaction: integer().notNull().default(5000),
  /**
   * The connection: a folder on the server every batch file is written into (the outbox, picked up
   * by the clearinghouse's client), relative to the data directory. Null: files are downloaded.
   */
  outboxDir: text(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A submission batch: ready claims written into one 837 interchange, with its control numbers. */
export const submissionBatch = pgTable(
  'submission_batch',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    /**
     * generated (file written, its claims batched), sent (reached the clearinghouse: its claims
     * submitted), acknowledged or rejected (TA1/999), or released (never sent: its claims went back
     * to ready).
     */
    state: text().notNull().default('generated'),
    guide: text().notNull(),
    usage: text().notNull(),
    interchangeControlNumber: integer().notNull(),
    claimCount: integer().notNull(),
    totalChargeCents: integer().notNull(),
    fileName: text().notNull(),
    x12: text().notNull(),
    createdBy: integer(),
    /** The claims.batch job that wrote it: a batch finished after its request gave up is still traced to who asked. */
    jobId: uuid(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
    /** Why the last upload failed (cleared when it is sent): shown on the batch and its claims. */
    uploadError: text(),
    uploadFailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.practiceId, t.createdAt)],
);

export const batchClaim = pgTable(
  'batch_claim',
  {
    batchId: integer()
      .notNull()
      .references(() => submissionBatch.id),
    claimId: integer()
      .notNull()
      .references(() => claim.id),
  },
  (t) => [primaryKey({ columns: [t.batchId, t.claimId] }), index().on(t.claimId)],
);
