import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, updatedAt } from '../db/columns.ts';
import { appUser } from '../auth/tables.ts';
import { encounter } from '../encounters/tables.ts';
import { practice } from '../practices/tables.ts';

/**
 * A chart to code: one per encounter. It waits in the coding queue (queued), a coder claims it
 * (in-progress), holds it with a reason (held), a physician query holds it (query), or it is sent
 * to billing (done). The codes themselves are the encounter's diagnoses and service lines.
 */
export const codingChart = pgTable(
  'coding_chart',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    encounterId: integer()
      .notNull()
      .references(() => encounter.id, { onDelete: 'cascade' }),
    /** Copied from the encounter when queued, so the queue filters without reading other domains. */
    patientId: integer().notNull(),
    providerId: integer().notNull(),
    /** The rendering provider's taxonomy code (the specialty filter). */
    specialty: text(),
    serviceDate: date({ mode: 'string' }).notNull(),
    /** em-visit, procedure, surgery, inpatient (ChartType in src/charts/content.ts). */
    chartType: text().notNull(),
    /** 1 urgent, 2 high, 3 routine: the queue shows the lowest number first. */
    priority: integer().notNull().default(3),
    /** queued, in-progress, held, query, done. */
    state: text().notNull().default('queued'),
    coderId: integer().references(() => appUser.id),
    holdReason: text(),
    queuedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp({ withTimezone: true }),
    doneAt: timestamp({ withTimezone: true }),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex().on(t.encounterId),
    index().on(t.practiceId, t.state, t.priority, t.queuedAt),
    index().on(t.coderId, t.state),
  ],
);

/**
 * Everything a coder does in the workspace, with its time: claim, open, code-add, code-remove,
 * suggestion-accept, suggestion-reject, hold, release, send. Productivity is read from these.
 */
export const codingEvent = pgTable(
  'coding_event',
  {
    id: id(),
    practiceId: integer()
      .notNull()
      .references(() => practice.id),
    codingChartId: integer()
      .notNull()
      .references(() => codingChart.id, { onDelete: 'cascade' }),
    encounterId: integer().notNull(),
    userId: integer(),
    kind: text().notNull(),
    /** The code the action was about (code-add, suggestion-accept …), its system in detail. */
    code: text(),
    chartType: text().notNull(),
    detail: jsonb(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.practiceId, t.userId, t.at), index().on(t.codingChartId, t.at)],
);
