import { date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.ts';
import { patient } from '../../patients/tables.ts';
import { practice } from '../../practices/tables.ts';
import type { Statement } from './statement.ts';

/** A practice's statement rules and the text printed under "How to pay". */
export const statementSettings = pgTable('statement_settings', {
  id: id(),
  practiceId: integer()
    .notNull()
    .unique()
    .references(() => practice.id),
  /** A patient owing less than this gets no statement. */
  minimumBalanceCents: integer().notNull().default(500),
  /** A patient gets at most one statement in this many days. */
  daysBetweenStatements: integer().notNull().default(30),
  /** Payment is due this many days after the statement date. */
  dueInDays: integer().notNull().default(30),
  howToPay: text().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One statement run: the day the practice billed its patients, and by whom. */
export const statementRun = pgTable(
  'statement_run',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    statementDate: date({ mode: 'string' }).notNull(),
    statementCount: integer().notNull(),
    totalDueCents: integer().notNull(),
    userId: integer(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.practiceId, t.statementDate)],
);

/**
 * A statement as it was sent: the patient, the day, what was due and the whole printed content,
 * so the PDF downloaded later is the one mailed and the next run knows when the patient was billed.
 */
export const patientStatement = pgTable(
  'patient_statement',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    runId: integer()
      .notNull()
      .references(() => statementRun.id),
    patientId: integer()
      .notNull()
      .references(() => patient.id),
    statementDate: date({ mode: 'string' }).notNull(),
    amountDueCents: integer().notNull(),
    content: jsonb().$type<Statement>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index().on(t.practiceId, t.patientId, t.statementDate), index().on(t.runId)],
);
