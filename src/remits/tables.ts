import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  json,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';
import { claim } from '../claims/tables.ts';
import { payer } from '../payers/tables.ts';
import { practice } from '../practices/tables.ts';
import type { ClaimPayment, ProviderAdjustment } from '../x12/index.ts';

/** An 835 file as it arrived: kept whole so an EOB can always be read again from the source. */
export const eraFile = pgTable(
  'era_file',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    fileName: text().notNull(),
    sha256: text().notNull(),
    rawText: text().notNull(),
    receivedAt: createdAt(),
    userId: integer(),
    /** received, posted, partly_posted (unbalanced or unmatched claims wait), duplicate, unreadable. */
    status: text().notNull().default('received'),
  },
  (t) => [index().on(t.practiceId, t.receivedAt), index().on(t.sha256)],
);

/**
 * One 835 transaction set: one payment (BPR) with its trace (TRN). The unique key is what makes an
 * ERA post exactly once: the same payer, trace number and amount is the same money.
 */
export const remittance = pgTable(
  'remittance',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    eraFileId: integer()
      .notNull()
      .references(() => eraFile.id),
    /** ST02 of the transaction in its file. */
    controlNumber: text().notNull(),
    payerName: text().notNull(),
    /** The payer's identifier from the 835 (TRN03, else N1*PR04); payerId is our payer it matched. */
    payerIdentifier: text().notNull(),
    payerId: integer().references(() => payer.id),
    /** TRN02: check or EFT trace number. */
    traceNumber: text().notNull(),
    /** BPR02 total actual provider payment. */
    paymentCents: bigint({ mode: 'number' }).notNull(),
    /** BPR04: ACH, CHK, BOP, FWT, NON. */
    paymentMethod: text().notNull(),
    paymentDate: date({ mode: 'string' }),
    balanced: boolean().notNull(),
    /** The balancing problems, as E's balancing reports them (empty when balanced). */
    balancing: jsonb().notNull(),
    /** PLB provider-level adjustments, posted to the payer's account. */
    providerAdjustments: jsonb().$type<ProviderAdjustment[]>().notNull(),
    providerAdjustmentsPostedAt: timestamp({ withTimezone: true }),
    /**
     * CLP loops in the transaction. Each chunk of them is stored in the transaction that posts it,
     * so fewer stored means a posting stopped part-way: posting again stores and posts the rest.
     */
    claimCount: integer().notNull(),
    /** unposted, posted, partly_posted, held (unbalanced: nothing posted until a user says so). */
    state: text().notNull().default('unposted'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('remittance_exactly_once').on(t.practiceId, t.payerIdentifier, t.traceNumber, t.paymentCents),
    index().on(t.eraFileId),
  ],
);

/** One claim payment (loop 2100, CLP) of a remittance, and where it stands: matched, posted, waiting. */
export const remittanceClaim = pgTable(
  'remittance_claim',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    remittanceId: integer()
      .notNull()
      .references(() => remittance.id),
    /** Position of the CLP in its transaction. */
    sequence: integer().notNull(),
    /** CLP01 */
    patientControlNumber: text().notNull(),
    /** CLP02: 1 primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal… */
    status: text().notNull(),
    chargeCents: bigint({ mode: 'number' }).notNull(),
    paidCents: bigint({ mode: 'number' }).notNull(),
    patientResponsibilityCents: bigint({ mode: 'number' }).notNull(),
    /** CLP07 payer claim control number. */
    payerClaimNumber: text(),
    balanced: boolean().notNull(),
    claimId: integer().references(() => claim.id),
    /** How it matched: control_number, line_control_number, patient_date_procedure, manual. */
    matchedBy: text(),
    /** The claim line id each 2110 service payment matched (null where none did), in SVC order. */
    lineMatches: jsonb().$type<(number | null)[]>(),
    /** pending, posted, unmatched (waits in the queue), held (its transaction is unbalanced). */
    state: text().notNull(),
    /** Why it waits: the matching's reason, or the balancing failure. */
    note: text(),
    postedAt: timestamp({ withTimezone: true }),
    postedBy: integer(),
    /**
     * The parsed 835 claim payment, for the EOB and posting. json, not jsonb: it is written once
     * and never searched inside, and PostgreSQL stores json as given where jsonb costs it a
     * conversion a claim (bench:remits: a tenth of the insert's time as json).
     */
    payment: json().$type<ClaimPayment>().notNull(),
  },
  (t) => [
    unique().on(t.remittanceId, t.sequence),
    index().on(t.claimId),
    index().on(t.practiceId, t.state),
    check('remittance_claim_state', sql`${t.state} in ('pending', 'posted', 'unmatched', 'held')`),
  ],
);
