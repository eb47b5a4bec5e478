import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../db/columns.ts';
import { appUser } from '../auth/tables.ts';
import { encounter } from '../encounters/tables.ts';
import { practice, provider } from '../practices/tables.ts';
import { codingChart } from './tables.ts';

/**
 * A physician query (CDI): a multiple-choice question about a chart, sent to its provider. While
 * it is open the chart waits in state 'query'; the answer becomes an addendum chart document the
 * coder cites (addendumDocumentId).
 */
export const codingQuery = pgTable(
  'coding_query',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    codingChartId: integer()
      .notNull()
      .references(() => codingChart.id, { onDelete: 'cascade' }),
    encounterId: integer()
      .notNull()
      .references(() => encounter.id, { onDelete: 'cascade' }),
    /** The provider asked: the encounter's rendering provider unless the coder picks another. */
    providerId: integer()
      .notNull()
      .references(() => provider.id),
    question: text().notNull(),
    clinicalIndicators: text().notNull(),
    /** As sent, ending with "Other (please specify)" and "Clinically undetermined". */
    options: text().array().notNull(),
    /** open, answered, withdrawn. */
    state: text().notNull().default('open'),
    answerOption: text(),
    answerText: text(),
    answeredBy: integer().references(() => appUser.id),
    answeredAt: timestamp({ withTimezone: true }),
    /** The chart document (kind query-addendum) the answer became. */
    addendumDocumentId: integer(),
    sentBy: integer().references(() => appUser.id),
    sentAt: createdAt(),
  },
  (t) => [index().on(t.practiceId, t.state, t.sentAt), index().on(t.encounterId)],
);
