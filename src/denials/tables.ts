import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea, createdAt, id, updatedAt } from '../db/columns.ts';
import { claim, claimLine } from '../claims/tables.ts';
import { payer } from '../payers/tables.ts';
import { patient } from '../patients/tables.ts';
import { practice, provider } from '../practices/tables.ts';
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
    /** The claim's payer and rendering provider, copied when it opens: the queue filters on them. */
    payerId: integer().references(() => payer.id),
    providerId: integer().references(() => provider.id),
    /** The 835 claim payment it came from; null for a rejection read from a 277CA or 277. */
    remittanceClaimId: integer().references(() => remittanceClaim.id),
    /** 835, 277CA or 277. */
    source: text().notNull().default('835'),
    /** CAS01 group code and CAS02 CARC of the largest adjustment on the line. */
    groupCode: text().notNull(),
    reasonCode: text().notNull(),
    /** RARCs from LQ (line) and MOA (claim). */
    remarkCodes: text().array().notNull(),
    amountCents: bigint({ mode: 'number' }).notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    state: text().notNull().default('open'),
    /** From the denial mapping version in force when it opened: category, plain words, next step. */
    category: text(),
    explanation: text(),
    action: text(),
    mappingVersionId: integer(),
    /** The remittance (or rejection) date and the payer's appeal deadline counted from it. */
    remittanceDate: date({ mode: 'string' }),
    appealBy: date({ mode: 'string' }),
    /** resolved how: appealed, corrected, written-off, billed-patient, billed-secondary … */
    resolution: text(),
    resolvedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.practiceId, t.state),
    index().on(t.claimId),
    index().on(t.practiceId, t.state, t.amountCents),
    index().on(t.practiceId, t.state, t.appealBy),
  ],
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
    /** The claim it is about; null for a patient balance item (patientId instead). */
    claimId: integer().references(() => claim.id),
    patientId: integer().references(() => patient.id),
    denialId: integer().references(() => denial.id),
    /** Which queue: claim-status, no-response, denials, underpayments, rejections, patient-balances. */
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
    /** The money at stake (integer cents) and the deadline (an appeal's, a filing limit's): the queue sorts by them. */
    amountCents: bigint({ mode: 'number' }).notNull().default(0),
    dueOn: date({ mode: 'string' }),
    /** open, in-progress, waiting (on the payer or the patient), done. */
    status: text().notNull().default('open'),
    /** The claim's payer, kept on the item so the queue filters by payer without reading claims. */
    payerId: integer().references(() => payer.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    index().on(t.practiceId, t.queue, t.state),
    // One queue sorted by amount at stake or deadline, a page at a time.
    index().on(t.practiceId, t.queue, t.state, t.amountCents),
    index().on(t.practiceId, t.queue, t.state, t.dueOn),
    index().on(t.practiceId, t.state, t.payerId),
    index().on(t.claimId),
    index().on(t.practiceId, t.state, t.amountCents),
    index().on(t.practiceId, t.state, t.dueOn),
    index().on(t.owner, t.state),
    // Newest first, in one queue or all; one owner's items by deadline (bench/denials shapes).
    index().on(t.practiceId, t.queue, t.state, t.openedAt),
    index().on(t.practiceId, t.state, t.openedAt),
    index().on(t.practiceId, t.owner, t.state, t.dueOn),
  ],
);

/** A work item's history: opened, assigned, notes, status and follow-up date changes, closed. */
export const followUpEvent = pgTable(
  'follow_up_event',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    followUpId: integer()
      .notNull()
      .references(() => followUp.id),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    userId: integer(),
    /** opened, assigned, note, status, next-follow-up, closed. */
    kind: text().notNull(),
    note: text(),
    detail: jsonb(),
  },
  (t) => [index().on(t.followUpId, t.at)],
);

/** A user's saved filter on a work page (queues, denials, dashboard). */
export const savedFilter = pgTable(
  'saved_filter',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    userId: integer().notNull(),
    /** Which page: work-queues, denials, dashboard. */
    page: text().notNull(),
    name: text().notNull(),
    filter: jsonb().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.practiceId, t.userId, t.page, t.name)],
);

/**
 * A version of the denial mapping (CARC + RARC → category, words, next step): the seeded one is
 * version 1; a manager's edit makes a new version, and each denial keeps the version it was read by.
 */
export const denialMappingVersion = pgTable(
  'denial_mapping_version',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    number: integer().notNull(),
    note: text().notNull(),
    createdBy: integer(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.practiceId, t.number)],
);

/** One row of a mapping version: a CARC (with a group code and a RARC when they change the meaning). */
export const denialMapping = pgTable(
  'denial_mapping',
  {
    id: id(),
    versionId: integer()
      .notNull()
      .references(() => denialMappingVersion.id),
    /** CO, PR, OA, PI, CR; null: any group. */
    groupCode: text(),
    reasonCode: text().notNull(),
    /** A RARC that refines it; null: any remark. */
    remarkCode: text(),
    category: text().notNull(),
    explanation: text().notNull(),
    /** correct-resubmit, appeal, write-off, bill-patient, bill-secondary, send-records, none. */
    action: text().notNull(),
  },
  (t) => [index().on(t.versionId, t.reasonCode)],
);

/** The RARC list (X12 Remittance Advice Remark Codes), imported from X12's published list layout. */
export const remarkCode = pgTable('remark_code', {
  code: text().primaryKey(),
  text: text().notNull(),
  startDate: date({ mode: 'string' }),
  stopDate: date({ mode: 'string' }),
  lastModified: date({ mode: 'string' }),
  /** Which list it came from: the seed, or the imported file's name. */
  release: text().notNull(),
});

/** An appeal letter template per denial category and payer (null: any); built-in ones have no practice. */
export const appealTemplate = pgTable(
  'appeal_template',
  {
    id: id(),
    practiceId: integer().references(() => practice.id),
    category: text(),
    payerId: integer().references(() => payer.id),
    name: text().notNull(),
    /** The letter with {{placeholders}} (claim, patient, codes, denial reason, documents). */
    body: text().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.practiceId, t.category)],
);

/** An appeal of a denied claim: its letter, the documents cited, its PDF, level and outcome. */
export const appeal = pgTable(
  'appeal',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    claimId: integer()
      .notNull()
      .references(() => claim.id),
    denialId: integer().references(() => denial.id),
    /** 1 first level, 2 second level … */
    level: integer().notNull().default(1),
    templateId: integer().references(() => appealTemplate.id),
    letter: text().notNull(),
    /** The documents the biller chose to cite and attach (names as listed in the letter). */
    documents: jsonb().$type<string[]>().notNull(),
    pdf: bytea(),
    /** draft, sent, won, partly-won, lost. */
    state: text().notNull().default('draft'),
    outcomeNote: text(),
    recoveredCents: bigint({ mode: 'number' }),
    createdBy: integer(),
    createdAt: createdAt(),
    sentAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.practiceId, t.state), index().on(t.claimId)],
);
