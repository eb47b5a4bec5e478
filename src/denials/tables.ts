import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
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
