import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
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
    address1: text(),
    address2: text(),
    city: text(),
    state: text(),
    zip: text(),
    phone: text(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index().on(t.practiceId, t.name)],
);
