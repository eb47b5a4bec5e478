import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';
import { practice } from '../practices/tables.ts';
import { submissionBatch } from './batch-tables.ts';
import { claim } from './tables.ts';

/** A reason an acknowledgment gives, as stored: the code, where it points, and the biller's words. */
export interface AckReason {
  /** IK3/IK4/IK5/TA105/STC code (e.g. "IK4 7", "STC A7:21"). */
  code: string;
  /** Segment and element it points at (e.g. "NM1 at 12, element 9"), when it points somewhere. */
  where?: string;
  text: string;
}

/**
 * One acknowledgment file applied (TA1, 999 or 277CA): which batch it answered (null when it
 * matched none we sent: kept, not dropped) and its verdict. Unique on its hash per practice, so a
 * file applied twice changes nothing the second time.
 */
export const acknowledgment = pgTable(
  'acknowledgment',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    /** TA1, 999 or 277CA. */
    kind: text().notNull(),
    fileName: text().notNull(),
    /** sha256 of the file's text. */
    fileHash: text().notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    batchId: integer().references(() => submissionBatch.id),
    /** accepted, accepted_with_errors, partially_accepted, rejected or unmatched. */
    status: text().notNull(),
    /** What it did, in a biller's words. */
    summary: text().notNull(),
    reasons: jsonb().$type<AckReason[]>().notNull(),
    /** The control numbers it answered and what it said of each, for the batch page. */
    detail: jsonb(),
    createdBy: integer(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.practiceId, t.fileHash), index().on(t.batchId)],
);

/** What one acknowledgment said of one claim: accepted (with the payer's claim number) or rejected with why. */
export const claimAcknowledgment = pgTable(
  'claim_acknowledgment',
  {
    id: id(),
    acknowledgmentId: integer()
      .notNull()
      .references(() => acknowledgment.id),
    claimId: integer()
      .notNull()
      .references(() => claim.id),
    kind: text().notNull(),
    /** accepted, accepted_with_errors, rejected or received. */
    status: text().notNull(),
    payerClaimNumber: text(),
    reasons: jsonb().$type<AckReason[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.claimId), index().on(t.acknowledgmentId)],
);
