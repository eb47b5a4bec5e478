import { date, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { practice } from '../practices/tables.ts';

/** A payer as the practice bills it: clearinghouse payer ID and claim filing indicator (SBR09). */
export const payer = pgTable(
  'payer',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    name: text().notNull(),
    payerId: text().notNull(),
    claimFilingIndicator: text().notNull(),
    timelyFilingDays: integer().notNull(),
    /** The scrubber warns when eligibility was not checked within this many days (null: not required). */
    eligibilityCheckDays: integer(),
    /** Claims unanswered (no 835) this many days after submission get a 276 status inquiry. */
    statusInquiryDays: integer().notNull().default(30),
    /** Days from the remittance date to appeal a denial (commercial payers often 180; Medicare redetermination 120). */
    appealDays: integer().notNull().default(180),
    address1: text(),
    address2: text(),
    city: text(),
    state: text(),
    zip: text(),
    phone: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.practiceId, t.name),
    // what a ledger entry's (practice, payer) key names: the payer is the practice's
    unique('payer_practice_id_id_unique').on(t.practiceId, t.id),
  ],
);

/**
 * The payer's fee schedule as the practice's contract states it: the amount the payer allows for a
 * procedure (and modifier) from a date. A line paid (with the patient's share) below it by more
 * than the practice's tolerance is an underpayment; the practice's own charge master says what it
 * charges, not what it is owed.
 */
export const payerFeeScheduleEntry = pgTable(
  'payer_fee_schedule_entry',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    payerId: integer()
      .notNull()
      .references(() => payer.id),
    procedureCode: text().notNull(),
    modifier: text(),
    /** Per unit, as the charge master's fee is. */
    allowedCents: integer().notNull(),
    effectiveDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.practiceId, t.payerId, t.procedureCode, t.effectiveDate)],
);
