import { date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';
import { appUser } from '../auth/tables.ts';
import { practice } from '../practices/tables.ts';
import type { CompPlan, PayoutInput, PayoutLine } from './payout.ts';
import { staffMember } from './staff-tables.ts';

// Incentives (issue 17): a compensation plan per role as data, and the payout runs computed from
// it. Payroll is not the practice's accounts receivable: a payout is a report of what to pay, not
// a ledger entry.

/**
 * One version of a role's compensation plan. An edit adds a version (the old ones are kept); the
 * plan in force on a day is the highest version whose effectiveFrom is on or before it.
 */
export const compensationPlan = pgTable(
  'compensation_plan',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    /** A role of src/auth/roles.ts (coder, biller, …). */
    role: text().notNull(),
    version: integer().notNull(),
    effectiveFrom: date({ mode: 'string' }).notNull(),
    plan: jsonb().$type<CompPlan>().notNull(),
    note: text(),
    createdBy: integer().references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex().on(t.practiceId, t.role, t.version)],
);

/** A payout computed for a period (whole workweeks), kept so its report can be shown again as it was. */
export const payoutRun = pgTable(
  'payout_run',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    periodFrom: date({ mode: 'string' }).notNull(),
    periodTo: date({ mode: 'string' }).notNull(),
    /** The team's collections in the period (ledger) and the members sharing the team bonus. */
    collectionsCents: integer().notNull(),
    members: integer().notNull(),
    totalCents: integer().notNull(),
    createdBy: integer().references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.practiceId, t.periodFrom)],
);

/** One person's payout in a run: every input as read, the plan version used, and each line. */
export const payoutLine = pgTable(
  'payout_line',
  {
    id: id(),
    runId: integer()
      .notNull()
      .references(() => payoutRun.id, { onDelete: 'cascade' }),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    staffId: integer()
      .notNull()
      .references(() => staffMember.id),
    staffName: text().notNull(),
    role: text().notNull(),
    /** The plan version used; none when the role has no plan in force (base pay and overtime only). */
    planId: integer().references(() => compensationPlan.id),
    input: jsonb().$type<PayoutInput>().notNull(),
    lines: jsonb().$type<PayoutLine[]>().notNull(),
    totalCents: integer().notNull(),
  },
  (t) => [index().on(t.runId), index().on(t.practiceId, t.staffId)],
);
