import { bigint, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id } from '../db/columns.ts';
import { claim, claimLine } from '../claims/tables.ts';
import { practice } from '../practices/tables.ts';
import { remittanceClaim } from '../remits/tables.ts';

/** A denied service line (paid zero with a CARC) from an 835: one row in the denials queue. */
export const denial = pgTable(
  'denial',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    claimId: integer()
      .notNull()
      .references(() => claim.id),
    claimLineId: integer().references(() => claimLine.id),
    remittanceClaimId: integer()
      .notNull()
      .references(() => remittanceClaim.id),
    /** CAS01 group code and CAS02 CARC of the largest adjustment on the line. */
    groupCode: text().notNull(),
    reasonCode: text().notNull(),
    /** RARCs from LQ (line) and MOA (claim). */
    remarkCodes: text().array().notNull(),
    amountCents: bigint({ mode: 'number' }).notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    state: text().notNull().default('open'),
  },
  (t) => [index().on(t.practiceId, t.state), index().on(t.claimId)],
);

/**
 * A claim on the follow-up queue: why it needs someone (a 277 status that needs action, later the
 * other work queues), who owns it, and when to look again. Closed, never deleted.
 */
export const followUp = pgTable(
  'follow_up',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    claimId: integer()
      .notNull()
      .references(() => claim.id),
    /** Which queue: claim-status (a 277 that needs action) … */
    queue: text().notNull(),
    /** The code behind it (the STC category and status, e.g. F2:85) and the reason in words. */
    reasonCode: text().notNull(),
    reason: text().notNull(),
    /** Where it came from: the 277 inquiry, for example. */
    source: jsonb(),
    owner: integer(),
    /** open or done. */
    state: text().notNull().default('open'),
    nextFollowUpOn: date({ mode: 'string' }),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true }),
    /** Who closed it and what they did (the note the biller writes when closing). */
    closedBy: integer(),
    closeNote: text(),
  },
  (t) => [index().on(t.practiceId, t.queue, t.state), index().on(t.claimId)],
);
