import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';
import { claim, claimLine } from '../claims/tables.ts';
import { serviceLine } from '../encounters/tables.ts';
import { patient } from '../patients/tables.ts';
import { payer } from '../payers/tables.ts';
import { practice } from '../practices/tables.ts';

/**
 * Every movement of money: one signed amount against an account and, except for payer-level
 * adjustments and unapplied patient credits, a service line. Balances are sums of entries.
 * Append-only: a trigger in the migrations rejects UPDATE, DELETE and TRUNCATE; a correction is a
 * new entry (a reversal is the same kind with the opposite sign naming the entry it reverses).
 */
export const ledgerEntry = pgTable(
  'ledger_entry',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // Keyed through the patient and the payer (below): every entry names one of them, so the
    // practice is checked by the same key, one check where there were two.
    practiceId: integer().notNull(),
    patientId: integer(),
    encounterId: integer(),
    serviceLineId: integer(),
    claimId: integer().references(() => claim.id),
    payerId: integer(),
    /** Whose balance the entry moves: insurance, patient or payer (PLB). */
    account: text().notNull(),
    kind: text().notNull(),
    amountCents: bigint({ mode: 'number' }).notNull(),
    effectiveDate: date({ mode: 'string' }).notNull(),
    /** What posted it: claim, remittance, patient_payment, user or statement, and that thing's id. */
    sourceType: text().notNull(),
    sourceId: text().notNull(),
    /** CAS group code (CO, PR, OA, PI, CR) and CARC of an adjustment or transfer. */
    groupCode: text(),
    reasonCode: text(),
    /** RARCs (MOA, LQ) the payer sent with it. */
    remarkCodes: text().array(),
    memo: text(),
    reversesEntryId: bigint({ mode: 'number' }).references((): AnyPgColumn => ledgerEntry.id),
    userId: integer(),
    postedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Foreign keys run a query per entry each (an 835 of 50,000 claims posts 300,000 entries), so
    // they are composite: the patient and the payer are the entry's practice's, and its visit is
    // its line's. Stricter than one key per column, with four checks where there were six.
    foreignKey({
      name: 'ledger_entry_patient_fk',
      columns: [t.practiceId, t.patientId],
      foreignColumns: [patient.practiceId, patient.id],
    }),
    foreignKey({
      name: 'ledger_entry_payer_fk',
      columns: [t.practiceId, t.payerId],
      foreignColumns: [payer.practiceId, payer.id],
    }),
    foreignKey({
      name: 'ledger_entry_service_line_fk',
      columns: [t.serviceLineId, t.encounterId],
      foreignColumns: [serviceLine.id, serviceLine.encounterId],
    }),
    // a composite key checks nothing when one of its columns is null: these make sure each is checked
    check('ledger_entry_patient_or_payer', sql`${t.patientId} is not null or ${t.payerId} is not null`),
    check('ledger_entry_line_with_visit', sql`(${t.serviceLineId} is null) = (${t.encounterId} is null)`),
    // none on claim_id: no query reads entries by claim (a claim's balances are its lines') and
    // claims are never deleted, so it cost every posted entry an index insert for nothing
    index().on(t.serviceLineId),
    index().on(t.practiceId, t.patientId),
    index().on(t.practiceId, t.payerId),
    index().on(t.practiceId, t.effectiveDate),
    index().on(t.sourceType, t.sourceId),
    // an entry is reversed at most once (the reversals only: an index entry for each of the
    // other entries' nulls cost every posted entry an index insert and checked nothing)
    uniqueIndex('ledger_entry_reversed_once')
      .on(t.reversesEntryId)
      .where(sql`${t.reversesEntryId} is not null`),
    // one charge per service line however many claims bill it: ensureCharges relies on it
    uniqueIndex('ledger_entry_one_charge_per_line')
      .on(t.serviceLineId)
      .where(sql`${t.kind} = 'charge' and ${t.reversesEntryId} is null`),
    check('ledger_entry_account', sql`${t.account} in ('insurance', 'patient', 'payer')`),
    check(
      'ledger_entry_kind',
      sql`${t.kind} in ('charge', 'insurance_payment', 'contractual_adjustment', 'other_adjustment', 'patient_responsibility', 'patient_payment', 'write_off', 'refund', 'payer_adjustment')`,
    ),
    check(
      'ledger_entry_source_type',
      sql`${t.sourceType} in ('claim', 'remittance', 'patient_payment', 'user', 'statement')`,
    ),
  ],
);

/** A payment a patient handed over (cash, check, card): the receipt. Its money moves as ledger entries. */
export const patientPayment = pgTable(
  'patient_payment',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    patientId: integer()
      .notNull()
      .references(() => patient.id),
    /** cash, check or card. */
    method: text().notNull(),
    /** The check number or the card transaction reference. */
    reference: text(),
    amountCents: integer().notNull(),
    receivedDate: date({ mode: 'string' }).notNull(),
    memo: text(),
    userId: integer(),
    createdAt: createdAt(),
  },
  (t) => [
    index().on(t.practiceId, t.patientId),
    check('patient_payment_method', sql`${t.method} in ('cash', 'check', 'card')`),
    check('patient_payment_amount', sql`${t.amountCents} > 0`),
  ],
);

/**
 * A write-off asked for: with its reason code, posted at once as a write_off ledger entry when it is
 * within the practice's approval limit, else waiting for a manager's approval (then posted) or refusal.
 */
export const writeOffRequest = pgTable(
  'write_off_request',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    claimId: integer()
      .notNull()
      .references(() => claim.id),
    claimLineId: integer().references(() => claimLine.id),
    amountCents: bigint({ mode: 'number' }).notNull(),
    /** small-balance, timely-filing, bundled, non-covered, bad-debt, charity, administrative … */
    reasonCode: text().notNull(),
    note: text(),
    /** pending, approved (posted), refused. */
    state: text().notNull(),
    requestedBy: integer(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: integer(),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text(),
    /** The write_off entry posted for it. */
    ledgerEntryId: bigint({ mode: 'number' }).references(() => ledgerEntry.id),
  },
  (t) => [index().on(t.practiceId, t.state), index().on(t.claimId)],
);
