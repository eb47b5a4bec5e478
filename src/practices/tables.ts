import { boolean, date, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { address, createdAt, id, updatedAt } from '../db/columns.ts';

/** The billing provider (837 loop 2010AA): the practice a claim is billed under. */
export const practice = pgTable('practice', {
  id: id(),
  name: text().notNull(),
  npi: text().notNull(),
  tin: text().notNull(),
  taxonomy: text().notNull(),
  ...address(),
  payToAddress1: text(),
  payToCity: text(),
  payToState: text(),
  payToZip: text(),
  contactName: text(),
  phone: text(),
  email: text(),
  /** A write-off above this (integer cents) waits for a manager's approval. */
  writeOffApprovalCents: integer().notNull().default(10000),
  /** A payment below the fee schedule's allowed amount by more than this (cents) is an underpayment. */
  underpaymentToleranceCents: integer().notNull().default(100),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

const practiceId = () =>
  integer()
    .notNull()
    .references(() => practice.id);

/** Rendering, referring and supervising providers (loops 2310A/B/D, 2420A-E). */
export const provider = pgTable(
  'provider',
  {
    id: id(),
    practiceId: practiceId(),
    firstName: text().notNull(),
    lastName: text().notNull(),
    middleName: text(),
    credentials: text(),
    npi: text().notNull(),
    taxonomy: text(),
    kinds: text().array().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [unique().on(t.practiceId, t.npi), index().on(t.practiceId, t.lastName)],
);

/** Service facility location (loop 2310C) with its default Place of Service. */
export const facility = pgTable(
  'facility',
  {
    id: id(),
    practiceId: practiceId(),
    name: text().notNull(),
    npi: text(),
    ...address(),
    placeOfService: text().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.practiceId, t.name)],
);

/** The practice's charge master: what it charges for a procedure, by effective date. */
export const feeScheduleEntry = pgTable(
  'fee_schedule_entry',
  {
    id: id(),
    practiceId: practiceId(),
    procedureCode: text().notNull(),
    modifier: text(),
    chargeCents: integer().notNull(),
    effectiveDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.practiceId, t.procedureCode, t.effectiveDate)],
);
