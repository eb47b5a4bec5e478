import { boolean, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../db/columns.ts';
import { payer } from '../payers/tables.ts';
import { practice } from '../practices/tables.ts';

/** A payer requirement declared as data (see PayerRule): the scrubber evaluates it on every claim to that payer. */
export const payerRule = pgTable(
  'payer_rule',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    payerId: integer()
      .notNull()
      .references(() => payer.id),
    kind: text().notNull(),
    procedureCodes: text().array().notNull(),
    note: text(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.practiceId, t.payerId)],
);
